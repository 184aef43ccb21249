import neo4j from 'neo4j-driver';
import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import { KINDS_OF_R } from './derivations.js';
import { hopTypesKey, hopsOfN, toHops, type Hop, type HopTypes } from './edges.js';
import { exactTerm, type WithHops } from './nodes.js';
import { LEAN, detailParams, nodeMap } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/** Filter values arrive as name keys (see ingest/graph/name-key); null means "any". */
export interface ModelFilterKeys {
  contributor: string | null;
  basedOn: string | null;
  descendsFrom: string | null;
  dataset: string | null;
  language: string | null;
  license: string | null;
  domain: string | null;
  category: string | null;
  nameContains: string | null;
  releasedAfter: string | null;
  releasedBefore: string | null;
  minParameters: number | null;
  maxParameters: number | null;
  /** Derivation kinds (`ADAPTER`…): made from its base in one of these ways. */
  derivation: string[] | null;
}

export type ModelOrder = 'NAME' | 'DESCENDANTS' | 'MENTIONS' | 'RELEASE_DATE' | 'PARAMETERS';

/** The filters that name a node: their value is a name key, looked up through the name index. */
const NAMED = ['basedOn', 'descendsFrom', 'contributor', 'dataset', 'language', 'license', 'domain', 'category'] as const;
type Named = (typeof NAMED)[number];

/** The relation from a model to the node a filter names (basedOn and descendsFrom have their own). */
const RELATION_OF: Record<Exclude<Named, 'basedOn' | 'descendsFrom'>, string> = {
  contributor: 'FROM_CONTRIBUTOR',
  dataset: 'TRAINED_WITH',
  language: 'HAS_LANGUAGE',
  license: 'HAS_LICENSE',
  domain: 'IN_DOMAIN',
  category: 'IN_CATEGORY',
};

/** Every node with the name key `$<f>` (the winner of a look-up or not), through the name index. */
const named = (f: Named) => `CALL db.index.fulltext.queryNodes('entity_name_keys', $${f}Exact) YIELD node WHERE $${f} IN node.nameKeys AND ${visible('node')}`;

/**
 * What each set name filter resolves to before any model is read, one CALL each: the nodes it
 * names (`<f>Nodes`); for `basedOn` those and their size variants; for `descendsFrom` their
 * family, walked down from them breadth-first (each member once, whatever the paths among them),
 * with the members within 9 hops that a `derivation` filter's base may be (`familyBases`).
 */
function resolution(f: Named, withBases: boolean): string {
  if (f === 'basedOn') {
    return `CALL () {
  ${named(f)}
  OPTIONAL MATCH (v)-[x:VARIANT_OF]->(node) WHERE ${visible('x')}
  WITH collect(node) + collect(v) AS bases
  UNWIND bases AS b
  RETURN collect(DISTINCT b) AS basedOnNodes
}`;
  }
  if (f === 'descendsFrom') {
    // `WITH DISTINCT d` over a bounded pattern is what Neo4j runs as a pruning breadth-first
    // expand (each node once); asking for the paths' lengths would have it trace every path.
    const within = (hops: number, as: string) => `CALL (roots) {
    UNWIND roots AS a
    MATCH (a)<-[rs:BASED_ON|VARIANT_OF*1..${hops}]-(d) WHERE all(r IN rs WHERE ${visible('r')})
    WITH DISTINCT d
    RETURN collect(d) AS ${as}
  }`;
    return `CALL () {
  ${named(f)}
  WITH collect(node) AS roots
  ${within(10, 'familyNodes')}
  ${withBases ? within(9, 'near') : 'WITH roots, familyNodes, [] AS near'}
  RETURN familyNodes, roots + near AS familyBases
}`;
  }
  return `CALL () {
  ${named(f)}
  RETURN collect(node) AS ${f}Nodes
}`;
}

/** The variables each name filter's resolution binds. */
const BINDS = (f: Named) => (f === 'descendsFrom' ? ['familyNodes', 'familyBases'] : [`${f}Nodes`]);

/** Where the models come from: the first set filter that names a node expands from it; else every model. */
function generator(first: Named | undefined, carry: string): string {
  if (!first) return `MATCH (m:Model) WHERE ${visible('m')}`;
  if (first === 'basedOn') return `UNWIND basedOnNodes AS b\nMATCH (b)<-[r:BASED_ON]-(m:Model) WHERE ${visible('r')}\nWITH DISTINCT m${carry}`;
  if (first === 'descendsFrom') return `UNWIND familyNodes AS m\nWITH m${carry} WHERE m:Model`;
  return `UNWIND ${first}Nodes AS t\nMATCH (t)<-[r:${RELATION_OF[first]}]-(m:Model) WHERE ${visible('r')}\nWITH DISTINCT m${carry}`;
}

