import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { EDGE_MAP, detailParams, nodeMap, type Detail } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import { typeAlternatives } from './relationship-types.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/** Which way an edge is followed from a node. */
export type Way = 'OUTGOING' | 'INCOMING' | 'BOTH';

/** Which relationship types a node's hops follow each way: null every type, empty none. */
export interface HopTypes {
  out: readonly string[] | null;
  in: readonly string[] | null;
}

/**
 * A subquery over a node `n`: the nodes one hop away with the relationship that leads there,
 * outgoing over the types `out`, incoming over `in`, in name order, as `hops`. The types are in
 * the pattern, so Neo4j reads only those relationships of `n` (a hub's ten thousand derivatives
 * are never read for its contributors), and a direction with no types is not in the statement at
 * all. Only the view's relationship versions are followed (`visible`); they only join node
 * versions of the same view. Each combination of types is its own statement (hopsStatement).
 */
export function hopsOfN(types: HopTypes): string {
  const branch = (list: readonly string[] | null, outgoing: boolean) =>
    list && list.length === 0
      ? []
      : [`MATCH (n)${outgoing ? '-' : '<-'}[r${list ? `:${typeAlternatives(list)}` : ''}]${outgoing ? '->' : '-'}(m:Entity) WHERE ${visible('r')}
    RETURN r, m, ${outgoing} AS outgoing`];
  const branches = [...branch(types.out, true), ...branch(types.in, false)];
  if (!branches.length) return 'CALL (n) { RETURN [] AS hops }';
  return `CALL (n) {
  CALL (n) {
    ${branches.join('\n    UNION ALL\n    ')}
  }
  WITH r, m, outgoing ORDER BY toLower(m.name), m.id
  RETURN collect({node: ${nodeMap('m')}, edge: ${EDGE_MAP}, outgoing: outgoing}) AS hops
}`;
}

/** What tells one combination of hop types from another, whatever the order of the types. */
export function hopTypesKey(types: HopTypes): string {
  const one = (list: readonly string[] | null) => (list ? [...new Set(list)].sort().join('|') : '*');
  return `${one(types.out)}>${one(types.in)}`;
}

/**
 * A named statement per combination of hop types, made once: `make` builds its Cypher around
 * hopsOfN. The combinations are those of the schema's relation fields, a few dozen at most.
 */
export function hopsStatement(name: string, make: (hops: string) => string): (types: HopTypes) => NamedQuery {
  const made = new Map<string, NamedQuery>();
  return (types) => {
    const key = hopTypesKey(types);
    let query = made.get(key);
    if (!query) made.set(key, (query = { name, cypher: make(hopsOfN(types)) }));
    return query;
  };
}

/** For many nodes at once (DataLoader batches), their hops over some types (hopsOfN). */
export const neighboursQuery = hopsStatement(
  'neighbours',
  (hops) => `UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${visible('n')}
${hops}
RETURN id, hops`,
);

export interface Hop {
  from: string;
  node: NodeRecord;
  edge: EdgeRecord;
  /** Whether the edge leaves `from` (else it arrives there). */
  outgoing: boolean;
}

/** The hop types of one way over some types (null: every type). */
export function hopTypes(way: Way, types: readonly string[] | null): HopTypes {
  return { out: way === 'INCOMING' ? [] : types, in: way === 'OUTGOING' ? [] : types };
}

/** Hops as hopsOfN returns them, for the node `from`. */
export function toHops(from: string, rows: unknown, view: View = CURRENT): Hop[] {
  return (rows as { node: Record<string, unknown>; edge: Record<string, unknown>; outgoing: boolean }[]).map((h) => ({
    from,
    node: toNodeRecord(h.node, view),
    edge: toEdgeRecord(h.edge, view),
    outgoing: h.outgoing,
  }));
}

export async function neighbours(
  runner: CypherRunner,
  ids: readonly string[],
  way: Way,
  types: readonly string[] | null,
  detail: Detail = { nodes: true, edges: true },
  view: View = CURRENT,
): Promise<Hop[]> {
  const rows = await runner.read(neighboursQuery(hopTypes(way, types)), { ids: [...ids], ...detailParams(detail) }, view);
  return rows.flatMap((row) => toHops(String(row.id), row.hops, view));
}
