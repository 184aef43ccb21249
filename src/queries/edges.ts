import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { DERIVATION_FIELDS } from './derivations.js';
import type { CypherRunner, NamedQuery } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/** Which way an edge is followed from a node. */
export type Way = 'OUTGOING' | 'INCOMING' | 'BOTH';

export const EDGE_MAP = `{id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id,
  derivedFrom: r.derivedFrom, provenance: r.provenance, seen: r.seen, ${DERIVATION_FIELDS}}`;

/**
 * For many nodes at once (DataLoader batches), the nodes one hop away over the given relation
 * types, with the edge that leads there. `$types` null means every type.
 */
export const NEIGHBOURS: NamedQuery = {
  name: 'neighbours',
  cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${visible('n')}
CALL (n) {
  MATCH (n)-[r]->(m:Entity)
  WHERE $way IN ['OUTGOING', 'BOTH'] AND ($types IS NULL OR type(r) IN $types) AND ${visible('r')}
  RETURN r, m
  UNION
  MATCH (n)<-[r]-(m:Entity)
  WHERE $way IN ['INCOMING', 'BOTH'] AND ($types IS NULL OR type(r) IN $types) AND ${visible('r')}
  RETURN r, m
}
RETURN id, m {.*} AS node, ${EDGE_MAP} AS edge
ORDER BY id, toLower(m.name), m.id`,
};

export interface Hop {
  from: string;
  node: NodeRecord;
  edge: EdgeRecord;
}

export async function neighbours(
  runner: CypherRunner,
  ids: readonly string[],
  way: Way,
  types: readonly string[] | null,
  view: View = CURRENT,
): Promise<Hop[]> {
  const rows = await runner.read(NEIGHBOURS, { ids: [...ids], way, types: types ? [...types] : null }, view);
  return rows.map((row) => ({
    from: String(row.id),
    node: toNodeRecord(row.node as Record<string, unknown>, view),
    edge: toEdgeRecord(row.edge as Record<string, unknown>, view),
  }));
}
