import type { ResolveTree } from 'graphql-parse-resolve-info';
import type { Hop } from '../../queries/edges.js';
import type { Detail } from '../../queries/projections.js';
import type { Loaders } from '../../loaders/loaders.js';
import { RELATION_FIELDS, type RelationField } from './relation-fields.js';
import { fieldsIn, fieldsNamed, needsWholeNode } from './selection.js';

/** The relation types a selection of nodes reads one hop out, each way, and in how much detail. */
export interface WantedHops {
  out: string[];
  in: string[];
  detail: Detail;
}

/**
 * The detail in which a relation field reads its hops: the nodes whole when its own selection
 * (or, for links, the selection of `model`) needs more than names; the relationships whole for
 * links, which show provenance and derivations.
 */
export function relationDetail(field: RelationField, tree: ResolveTree | null | undefined): Detail {
  if (field.shows === 'links') {
    const model = fieldsNamed(tree, 'model');
    const relation = fieldsNamed(tree, 'relation');
    const derivation = fieldsNamed(tree, 'derivation');
    return { nodes: model.some(needsWholeNode), edges: relation.length > 0 || derivation.some((d) => fieldsIn(d).length > 0) };
  }
  if (field.shows === 'nodes') return { nodes: needsWholeNode(tree), edges: false };
  return { nodes: false, edges: false };
}

/** The relation fields the selections on nodes of `typeName` select, as hops to read with the nodes. */
export function wantedHops(trees: ResolveTree | ResolveTree[] | null | undefined, typeName: string): WantedHops {
  const fields = RELATION_FIELDS[typeName] ?? {};
  const out = new Set<string>();
  const inc = new Set<string>();
  const detail: Detail = { nodes: false, edges: false };
  for (const child of [trees ?? []].flat().flatMap(fieldsIn)) {
    const field = fields[child.name];
    if (!field) continue;
    (field.way === 'OUTGOING' ? out : inc).add(field.type);
    const d = relationDetail(field, child);
    detail.nodes ||= d.nodes;
    detail.edges ||= d.edges;
  }
  return { out: [...out], in: [...inc], detail };
}

/**
 * Hands the hops a query read with a node over to the loaders, one list per type and way asked,
 * empty ones included: a relation field then resolves without a query of its own.
 */
export function primeWantedHops(loaders: Loaders, id: string, wanted: WantedHops, hops: Hop[]): void {
  const byKey = new Map<string, Hop[]>();
  for (const type of wanted.out) byKey.set(`OUTGOING|${type}`, []);
  for (const type of wanted.in) byKey.set(`INCOMING|${type}`, []);
  for (const hop of hops) byKey.get(`${hop.outgoing ? 'OUTGOING' : 'INCOMING'}|${hop.edge.type}`)?.push(hop);
  for (const [key, list] of byKey) {
    const [way, type] = key.split('|') as ['OUTGOING' | 'INCOMING', string];
    loaders.primeHops(id, way, type, wanted.detail, list);
  }
}
