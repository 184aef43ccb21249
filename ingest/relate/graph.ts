import type { DerivedFrom, Graph, GraphEdge, GraphNode, Provenance } from '../graph/types.js';
import { derivationOf, type DerivationEvidence } from '../extract/derivation.js';
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

function node(e: Entity, namedIn: Provenance[]): GraphNode {
  return {
    id: e.id,
    label: e.label,
    name: e.name,
    aliases: e.aliases,
    props: e.props,
    provenance: distinct([...e.mentions.map((m) => m.provenance), ...namedIn]),
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
  const mentionById = new Map(res.entities.flatMap((e) => e.mentions.map((m) => [m.id, m] as const)));
  const evidence = new Map<string, DerivationEvidence[]>();
  for (const s of statements) {
    const from = res.entityOf.get(s.from);
    const to = res.entityOf.get(s.to);
    if (!from || !to) continue;
    add(s.type, from, to, s.provenance);
    if (s.type === 'BASED_ON' && from !== to) {
      const id = `BASED_ON:${from.id}->${to.id}`;
      evidence.set(id, [...(evidence.get(id) ?? []), ...(mentionById.get(s.from)?.derivation ?? [])]);
    }
  }
  for (const e of edges.values()) if (e.type === 'BASED_ON') e.derivation = derivationOf(evidence.get(e.id) ?? []);
  for (const e of res.entities) {
    if (!e.variantOf) continue;
    const entry = e.mentions.find((m) => m.role === 'entry') ?? e.mentions[0];
    add('VARIANT_OF', e, e.variantOf, entry.provenance);
  }
  dropWeakContributors(edges);
  // A name only a sentence introduced is kept only while a relation still stands on it.
  const touched = new Set<string>();
  for (const e of edges.values()) touched.add(e.source).add(e.target);
  const fromSentencesOnly = (e: Entity) => e.mentions.every((m) => /:t\d+$/.test(m.id));
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  // A sentence that states a fact of a thing (`…由香港中文大学…开发的Phoenix`, under a heading
  // two lines up) or names it as the fact's target is a place the list speaks of it.
  const namedIn = new Map<string, Provenance[]>();
  for (const e of edges.values()) {
    const said = e.provenance.filter((p) => p.derivedFrom === 'text');
    if (!said.length) continue;
    for (const end of [e.source, e.target]) namedIn.set(end, [...(namedIn.get(end) ?? []), ...said]);
  }
  return {
    nodes: res.entities.filter((e) => touched.has(e.id) || !fromSentencesOnly(e)).map((e) => node(e, namedIn.get(e.id) ?? [])).sort(byId),
    edges: [...edges.values()].map((e) => ({ ...e, provenance: distinct(e.provenance) })).sort(byId),
  };
}

/**
 * Contributors by strength, per list: one a sentence states (`developed by XVERSE Technology
 * Inc.`) counts only where the list's columns, groups and keys name none for the model, and
 * one read from the owner of the model's link only where the list names none at all.
 */
function dropWeakContributors(edges: Map<string, GraphEdge>): void {
  const strongest = new Map<string, number>();
  for (const e of edges.values()) {
    if (e.type !== 'FROM_CONTRIBUTOR') continue;
    for (const p of e.provenance) {
      const k = `${e.source}\u0000${p.source}`;
      strongest.set(k, Math.max(strongest.get(k) ?? -1, STRENGTH[p.derivedFrom]));
    }
  }
  for (const [id, e] of edges) {
    if (e.type !== 'FROM_CONTRIBUTOR') continue;
    const kept = e.provenance.filter((p) => {
      const best = strongest.get(`${e.source}\u0000${p.source}`) ?? -1;
      return p.derivedFrom !== 'text' && p.derivedFrom !== 'link' ? true : STRENGTH[p.derivedFrom] >= best;
    });
    if (!kept.length) edges.delete(id);
    else if (kept.length < e.provenance.length) {
      e.provenance = kept;
      e.derivedFrom = kept.reduce((best, p) => (STRENGTH[p.derivedFrom] > STRENGTH[best] ? p.derivedFrom : best), kept[0].derivedFrom);
    }
  }
}
