/**
 * The representative queries of the query benchmark, each three ways: through our GraphQL API,
 * as the raw floor (one hand-written Cypher query giving the same answer), and through
 * @neo4j/graphql (bench/neo4j-graphql.ts) where it can ask it; with what turns each answer into
 * one comparable value, so that the contenders are checked to agree before they are timed.
 */
import { nameKey } from '../ingest/graph/name-key.js';
import { exactTerm } from '../src/queries/nodes.js';
import { luceneQuery } from '../src/queries/search.js';

/** The names a graph's probes ask about. */
export interface ProbeNames {
  model: string;
  hub: string;
  pathFrom: string;
  pathTo: string;
  search: string;
}

export interface Probe {
  label: string;
  ours: { query: string; variables: Record<string, unknown>; answer: (data: any) => unknown };
  raw: { cypher: string; params: Record<string, unknown>; answer: (rows: Record<string, unknown>[]) => unknown };
  neo?: { query: string; variables: Record<string, unknown>; answer: (data: any) => unknown };
}

const sorted = (names: { name: string }[]) => names.map((n) => n.name).sort();
const num = (v: unknown) => Number(v);

/** Lineage nodes beyond the root, at most this many (ours counts the root among maxNodes). */
const LINEAGE_NODES = 500;

/** The raw floor's name look-up: the index and the same preference as ours. */
const FIND = (v: string, key: string, exact: string) => `CALL db.index.fulltext.queryNodes('entity_name_keys', ${exact}) YIELD node AS ${v}
WHERE ${key} IN ${v}.nameKeys
WITH ${v} ORDER BY CASE WHEN ${v}.nameKeys[0] = ${key} THEN 0 ELSE 1 END, CASE WHEN ${v}.label = 'Model' THEN 0 ELSE 1 END, ${v}.mentions DESC, ${v}.id LIMIT 1`;