/** The condition of each set filter on `m`, given what its resolution found. */
const CONDITION: Record<keyof ModelFilterKeys, string> = {
  basedOn: `EXISTS { (m)-[r:BASED_ON]->(b) WHERE ${visible('r')} AND b IN basedOnNodes }`,
  descendsFrom: 'm IN familyNodes',
  contributor: `EXISTS { (m)-[r:FROM_CONTRIBUTOR]->(t) WHERE ${visible('r')} AND t IN contributorNodes }`,
  dataset: `EXISTS { (m)-[r:TRAINED_WITH]->(t) WHERE ${visible('r')} AND t IN datasetNodes }`,
  language: `EXISTS { (m)-[r:HAS_LANGUAGE]->(t) WHERE ${visible('r')} AND t IN languageNodes }`,
  license: `EXISTS { (m)-[r:HAS_LICENSE]->(t) WHERE ${visible('r')} AND t IN licenseNodes }`,
  domain: `EXISTS { (m)-[r:IN_DOMAIN]->(t) WHERE ${visible('r')} AND t IN domainNodes }`,
  category: `EXISTS { (m)-[r:IN_CATEGORY]->(t) WHERE ${visible('r')} AND t IN categoryNodes }`,
  nameContains: 'any(k IN m.nameKeys WHERE k CONTAINS $nameContains)',
  releasedAfter: 'm.releaseDate >= $releasedAfter',
  releasedBefore: '(m.releaseDate <= $releasedBefore OR m.releaseDate STARTS WITH $releasedBefore)',
  minParameters: 'any(p IN coalesce(m.parameters, []) WHERE p >= $minParameters)',
  maxParameters: 'any(p IN coalesce(m.parameters, []) WHERE p <= $maxParameters)',
  derivation: '',
};

/**
 * `$derivation` holds of one relation: the one to the `basedOn` base, or the model's own into the
 * `descendsFrom` family (an adapter of a fine-tune of LLaMA is one of LLaMA's adapters), else any
 * of its bases.
 */
function derivationCondition(set: Set<keyof ModelFilterKeys>): string {
  const base = [visible('r'), `any(k IN ${KINDS_OF_R} WHERE k IN $derivation)`];
  if (set.has('basedOn')) base.push('b IN basedOnNodes');
  if (set.has('descendsFrom')) base.push('b IN familyBases');
  return `EXISTS { (m)-[r:BASED_ON]->(b) WHERE ${base.join(' AND ')} }`;
}

/**
 * The models a filter matches, as `m`: assembled from the fragments above for the filters that
 * are set (an absent filter adds nothing, so each combination is a small statement Neo4j plans
 * once), every value a parameter. The named nodes are found through the name index first and
 * the models expanded from them, so a filter costs what it matches, not the graph.
 */
function matchModels(set: Set<keyof ModelFilterKeys>): string {
  const names = NAMED.filter((f) => set.has(f));
  const conditions = (Object.keys(CONDITION) as (keyof ModelFilterKeys)[])
    .filter((f) => set.has(f) && f !== names[0])
    .map((f) => (f === 'derivation' ? derivationCondition(set) : CONDITION[f]));
  const carry = names.flatMap(BINDS).map((v) => `, ${v}`).join('');
  return [
    ...names.map((f) => resolution(f, set.has('derivation'))),
    generator(names[0], carry),
    ...(conditions.length ? [`WITH m${carry} WHERE ${conditions.join('\n  AND ')}`] : []),
  ].join('\n');
}

/**
 * The sort keys of each order, then name and id: only the order asked is in the statement (a key
 * behind a CASE on a parameter is still computed for every model, a COUNT subquery included).
 */
const ORDER_KEYS: Record<ModelOrder, string> = {
  NAME: 'toLower(m.name), m.id',
  DESCENDANTS: `-COUNT { (m)<-[r:BASED_ON|VARIANT_OF]-(:Model) WHERE ${visible('r')} }, toLower(m.name), m.id`,
  MENTIONS: '-m.mentions, toLower(m.name), m.id',
  RELEASE_DATE: "coalesce(m.releaseDate, '') DESC, toLower(m.name), m.id",
  PARAMETERS:
    'coalesce(reduce(x = -1.0, p IN coalesce(m.parameters, []) | CASE WHEN p > x THEN p ELSE x END), -1.0) DESC, toLower(m.name), m.id',
};

