import type { DerivedFrom, Graph, GraphEdge, GraphNode, Provenance } from '../graph/types.js';
import type { Statement } from '../extract/types.js';
import type { Entity, Resolution } from '../resolve/entity.js';

const STRENGTH: Record<DerivedFrom, number> = { table: 3, list: 2, text: 1, link: 0 };

function provenanceKey(p: Provenance): string {
  return JSON.stringify([p.source, p.line, p.derivedFrom, p.column ?? '', p.text ?? '', p.section]);
}

/** Provenance entries without repeats, in corpus order (the order mentions were read). */
function distinct(list: Provenance[]): Provenance[] {
  const seen = new Set<string>();
  return list.filter((p) => {
    const k = provenanceKey(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function node(e: Entity): GraphNode {
  return {
    id: e.id,
    label: e.label,
    name: e.name,
    aliases: e.aliases,
    props: e.props,
    provenance: distinct(e.mentions.map((m) => m.provenance)),
    merges: e.merges,
  };
}

/**
 * The graph: one node per entity, one edge per (type, source, target) with every place that
 * states it, plus VARIANT_OF from each size variant to its family. Statements whose ends were
 * dropped (a tentative name nothing matched) or that join an entity to itself are left out.
 * Sorted by id, so the same corpus always prints the same JSON.
 */
export function buildGraphValue(res: Resolution, statements: Statement[]): Graph {
  const edges = new Map<string, GraphEdge>();
  const add = (type: GraphEdge['type'], source: Entity, target: Entity, prov: Provenance) => {
    if (source === target) return;
    const id = `${type}:${source.id}->${target.id}`;
    const edge = edges.get(id) ?? { id, type, source: source.id, target: target.id, derivedFrom: prov.derivedFrom, provenance: [] };
    edge.provenance.push(prov);
    if (STRENGTH[prov.derivedFrom] > STRENGTH[edge.derivedFrom]) edge.derivedFrom = prov.derivedFrom;
    edges.set(id, edge);
  };
  for (const s of statements) {
    const from = res.entityOf.get(s.from);
    const to = res.entityOf.get(s.to);
    if (from && to) add(s.type, from, to, s.provenance);
  }
  for (const e of res.entities) {
    if (!e.variantOf) continue;
    const entry = e.mentions.find((m) => m.role === 'entry') ?? e.mentions[0];
    add('VARIANT_OF', e, e.variantOf, entry.provenance);
  }
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return {
    nodes: res.entities.map(node).sort(byId),
    edges: [...edges.values()].map((e) => ({ ...e, provenance: distinct(e.provenance) })).sort(byId),
  };
}