export function probes(names: ProbeNames): Probe[] {
  const key = nameKey(names.model);
  const hubKey = nameKey(names.hub);
  const lookup = (d: any) => d && { name: d.name, basedOn: sorted(d.basedOn), contributors: sorted(d.contributors), derivatives: sorted(d.derivatives) };
  const steps = (list: { id: string; name: string; depth: unknown }[]) =>
    list.filter((s) => num(s.depth) > 0).map((s) => ({ id: s.id, name: s.name, depth: num(s.depth) })).sort((a, b) => a.id.localeCompare(b.id));
  const page = (total: unknown, nodes: any[]) => ({
    total: num(total),
    nodes: nodes.map((n) => ({ name: n.name, basedOn: sorted(n.basedOn), contributors: sorted(n.contributors) })),
  });
  return [
    {
      label: `model("${names.model}") { basedOn contributors derivatives }`,
      ours: {
        query: 'query($name: String!) { model(name: $name) { name basedOn { name } contributors { name } derivatives { name } } }',
        variables: { name: names.model },
        answer: (d) => lookup(d.model),
      },
      raw: {
        cypher: `${FIND('m', '$key', '$exact')}
WHERE m.label = 'Model'
RETURN m.name AS name, [(m)-[:BASED_ON]->(b:Model) | {name: b.name}] AS basedOn,
  [(m)-[:FROM_CONTRIBUTOR]->(o:Organization) | {name: o.name}] AS contributors, [(m)<-[:BASED_ON]-(d:Model) | {name: d.name}] AS derivatives`,
        params: { key, exact: exactTerm(key) },
        answer: (rows) => lookup(rows[0]),
      },
      neo: {
        query: 'query($key: String!) { models(where: { nameKeys: { includes: $key } }, limit: 1) { name basedOn { name } contributors { name } derivatives { name } } }',
        variables: { key },
        answer: (d) => lookup(d.models[0]),
      },
    },
    {
      label: `lineage("${names.hub}", DESCENDANTS, 3)`,
      ours: {
        query: `query($name: String!) { lineage(name: $name, direction: DESCENDANTS, maxDepth: 3, maxNodes: ${LINEAGE_NODES + 1}) { nodes { id name depth } } }`,
        variables: { name: names.hub },
        answer: (d) => steps(d.lineage.nodes),
      },
      raw: {
        cypher: `${FIND('root', '$key', '$exact')}
MATCH p = (root)<-[:BASED_ON|VARIANT_OF*1..3]-(d) WHERE d <> root
WITH d, min(length(p)) AS depth ORDER BY depth, d.mentions DESC, toLower(d.name), d.id LIMIT ${LINEAGE_NODES}
RETURN d.id AS id, d.name AS name, depth`,
        params: { key: hubKey, exact: exactTerm(hubKey) },
        answer: (rows) => steps(rows as any),
      },
      neo: {
        query: `query($key: String!) { models(where: { nameKeys: { includes: $key } }, limit: 1) { descendantsWithin3(limit: ${LINEAGE_NODES}) { id name depth } } }`,
        variables: { key: hubKey },
        answer: (d) => steps(d.models[0].descendantsWithin3),
      },
    },
    {
      label: `path("${names.pathFrom}" → "${names.pathTo}")`,
      ours: {
        query: 'query($from: String!, $to: String!) { path(from: $from, to: $to) { length nodes { name } } }',
        variables: { from: names.pathFrom, to: names.pathTo },
        answer: (d) => d.path && { length: d.path.length, nodes: d.path.nodes.map((n: { name: string }) => n.name) },
      },
      raw: {
        cypher: `CALL () { ${FIND('n', '$fromKey', '$fromExact')} RETURN n AS a }
CALL () { ${FIND('n', '$toKey', '$toExact')} RETURN n AS b }
OPTIONAL MATCH fwd = SHORTEST 1 (a) (()-[:BASED_ON|VARIANT_OF]->()){1,10} (b)
OPTIONAL MATCH bwd = SHORTEST 1 (b) (()-[:BASED_ON|VARIANT_OF]->()){1,10} (a)
OPTIONAL CALL (a, b, fwd, bwd) { WITH a, b WHERE fwd IS NULL AND bwd IS NULL MATCH p = SHORTEST 1 (a) (()-[:BASED_ON|VARIANT_OF]-()){1,10} (b) RETURN p }
WITH CASE WHEN bwd IS NOT NULL AND (fwd IS NULL OR length(bwd) < length(fwd)) THEN reverse(nodes(bwd)) WHEN fwd IS NOT NULL THEN nodes(fwd) ELSE nodes(p) END AS ns
RETURN size(ns) - 1 AS length, [n IN ns | n.name] AS nodes`,
        params: { fromKey: nameKey(names.pathFrom), fromExact: exactTerm(nameKey(names.pathFrom)), toKey: nameKey(names.pathTo), toExact: exactTerm(nameKey(names.pathTo)) },
        answer: (rows) => (rows[0]?.nodes ? { length: num(rows[0].length), nodes: rows[0].nodes } : null),
      },
    },
    {
      label: `search("${names.search}")`,
      ours: {
        query: 'query($q: String!) { search(query: $q) { name kind score } }',
        variables: { q: names.search },
        answer: (d) => d.search.map((h: { name: string; kind: string; score: number }) => [h.name, h.kind, h.score.toFixed(6)]),
      },
      raw: {
        cypher: `CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WITH node, score + CASE WHEN node.nameKeys[0] = $key THEN 100.0 WHEN $key IN node.nameKeys THEN 50.0 ELSE 0.0 END AS ranked
RETURN node.name AS name, toUpper(node.label) AS kind, ranked AS score ORDER BY score DESC, node.mentions DESC, node.id LIMIT 10`,
        params: { lucene: luceneQuery(names.search), key: nameKey(names.search) },
        answer: (rows) => rows.map((r) => [r.name, r.kind, num(r.score).toFixed(6)]),
      },
    },
    {
      label: 'models(first: 100) { totalCount nodes { basedOn contributors } }',
      ours: {
        query: '{ models(first: 100) { totalCount nodes { name basedOn { name } contributors { name } } } }',
        variables: {},
        answer: (d) => page(d.models.totalCount, d.models.nodes),
      },
      raw: {
        cypher: `CALL () { MATCH (m:Model) RETURN count(m) AS total }
CALL () { MATCH (m:Model) WITH m ORDER BY toLower(m.name), m.id LIMIT 100
  RETURN collect({name: m.name, basedOn: [(m)-[:BASED_ON]->(b:Model) | {name: b.name}],
    contributors: [(m)-[:FROM_CONTRIBUTOR]->(o:Organization) | {name: o.name}]}) AS nodes }
RETURN total, nodes`,
        params: {},
        answer: (rows) => page(rows[0].total, rows[0].nodes as any[]),
      },
      neo: {
        query: `{ modelsConnection(first: 100, sort: [{ sortName: ASC }, { id: ASC }]) { totalCount
          edges { node { name basedOn { name } contributors { name } } } } }`,
        variables: {},
        answer: (d) => page(d.modelsConnection.totalCount, d.modelsConnection.edges.map((e: { node: unknown }) => e.node)),
      },
    },
  ];
}
