import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import { hopsStatement, toHops, type Hop } from './edges.js';
import { detailParams, nodeMap, type Detail } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

export const NODES_BY_IDS: NamedQuery = {
  name: 'nodesByIds',
  cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${visible('n')}
RETURN n {.*} AS node`,
};

/**
 * The start of every query that finds a node by name: `v`, the node named `$key` (a name key,
 * ingest/graph/name-key) of `$labels` (any when null), found through the `entity_name_keys`
 * index (`$exact` is the key as that index's exact term, see exactTerm) rather than by reading
 * every node. A name key can belong to several nodes (two projects called ChatLLaMA, a model and
 * a dataset called Alpaca); of the versions the index holds, only the view's (`visible`) count: the one whose own name has the key wins over one that only has it as
 * an alias, then the most mentioned, then Models before other kinds. A query that finds two
 * nodes by name gives each its own parameters, `$<prefix>Key` and so on (see nameParams).
 */
export function namedNode(v = 'n', prefix = ''): string {
  const [key, exact, labels] = prefix ? [`$${prefix}Key`, `$${prefix}Exact`, `$${prefix}Labels`] : ['$key', '$exact', '$labels'];
  return `CALL db.index.fulltext.queryNodes('entity_name_keys', ${exact}) YIELD node AS ${v}
WHERE ${key} IN ${v}.nameKeys AND (${labels} IS NULL OR ${v}.label IN ${labels}) AND ${visible(v)}
WITH ${v}
ORDER BY CASE WHEN ${v}.nameKeys[0] = ${key} THEN 0 ELSE 1 END,
         CASE WHEN ${v}.label = 'Model' THEN 0 ELSE 1 END,
         ${v}.mentions DESC, ${v}.id
LIMIT 1`;
}

export const NAMED_NODE = namedNode();

/**
 * A node by name, whole or not (`$wholeNode`), with the hops its selection asks for (hopsOfN,
 * read with `$fullNodes`, `$fullEdges`): a look-up with its relations in one query.
 */
export const nodeByNameQuery = hopsStatement(
  'nodeByName',
  (hops) => `${NAMED_NODE}
${hops}
RETURN ${nodeMap('n', '$wholeNode')} AS node, hops`,
);

/** What a look-up reads besides the node: its hops over these types each way, in this detail. */
export interface WithHops {
  out: string[];
  in: string[];
  detail: Detail;
}

const NO_HOPS: WithHops = { out: [], in: [], detail: { nodes: false, edges: false } };

/**
 * A name key as one exact Lucene term: quoted, so that nothing in it is query syntax. Keys hold
 * only letters, digits and CJK (name-key.ts), so the escapes are a second line of defence.
 */
export function exactTerm(key: string): string {
  return `"${key.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** The parameters namedNode reads, with its prefix. */
export function nameParams(key: string, labels: readonly string[] | null, prefix = ''): Record<string, unknown> {
  const name = (n: string) => (prefix ? `${prefix}${n[0].toUpperCase()}${n.slice(1)}` : n);
  return { [name('key')]: key, [name('exact')]: exactTerm(key), [name('labels')]: labels ? [...labels] : null };
}

export async function nodesByIds(runner: CypherRunner, ids: readonly string[], view: View = CURRENT): Promise<Map<string, NodeRecord>> {
  const rows = await runner.read(NODES_BY_IDS, { ids: [...ids] }, view);
  const out = new Map<string, NodeRecord>();
  for (const row of rows) {
    const node = toNodeRecord(row.node as Record<string, unknown>, view);
    out.set(node.id, node);
  }
  return out;
}

export async function nodeByName(runner: CypherRunner, key: string, labels: readonly string[] | null, view: View = CURRENT): Promise<NodeRecord | null> {
  return (await lookUp(runner, key, labels, { view }))?.node ?? null;
}

/** A node by name with the hops asked (nodeByNameQuery), partial when `whole` is false. */
export async function lookUp(
  runner: CypherRunner,
  key: string,
  labels: readonly string[] | null,
  options: { whole?: boolean; hops?: WithHops; view?: View } = {},
): Promise<{ node: NodeRecord; hops: Hop[] } | null> {
  if (!key) return null;
  const hops = options.hops ?? NO_HOPS;
  const view = options.view ?? CURRENT;
  const rows = await runner.read(nodeByNameQuery(hops), {
    ...nameParams(key, labels),
    wholeNode: options.whole ?? true,
    ...detailParams(hops.detail),
  }, view);
  if (!rows.length) return null;
  const node = toNodeRecord(rows[0].node as Record<string, unknown>, view);
  return { node, hops: toHops(node.id, rows[0].hops, view) };
}
