import neo4j from 'neo4j-driver';
import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { DERIVATION_FIELDS } from './derivations.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { visible } from './view.js';

export const NODE_COUNTS: NamedQuery = {
  name: 'nodeCounts',
  cypher: `MATCH (n:Entity) WHERE ${visible('n')} RETURN n.label AS label, count(*) AS count ORDER BY count DESC, label`,
};

export const RELATION_COUNTS: NamedQuery = {
  name: 'relationCounts',
  cypher: `MATCH (:Entity)-[r]->(:Entity) WHERE ${visible('r')} RETURN type(r) AS type, count(*) AS count ORDER BY count DESC, type`,
};

/**
 * Descendant counts per model, over at most 10 hops, counted DISTINCT; the relationship
 * condition sits inside the quantified pattern, so the walk follows only the generation's
 * relationships.
 */
export const TOP_BASE_MODELS: NamedQuery = {
  name: 'topBaseModels',
  cypher: `MATCH (m:Model)
WHERE ${visible('m')} AND EXISTS { (m)<-[r:BASED_ON|VARIANT_OF]-() WHERE ${visible('r')} }
CALL (m) {
  MATCH (m) (()<-[r:BASED_ON|VARIANT_OF]-() WHERE ${visible('r')}){1,10} (d:Entity)
  WITH DISTINCT d
  RETURN count(d) AS descendants
}
RETURN m {.*} AS node, descendants
ORDER BY descendants DESC, toLower(m.name)
LIMIT $first`,
};

export const TOP_CONTRIBUTORS: NamedQuery = {
  name: 'topContributors',
  cypher: `MATCH (o:Organization)<-[r:FROM_CONTRIBUTOR]-(m:Model)
WHERE ${visible('r')}
WITH o, count(DISTINCT m) AS models
RETURN o {.*} AS node, models
ORDER BY models DESC, toLower(o.name)
LIMIT $first`,
};

export const WHOLE_GRAPH: NamedQuery = {
  name: 'wholeGraph',
  cypher: `MATCH (n:Entity) WHERE ${visible('n')}
OPTIONAL MATCH (n)-[r]->(t:Entity) WHERE ${visible('r')}
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE {id: r.id, type: type(r), source: n.id, target: t.id,
  derivedFrom: r.derivedFrom, provenance: r.provenance, seen: r.seen, ${DERIVATION_FIELDS}} END) AS edges
RETURN n {.*} AS node, edges
ORDER BY n.id`,
};

export async function countsBy(runner: CypherRunner, query: NamedQuery): Promise<{ key: string; count: number }[]> {
  const rows = await runner.read(query);
  return rows.map((row) => ({ key: String(row.label ?? row.type), count: Number(row.count) }));
}

export async function ranked(
  runner: CypherRunner,
  query: NamedQuery,
  first: number,
): Promise<{ node: NodeRecord; value: number }[]> {
  const rows = await runner.read(query, { first: neo4j.int(first) });
  return rows.map((row) => ({
    node: toNodeRecord(row.node as Record<string, unknown>),
    value: Number(row.descendants ?? row.models),
  }));
}

export async function wholeGraph(runner: CypherRunner): Promise<{ nodes: NodeRecord[]; edges: EdgeRecord[] }> {
  const rows = await runner.read(WHOLE_GRAPH);
  const nodes: NodeRecord[] = [];
  const edges: EdgeRecord[] = [];
  for (const row of rows) {
    nodes.push(toNodeRecord(row.node as Record<string, unknown>));
    for (const edge of row.edges as Record<string, unknown>[]) edges.push(toEdgeRecord(edge));
  }
  return { nodes, edges };
}
