import { EDGE_TYPES, type EdgeType } from '../graph/types.js';

/**
 * The Cypher of the store. Every fact is stored as versions: a node version or relationship
 * version is stated from generation `gFrom` until (not including) `gTo`, `OPEN` while still
 * stated. The singleton `LineageStore` node holds the current generation; readers see the
 * versions with `gFrom <= current < gTo`. A load writes the next generation's versions (new
 * ones with `gFrom = next`, retired ones get `gTo = next`, both invisible to readers of the
 * current one) in bounded batches, then switches `current` in one small transaction.
 *
 * Relationship types are never parameters: relationships are created by one statement per
 * type, generated here from EDGE_TYPES (graph/types.ts), so each plan is compiled for a static
 * type; every value travels as a parameter.
 */

/** `gTo` of a version still stated (a large integer keeps `gTo > $g` an index range seek). */
export const OPEN = 2_147_483_647;

export const STORE_KEY = 'lineage';

export const SCHEMA_STATEMENTS = [
  // Versions share an id, so the id alone is no longer unique (llm-lineage before sources had this).
  'DROP CONSTRAINT entity_id IF EXISTS',
  'CREATE CONSTRAINT entity_version IF NOT EXISTS FOR (n:Entity) REQUIRE (n.id, n.gFrom) IS UNIQUE',
  'CREATE INDEX entity_id_lookup IF NOT EXISTS FOR (n:Entity) ON (n.id)',
  'CREATE INDEX entity_until IF NOT EXISTS FOR (n:Entity) ON (n.gTo)',
  'CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name)',
  'CREATE INDEX entity_label IF NOT EXISTS FOR (n:Entity) ON (n.label)',
  // Name look-ups ask whether a key is one of `nameKeys` (a list): a range index cannot answer
  // list membership, a full-text index with the keyword analyzer holds each key as one exact
  // term, so a look-up is one term seek however big the graph (src/queries/nodes.ts).
  "CREATE FULLTEXT INDEX entity_name_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameKeys] OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}}",
  // Full-text index behind `search`: names and aliases, fuzzy matching with Lucene's `~`.
  'CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliasText]',
  'CREATE CONSTRAINT store_key IF NOT EXISTS FOR (m:LineageStore) REQUIRE m.key IS UNIQUE',
  'CREATE CONSTRAINT source_version IF NOT EXISTS FOR (v:SourceVersion) REQUIRE (v.source, v.gFrom) IS UNIQUE',
  'CREATE CONSTRAINT generation_number IF NOT EXISTS FOR (g:Generation) REQUIRE g.number IS UNIQUE',
  'CREATE INDEX generation_date IF NOT EXISTS FOR (g:Generation) ON (g.date)',
];

/** The store's state, without taking it. */
export const READ_STORE = `OPTIONAL MATCH (m:LineageStore {key: $key})
RETURN coalesce(m.current, 0) AS current, m.digest AS digest, m.pending AS pending,
  COUNT { MATCH (n:Entity) WHERE n.gFrom IS NULL } > 0 AS legacy`;

/**
 * Takes the store for one load: the token marks every batch of this load, and a later load that
 * takes the store over makes this one's next batch fail. Returns the generation before. A store
 * made afresh takes the token as its epoch: the generations of a database emptied and loaded
 * again start from 1 again, and readers' caches (src/queries/current-generation.ts) must tell them apart.
 */
export const TAKE_STORE = `MERGE (m:LineageStore {key: $key})
ON CREATE SET m.current = 0, m.epoch = $token
WITH m, m.pending AS previous
SET m.pending = $token, m.pendingSince = $now, m.batchesDone = 0, m.switchAt = null
RETURN m.current AS current, previous`;

/**
 * How long before it switches a load announces the switch (m.switchAt, in the database's
 * clock). A reader may keep the state it read for this long, or until the switch announced
 * when there is one (src/queries/current-generation.ts): a switch never lands while a reader
 * still keeps the generation before it, so a request asked after the switch gets the new graph
 * without every request reading the state. A take or a release ends the announcement of a load
 * that will not switch any more (its token is gone); one left by a killed load is in the past,
 * and readers keep nothing until the next take. Whatever changes what readers see other than
 * by a switch (emptying the database, say) must wait this long before it counts as seen.
 */
export const SWITCH_NOTICE_MS = 50;

export const ANNOUNCE_SWITCH = `MATCH (m:LineageStore {key: $key}) WHERE m.pending = $token
SET m.switchAt = timestamp() + $notice
RETURN $notice AS wait`;

