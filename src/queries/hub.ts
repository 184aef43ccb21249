import neo4j from 'neo4j-driver';
import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import { detailParams, nodeMap, type Detail } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/**
 * What a hub (a base with thousands of fine-tunes) is asked without sending all of it: its
 * derivatives and its descendants a page at a time with their count, and its relations counted
 * by type and way. A page is one query; the order (name, then id; descendants by distance
 * first) is total, so the cursors (offsets into it) walk the whole set, each member once.
 */

/** A page `$skip`, `$limit` of the list `members` (maps with a `node`), the nodes read as `$fullNodes` asks. */
function slice(extra: string): string {
  return `CALL (members) {
  UNWIND members[$skip..($skip + $limit)] AS x
  WITH x, x.node AS n
  RETURN collect({node: ${nodeMap('n')}${extra}}) AS page
}
RETURN size(members) AS total, page`;
}

/**
 * One page of the models BASED_ON `$id` (of `$kinds`, any when null) and how many there are,
 * as `derivatives(kinds)` lists them: a relation stored without kinds passes any filter.
 */
export const DERIVATIVES_PAGE: NamedQuery = {
  name: 'derivativesPage',
  cypher: `MATCH (root:Entity {id: $id}) WHERE ${visible('root')}
CALL (root) {
  MATCH (root)<-[r:BASED_ON]-(m:Model)
  WHERE ${visible('r')} AND ($kinds IS NULL OR r.derivationKinds IS NULL OR any(k IN r.derivationKinds WHERE k IN $kinds))
  WITH DISTINCT m ORDER BY toLower(m.name), m.id
  RETURN collect({node: m}) AS members
}
${slice('')}`,
};

/**
 * One page of what descends from `$id` within the depth over BASED_ON and VARIANT_OF, nearest
 * first, and how many there are: the pruning breadth-first walk of the lineage query
 * (queries/lineage.ts), so an intertwined family costs its nodes, not its paths. A pattern's
 * bound cannot be a parameter: one statement per depth, made when first used.
 */
function descendantsCypher(depth: number): string {
  return `MATCH (root:Entity {id: $id}) WHERE ${visible('root')}
CALL (root) {
  MATCH p = (root)<-[:BASED_ON|VARIANT_OF*1..${depth}]-(d)
  WHERE all(r IN relationships(p) WHERE ${visible('r')})
  WITH d, min(length(p)) AS depth WHERE d <> root
  ORDER BY depth, toLower(d.name), d.id
  RETURN collect({node: d, depth: depth}) AS members
}
${slice(', depth: x.depth')}`;
}

const descendantQueries = new Map<number, NamedQuery>();

export function descendantsPageQuery(depth: number): NamedQuery {
  if (!Number.isInteger(depth) || depth < 1 || depth > 50) throw new RangeError(`descendant depth ${depth} is not 1 to 50`);
  let query = descendantQueries.get(depth);
  if (!query) descendantQueries.set(depth, (query = { name: 'descendantsPage', cypher: descendantsCypher(depth) }));
  return query;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Step {
  node: NodeRecord;
  depth: number;
}

type Window = { skip: number; limit: number; detail: Detail };

function windowParams(w: Window) {
  return { skip: neo4j.int(w.skip), limit: neo4j.int(w.limit), ...detailParams(w.detail) };
}

function pageOf(rows: Record<string, unknown>[]): { total: number; page: { node: Record<string, unknown>; depth?: unknown }[] } {
  const row = rows[0];
  return { total: Number(row?.total ?? 0), page: (row?.page as { node: Record<string, unknown>; depth?: unknown }[]) ?? [] };
}

export async function derivativesPage(
  runner: CypherRunner,
  id: string,
  kinds: readonly string[] | null,
  w: Window,
  view: View = CURRENT,
): Promise<Page<NodeRecord>> {
  const { total, page } = pageOf(await runner.read(DERIVATIVES_PAGE, { id, kinds: kinds ? [...kinds] : null, ...windowParams(w) }, view));
  return { total, items: page.map((p) => toNodeRecord(p.node, view)) };
}

export async function descendantsPage(runner: CypherRunner, id: string, maxDepth: number, w: Window, view: View = CURRENT): Promise<Page<Step>> {
  const { total, page } = pageOf(await runner.read(descendantsPageQuery(maxDepth), { id, ...windowParams(w) }, view));
  return { total, items: page.map((p) => ({ node: toNodeRecord(p.node, view), depth: Number(p.depth) })) };
}

/** For many nodes at once, their relations counted by type, each way, most first. */
export const RELATION_COUNTS_OF: NamedQuery = {
  name: 'relationCountsOf',
  cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${visible('n')}
CALL (n) {
  MATCH (n)-[r]->(:Entity) WHERE ${visible('r')} RETURN type(r) AS type, 'OUTGOING' AS direction, count(*) AS count
  UNION ALL
  MATCH (n)<-[r]-(:Entity) WHERE ${visible('r')} RETURN type(r) AS type, 'INCOMING' AS direction, count(*) AS count
}
RETURN id, type, direction, count ORDER BY id, count DESC, type, direction`,
};

export interface RelationTypeCount {
  type: string;
  direction: 'OUTGOING' | 'INCOMING';
  count: number;
}

export async function relationCountsOf(runner: CypherRunner, ids: readonly string[], view: View = CURRENT): Promise<Map<string, RelationTypeCount[]>> {
  const rows = await runner.read(RELATION_COUNTS_OF, { ids: [...ids] }, view);
  const out = new Map<string, RelationTypeCount[]>();
  for (const row of rows) {
    const id = String(row.id);
    const list = out.get(id) ?? [];
    list.push({ type: String(row.type), direction: row.direction as RelationTypeCount['direction'], count: Number(row.count) });
    out.set(id, list);
  }
  return out;
}
