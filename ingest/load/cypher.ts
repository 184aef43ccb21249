import { EDGE_TYPES, NODE_LABELS, type EdgeType, type NodeLabel } from '../graph/types.js';

/**
 * The Cypher of the load step. Labels and relationship types cannot be parameters in Cypher, so
 * they are spliced in, but only after checking them against the closed lists in graph/types;
 * every value travels as a parameter.
 */

export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label)',
  // Full-text index behind `search`: names and aliases, fuzzy matching with Lucene's `~`.
  'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]',
];

function checkedLabel(label: string): NodeLabel {
  if (!(NODE_LABELS as readonly string[]).includes(label)) throw new Error(`unknown node label ${JSON.stringify(label)}`);
  return label as NodeLabel;
}

function checkedType(type: string): EdgeType {
  if (!(EDGE_TYPES as readonly string[]).includes(type)) throw new Error(`unknown edge type ${JSON.stringify(type)}`);
  return type as EdgeType;
}

/** `SET n = row.props` replaces every property, so a re-run leaves no stale value behind. */
export function mergeNodes(label: string): string {
  return `UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n:${checkedLabel(label)}`;
}

export function mergeEdges(type: string): string {
  return `UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:${checkedType(type)}]->(t)
SET r = row.props`;
}

/** What is in the database but not in the graph being loaded goes: the graph is replaced. */
export const DELETE_STALE_EDGES = `MATCH (:Entity)-[r]->(:Entity)
WHERE NOT r.id IN $edgeIds
DELETE r`;

export const DELETE_STALE_NODES = `MATCH (n:Entity)
WHERE NOT n.id IN $nodeIds
DETACH DELETE n`;

export const COUNT_GRAPH = `MATCH (n:Entity)
OPTIONAL MATCH (n)-[r]->(:Entity)
RETURN count(DISTINCT n) AS nodes, count(r) AS relationships`;
