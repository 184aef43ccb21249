/**
 * The Cypher of the load step. Labels and relationship types are dynamic (`$(row.label)`,
 * Neo4j 5.26+), so every value, kinds included, travels as a parameter and one compiled plan
 * serves every kind; checkGraph has already refused kinds outside graph/types.
 */

export const SCHEMA_STATEMENTS = [
  'CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label)',
  // Name look-ups ask whether a key is one of `nameKeys` (a list): a range index cannot answer
  // list membership, a full-text index with the keyword analyzer holds each key as one exact
  // term, so a look-up is one term seek however big the graph (src/queries/nodes.ts).
  "CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}",
  // Full-text index behind `search`: names and aliases, fuzzy matching with Lucene's `~`.
  'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]',
];

/** `SET n = row.props` replaces every property, so a re-run leaves no stale value behind. */
export const MERGE_NODES = `UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.props, n:$(row.label)`;

export const MERGE_EDGES = `UNWIND $rows AS row
MATCH (s:Entity {id: row.source})
MATCH (t:Entity {id: row.target})
MERGE (s)-[r:$(row.type)]->(t)
SET r = row.props`;

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