/** How long until the announced switch is due (nothing when the store is not this load's any more). */
export const SWITCH_DUE = `MATCH (m:LineageStore {key: $key}) WHERE m.pending = $token
RETURN m.switchAt - timestamp() AS left`;

/**
 * Run first in every write transaction of a load: no row when another load took over; else the
 * number of batches this load has committed, so that a batch retried after its commit was not
 * acknowledged is not applied twice. Locks the store node until the batch commits.
 */
export const CHECK_TOKEN = `MATCH (m:LineageStore {key: $key}) WHERE m.pending = $token
SET m.heartbeat = $now
RETURN m.batchesDone AS done`;

export const BATCH_DONE = `MATCH (m:LineageStore {key: $key}) WHERE m.pending = $token
SET m.batchesDone = $batch`;

export const RELEASE_STORE = `MATCH (m:LineageStore {key: $key}) WHERE m.pending = $token
SET m.pending = null, m.switchAt = null
RETURN m.current AS current`;

/** The switch: one small transaction makes the new generation the one readers see, once its announced time has come. */
export const SWITCH_GENERATION = `MATCH (m:LineageStore {key: $key}) WHERE m.pending = $token AND m.current = $previous AND timestamp() >= m.switchAt
SET m.current = $generation, m.digest = $digest, m.pending = null, m.switchAt = null
CREATE (g:Generation)
SET g = $meta
RETURN g.number AS generation`;

/** Leftovers of a load that never switched: versions it added go, versions it retired are stated again. */
export const CLEANUP_STATEMENTS = [
  `MATCH (n:Entity) WHERE n.gFrom > $current
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`,
  `MATCH (:Entity)-[r]->(:Entity) WHERE r.gFrom > $current
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (n:Entity) WHERE n.gTo > $current AND n.gTo < $open
CALL (n) { SET n.gTo = $open } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (:Entity)-[r]->(:Entity) WHERE r.gTo > $current AND r.gTo < $open
CALL (r) { SET r.gTo = $open } IN TRANSACTIONS OF 10000 ROWS`,
  `MATCH (v:SourceVersion) WHERE v.gFrom > $current DELETE v`,
  `MATCH (v:SourceVersion) WHERE v.gTo > $current AND v.gTo < $open SET v.gTo = $open`,
];

/** A graph written by llm-lineage before sources were kept (no versions): removed by a replacing load. */
export const DELETE_LEGACY = `MATCH (n:Entity) WHERE n.gFrom IS NULL
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS`;

/** Every id the store ever gave, with what identifies it (load/stable-ids.ts). */
export const READ_ID_MEMORY = `MATCH (n:Entity)
WITH n ORDER BY n.gFrom
WITH n.id AS id, collect(n) AS versions
WITH id, versions, versions[size(versions) - 1] AS last
RETURN id, last.label AS label, CASE WHEN last.label = 'Organization' THEN last.kind END AS kind, coalesce(last.nameKeys[0], '') AS displayKey,
  reduce(k = [], v IN versions | k + coalesce(v.nameKeys, []) + CASE WHEN v.arxivId IS NULL THEN [] ELSE ['arxiv:' + v.arxivId] END) AS keys,
  reduce(r = [], v IN versions | r + coalesce(v.repos, [])) AS repos,
  any(v IN versions WHERE v.gFrom <= $g AND $g < v.gTo) AS live`;

export const READ_LIVE_NODES = `MATCH (n:Entity) WHERE n.gTo > $g AND n.gFrom <= $g
RETURN n.id AS id, n.gFrom AS gFrom, n.hash AS hash, n.seen AS seen, n.sources AS sources, n.label AS label`;

export const READ_LIVE_EDGES = `MATCH (s:Entity) WHERE s.gTo > $g AND s.gFrom <= $g
MATCH (s)-[r]->(t:Entity) WHERE r.gTo > $g AND r.gFrom <= $g
RETURN r.id AS id, type(r) AS type, r.gFrom AS gFrom, r.hash AS hash, r.seen AS seen, r.sources AS sources,
  s.id AS source, t.id AS target`;

/** The latest version of ids no longer stated, for facts stated again. */
export const READ_LAST_NODE_VERSIONS = `UNWIND $ids AS id
MATCH (n:Entity {id: id}) USING INDEX SEEK n:Entity(id)
WITH id, n ORDER BY n.gFrom DESC
WITH id, collect(n)[0] AS n
RETURN id, n.gTo AS gTo, n.seen AS seen, n.sources AS sources`;

