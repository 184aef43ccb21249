import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { EDGE_MAP, detailParams, nodeMap, type Detail } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/** Which way an edge is followed from a node. */
export type Way = 'OUTGOING' | 'INCOMING' | 'BOTH';

/**
 * A subquery over a node `n`: the nodes one hop away with the relationship that leads there,
 * outgoing over the types `$out`, incoming over `$in` (null: every type, empty: none), in name
 * order, as `hops`. An empty list skips its direction before any relationship is read, so asking
 * for a hub's contributors never walks its ten thousand derivatives. Only the view's relationship
 * versions are followed (`visible`); they only join node versions of the same view.
 */
export const HOPS_OF_N = `CALL (n) {
  CALL (n) {
    WITH n WHERE $out IS NULL OR size($out) > 0
    MATCH (n)-[r]->(m:Entity)
    WHERE ($out IS NULL OR type(r) IN $out) AND ${visible('r')}
    RETURN r, m, true AS outgoing
    UNION ALL
    WITH n WHERE $in IS NULL OR size($in) > 0
    MATCH (n)<-[r]-(m:Entity)
    WHERE ($in IS NULL OR type(r) IN $in) AND ${visible('r')}
    RETURN r, m, false AS outgoing
  }
  WITH r, m, outgoing ORDER BY toLower(m.name), m.id
  RETURN collect({node: ${nodeMap('m')}, edge: ${EDGE_MAP}, outgoing: outgoing}) AS hops
}`;

/** For many nodes at once (DataLoader batches), their hops (HOPS_OF_N). */
export const NEIGHBOURS: NamedQuery = {
  name: 'neighbours',
  cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${visible('n')}
${HOPS_OF_N}
RETURN id, hops`,
};

export interface Hop {
  from: string;
  node: NodeRecord;
  edge: EdgeRecord;
  /** Whether the edge leaves `from` (else it arrives there). */
  outgoing: boolean;
}

/** The `$out` and `$in` of HOPS_OF_N for one way over some types (null: every type). */
export function hopParams(way: Way, types: readonly string[] | null): { out: string[] | null; in: string[] | null } {
  const list = types ? [...types] : null;
  return { out: way === 'INCOMING' ? [] : list, in: way === 'OUTGOING' ? [] : list };
}

/** Hops as HOPS_OF_N returns them, for the node `from`. */
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
  const rows = await runner.read(NEIGHBOURS, { ids: [...ids], ...hopParams(way, types), ...detailParams(detail) }, view);
  return rows.flatMap((row) => toHops(String(row.id), row.hops, view));
}
