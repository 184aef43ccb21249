import neo4j from 'neo4j-driver';
import { toEdgeRecord, type EdgeRecord } from '../records/node-record.js';
import { DERIVATION_FIELDS } from './derivations.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { visible } from './view.js';

export const COUNT_RELATIONS: NamedQuery = {
  name: 'countRelations',
  cypher: `MATCH (:Entity)-[r]->(:Entity)
WHERE ${visible('r')} AND ($type IS NULL OR type(r) = $type) AND ($derivedFrom IS NULL OR r.derivedFrom = $derivedFrom)
RETURN count(r) AS total`,
};

export const RELATIONS_PAGE: NamedQuery = {
  name: 'relationsPage',
  cypher: `MATCH (s:Entity)-[r]->(t:Entity)
WHERE ${visible('r')} AND ($type IS NULL OR type(r) = $type) AND ($derivedFrom IS NULL OR r.derivedFrom = $derivedFrom)
RETURN {id: r.id, type: type(r), source: s.id, target: t.id, derivedFrom: r.derivedFrom,
        provenance: r.provenance, seen: r.seen, ${DERIVATION_FIELDS}} AS edge
ORDER BY r.id
SKIP $skip LIMIT $limit`,
};

export async function relationsPage(
  runner: CypherRunner,
  type: string | null,
  derivedFrom: string | null,
  skip: number,
  limit: number,
): Promise<{ edges: EdgeRecord[]; total: number }> {
  const params = { type, derivedFrom };
  const [count, page] = await Promise.all([
    runner.read(COUNT_RELATIONS, params),
    runner.read(RELATIONS_PAGE, { ...params, skip: neo4j.int(skip), limit: neo4j.int(limit) }),
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    edges: page.map((row) => toEdgeRecord(row.edge as Record<string, unknown>)),
  };
}