export const READ_LAST_EDGE_VERSIONS = `UNWIND $rows AS row
MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) USING INDEX SEEK s:Entity(id)
WHERE r.id = row.id
WITH row, r ORDER BY r.gFrom DESC
WITH row, collect(r)[0] AS r
RETURN row.id AS id, r.gTo AS gTo, r.seen AS seen, r.sources AS sources`;

export const READ_SOURCE_VERSIONS = `MATCH (v:SourceVersion)
RETURN v.source AS source, v.gFrom AS gFrom, v.gTo AS gTo, v.sha256 AS sha256, v.date AS date, v.commit AS commit,
  v.origin AS origin, v.ingestedAt AS ingestedAt
ORDER BY v.source, v.gFrom`;

/** The texts of the sources stated in generation $g, to rebuild the graph with some of them replaced. */
export const READ_SOURCE_TEXTS = `MATCH (v:SourceVersion) WHERE v.gFrom <= $g AND $g < v.gTo
RETURN v.source AS source, v.text AS text, v.sha256 AS sha256, v.origin AS origin
ORDER BY v.source`;

export const CLOSE_NODES = `UNWIND $rows AS row
MATCH (n:Entity {id: row.id, gFrom: row.gFrom}) USING INDEX SEEK n:Entity(id, gFrom)
SET n.gTo = $generation`;

/**
 * Retiring a relationship version finds it from its start node's version (few relationships
 * each) by its id: one statement serves every type, so a load compiles one plan, not fourteen.
 */
export const CLOSE_EDGES = `UNWIND $rows AS row
MATCH (s:Entity {id: row.source, gFrom: row.sourceFrom})-[r]->() USING INDEX SEEK s:Entity(id, gFrom)
WHERE r.id = row.id AND r.gFrom = row.gFrom
SET r.gTo = $generation`;

/**
 * Versions are created, not merged: the plan knows they are new, and a batch is applied once
 * (CHECK_TOKEN). The kind is a label set from the row (`n:$(row.label)`, Neo4j 5.26+): setting
 * a label plans the same for every kind, unlike matching by one.
 */
export const CREATE_NODES = `UNWIND $rows AS row
CREATE (n:Entity)
SET n = row, n:$(row.label)`;

/**
 * Relationships are created with a static type: one statement per type (EDGE_TYPES), planned for
 * it. The hints hold the plan to index seeks: planned right after a load emptied or filled the
 * database, before Neo4j samples the index again, the planner took the index for empty and
 * scanned it for every row (16 s for 5,000 rows instead of 0.1 s). Every lookup by a version's
 * key in this file is hinted so.
 */
export function createEdges(type: EdgeType): string {
  return `UNWIND $rows AS row
MATCH (s:Entity {id: row.source, gFrom: row.sourceFrom}) USING INDEX SEEK s:Entity(id, gFrom)
MATCH (t:Entity {id: row.target, gFrom: row.targetFrom}) USING INDEX SEEK t:Entity(id, gFrom)
CREATE (s)-[r:${type}]->(t)
SET r = row.props`;
}

export const CREATE_EDGE_STATEMENTS: ReadonlyMap<EdgeType, string> = new Map(EDGE_TYPES.map((t) => [t, createEdges(t)]));

export const CLOSE_SOURCE_VERSIONS = `UNWIND $rows AS row
MATCH (v:SourceVersion {source: row.source, gFrom: row.gFrom}) USING INDEX SEEK v:SourceVersion(source, gFrom)
SET v.gTo = $generation`;

export const CREATE_SOURCE_VERSION = `MERGE (v:SourceVersion {source: $props.source, gFrom: $props.gFrom})
SET v = $props`;

/**
 * How many models generation $g has, kept on its Generation node (`models`): the total of an
 * unfiltered `models` page (src/queries/models.ts) is then one read, not a count of every model.
 */
export const COUNT_MODELS = `MATCH (m:Model) WHERE m.gFrom <= $g AND $g < m.gTo RETURN count(m) AS models`;

/** What readers of generation $g see, counted. */
export const COUNT_GENERATION = `MATCH (n:Entity) WHERE n.gTo > $g AND n.gFrom <= $g
WITH count(n) AS nodes
OPTIONAL MATCH (s:Entity)-[r]->(:Entity) WHERE s.gTo > $g AND s.gFrom <= $g AND r.gTo > $g AND r.gFrom <= $g
RETURN nodes, count(r) AS relationships`;
