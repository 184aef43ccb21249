import { KINDS_OF_R } from './derivations.js';
import { NAMED_NODE } from './nodes.js';
import { EDGE_MAP, nodeMap } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import { typeAlternatives } from './relationship-types.js';
import type { Direction } from '../lineage/walk.js';
import { visible } from './view.js';

/**
 * The lineage walk, one query whatever the depth: the models within `depth` hops of a root
 * (found by id, or by name as NAMED_NODE finds it) each way asked, each with its distance, the
 * relationships followed, what lies one hop further (`omitted`) and the relations `$attach`
 * asks one hop out of every node reached.
 *
 * Each way is one variable-length pattern whose paths are only asked for their nearest length
 * per node reached (`min(length(p))`), with the relationship condition on every relationship of
 * it: Neo4j runs that as a pruning breadth-first search (VarLengthExpand(Pruning,BFS)) that
 * visits each node once, so its cost is the nodes and relationships reached, never the paths
 * among them (a family as intertwined as LLaMA's has millions; `SHORTEST 1` to every node, tried
 * first, traces them and blows up). A pattern's bounds cannot be parameters, so there is one
 * statement per depth (MAX_LINEAGE_DEPTH caps it), made when first used; walking one hop
 * further to count `omitted` is another depth, and only when `omitted` is asked for.
 *
 * A hub (a base with ten thousand fine-tunes) is answered with the `$maxNodes` nearest (then
 * most mentioned) nodes and the edges among them; `truncated` says how many were left out.
 *
 * The direction and the relationship types are in the statement (types inside the pattern, so
 * only those relationships are read), one statement per combination. Parameters: `$kinds` (null: any;
 * BASED_ON relations of one of these derivation kinds only), `$maxDepth` (the depth asked),
 * `$maxNodes`, `$attach` (null: none), `$withEdges` (false: no edges read), `$fullNodes`, `$fullEdges`.
 */

/** The relationships a walk follows, besides their types (in the pattern): the view's (`visible`), and of `$kinds` for BASED_ON. */
const FOLLOWED = `${visible('r')} AND ($kinds IS NULL OR type(r) <> 'BASED_ON' OR any(k IN ${KINDS_OF_R} WHERE k IN $kinds))`;