/**
 * How many models match, when `$withTotal`. Unfiltered, the count a load kept on the view's
 * generation (ingest/load/cypher.ts COUNT_MODELS), unless the view is dated (`asOf` also drops
 * what was first stated after the date) or the generation was written before loads kept it.
 */
function totalCypher(set: Set<keyof ModelFilterKeys>, match: string): string {
  if (set.size) {
    return `CALL () {
  WITH $withTotal AS counting WHERE counting
  ${match}
  RETURN count(m) AS total
}`;
  }
  return `CALL () {
  WITH $withTotal AS counting WHERE counting
  OPTIONAL MATCH (gen:Generation {number: $g}) WHERE $asOf IS NULL
  WITH gen.models AS kept
  CALL (kept) {
    WITH kept WHERE kept IS NULL
    ${match.replaceAll('\n', '\n  ')}
    RETURN count(m) AS counted
  }
  RETURN max(coalesce(kept, counted)) AS total
}`;
}

function modelsPageCypher(set: Set<keyof ModelFilterKeys>, order: ModelOrder, types: HopTypes): string {
  const match = matchModels(set).replaceAll('\n', '\n  ');
  return `${totalCypher(set, match)}
CALL () {
  ${match}
  WITH m ORDER BY ${ORDER_KEYS[order]}
  SKIP $skip LIMIT $limit
  WITH m AS n
  ${hopsOfN(types).replaceAll('\n', '\n  ')}
  RETURN collect({node: ${nodeMap('n', '$wholeNode')}, hops: hops}) AS page
}
RETURN total, page`;
}

const made = new Map<string, NamedQuery>();

/**
 * A page of models with the hops their selection asks for (hopsOfN, read with `$fullNodes`,
 * `$fullEdges`), the models whole or not (`$wholeNode`), and how many match in all when
 * `$withTotal`: a `models` page with its relations is one query, the statement the one for the
 * filters that are set and the hop types asked.
 */
export function modelsPageQuery(filter: ModelFilterKeys, order: ModelOrder, types: HopTypes = { out: [], in: [] }): NamedQuery {
  const set = new Set((Object.keys(CONDITION) as (keyof ModelFilterKeys)[]).filter((f) => filter[f] !== null && filter[f] !== undefined));
  const key = `${order}:${[...set].join(',')}:${hopTypesKey(types)}`;
  let query = made.get(key);
  if (!query) made.set(key, (query = { name: 'modelsPage', cypher: modelsPageCypher(set, order, types) }));
  return query;
}

/** The parameters of a filter: its values, and the exact index term of each name key. */
function filterParams(filter: ModelFilterKeys): Record<string, unknown> {
  const exact = Object.fromEntries(NAMED.filter((f) => filter[f]).map((f) => [`${f}Exact`, exactTerm(filter[f] as string)]));
  return { ...filter, ...exact };
}

export interface ModelsPage {
  nodes: NodeRecord[];
  /** The hops asked for, by model id. */
  hops: Map<string, Hop[]>;
  /** Null unless asked for. */
  total: number | null;
}

export async function modelsPage(
  runner: CypherRunner,
  filter: ModelFilterKeys,
  orderBy: ModelOrder,
  skip: number,
  limit: number,
  options: { withTotal?: boolean; whole?: boolean; hops?: WithHops; view?: View } = {},
): Promise<ModelsPage> {
  const hops = options.hops ?? { out: [], in: [], detail: LEAN };
  const withTotal = options.withTotal ?? true;
  const view = options.view ?? CURRENT;
  const rows = await runner.read(modelsPageQuery(filter, orderBy, hops), {
    ...filterParams(filter),
    skip: neo4j.int(skip),
    limit: neo4j.int(limit),
    withTotal,
    wholeNode: options.whole ?? true,
    ...detailParams(hops.detail),
  }, view);
  const row = rows[0];
  const page = (row?.page as { node: Record<string, unknown>; hops: unknown }[] | undefined) ?? [];
  const nodes = page.map((p) => toNodeRecord(p.node, view));
  return {
    total: withTotal ? Number(row?.total ?? 0) : null,
    nodes,
    hops: new Map(nodes.map((n, i) => [n.id, toHops(n.id, page[i].hops, view)])),
  };
}