function walkCypher(start: 'id' | 'name', bound: number, direction: Direction, types: string): string {
  const root = start === 'id' ? `MATCH (root:Entity {id: $id}) WHERE ${visible('root')}` : `${NAMED_NODE}\nWITH n AS root`;
  const up = direction !== 'DESCENDANTS';
  const down = direction !== 'ANCESTORS';
  const way = (arrow: [string, string], as: 'up' | 'down') => `CALL (root) {
  MATCH p = (root)${arrow[0]}[:${types}*1..${bound}]${arrow[1]}(d)
  WHERE all(r IN relationships(p) WHERE ${FOLLOWED})
  WITH d, min(length(p)) AS depth WHERE d <> root
  RETURN collect({node: d, ${as}: depth}) AS ${as}
}`;
  // Walking both ways, a node can be reached each way and keeps the nearer distance; then all
  // are sorted and the first $maxNodes kept. Walking one way, each node is reached once: the
  // counts come from the list, and ORDER BY with LIMIT keeps the nearest as a top-k instead of
  // sorting all of a hub's descendants. The aggregation before it is what lets go of the list
  // (Neo4j charges a list still in scope to each row a Top holds, and runs out of memory).
  const w = up ? 'up' : 'down';
  const kept = up && down
    ? `UNWIND [{node: root, up: 0, down: 0}] + up + down AS x
WITH root, x.node AS n, min(x.up) AS up, min(x.down) AS down
WITH root, n, up, down, CASE WHEN up IS NULL OR down < up THEN down ELSE up END AS depth
WITH root, n, up, down, depth, depth > $maxDepth AS beyond
ORDER BY beyond, depth, n.mentions DESC, toLower(n.name), n.id
WITH root, collect(CASE WHEN NOT beyond THEN {node: n, up: up, down: down, depth: depth} END) AS reached,
     count(CASE WHEN beyond THEN 1 END) AS omitted
WITH root, reached[0..$maxNodes] AS kept, size(reached) - $maxNodes AS over, omitted`
    : `WITH root, ${w}, 1 + size([x IN ${w} WHERE x.${w} <= $maxDepth]) AS within, size([x IN ${w} WHERE x.${w} > $maxDepth]) AS omitted
UNWIND [{node: root, ${w}: 0}] + ${w} AS x
WITH root, within, omitted, x.node AS n, min(x.${w}) AS depth
WITH root, within, omitted, n, depth WHERE depth <= $maxDepth
WITH root, within, omitted, n, depth ORDER BY depth, n.mentions DESC, toLower(n.name), n.id LIMIT $maxNodes
WITH root, within, omitted, collect({node: n, up: ${up ? 'depth' : 'null'}, down: ${down ? 'depth' : 'null'}, depth: depth}) AS kept
WITH root, kept, within - $maxNodes AS over, omitted`;
  return `${root}
${[...(up ? [way(['-', '->'], 'up')] : []), ...(down ? [way(['<-', '-'], 'down')] : [])].join('\n')}
${kept}
WITH root, kept, CASE WHEN over > 0 THEN over ELSE 0 END AS truncated, omitted, [k IN kept | k.node] AS keptNodes
CALL (kept, keptNodes, truncated) {
  WITH kept, keptNodes, truncated WHERE $withEdges
  UNWIND kept AS k
  WITH k, k.node AS n
  CALL (k, n) {
    WITH n WHERE k.up IS NOT NULL AND k.up < $maxDepth
    MATCH (n)-[r:${types} WHERE ${FOLLOWED}]->(m)
    RETURN r, m
    UNION ALL
    WITH n WHERE k.down IS NOT NULL AND k.down < $maxDepth
    MATCH (n)<-[r:${types} WHERE ${FOLLOWED}]-(m)
    RETURN r, m
  }
  WITH DISTINCT r, m WHERE truncated = 0 OR m IN keptNodes
  RETURN collect(${EDGE_MAP}) AS edges
}
CALL (keptNodes) {
  WITH keptNodes WHERE $attach IS NOT NULL
  UNWIND keptNodes AS n
  MATCH (n)-[r]-(m:Entity) WHERE type(r) IN $attach AND ${visible('r')}
  WITH DISTINCT r, m
  RETURN collect(${EDGE_MAP}) AS attachedEdges, collect(DISTINCT m) AS attachedNodes
}
CALL (kept) {
  UNWIND kept AS k
  WITH k.node AS n, k.depth AS depth
  RETURN collect({node: ${nodeMap('n')}, depth: depth}) AS nodes
}
RETURN ${nodeMap('root')} AS root, nodes, edges, attachedEdges, [m IN attachedNodes WHERE NOT m IN keptNodes | ${nodeMap('m')}] AS attached,
       omitted, truncated`;
}

const made = new Map<string, NamedQuery>();

/**
 * The walk query for a depth, a direction and the types followed. `counting` walks one hop
 * further so that `omitted` counts what a deeper walk would add; without it `omitted` is 0.
 */
export function lineageQuery(start: 'id' | 'name', maxDepth: number, counting: boolean, direction: Direction, types: readonly string[]): NamedQuery {
  if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > 50) throw new RangeError(`lineage depth ${maxDepth} is not 1 to 50`);
  const bound = counting ? maxDepth + 1 : maxDepth;
  const alternatives = typeAlternatives(types);
  const key = `${start}:${bound}:${direction}:${alternatives}`;
  let query = made.get(key);
  if (!query) made.set(key, (query = { name: start === 'id' ? 'lineage' : 'lineageByName', cypher: walkCypher(start, bound, direction, alternatives) }));
  return query;
}
