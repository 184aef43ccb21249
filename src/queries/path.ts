import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { nameParams, namedNode } from './nodes.js';
import { EDGE_MAP, detailParams, nodeMap, type Detail } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/** Relationships a path may use: the view's, of `$types` (any when null). Inside the pattern, so the search never steps on another. */
function usable(r: string): string {
  return `${r} WHERE ${visible(r)} AND ($types IS NULL OR type(${r}) IN $types)`;
}

/**
 * The shortest path between the nodes named `$fromKey` and `$toKey`, in one query. Lineage reads
 * downward, so a path that follows the arrows (WizardVicunaLM → Vicuna → LLaMA), either way
 * round, is preferred to one that zig-zags; the undirected search runs only when neither exists.
 * Each search is a `SHORTEST 1` with the relationship condition inside the pattern: a
 * breadth-first search from both ends that stops when they meet, and that gives up as soon as one
 * side has reached everything it can, so two nodes that are not connected answer at once (a
 * condition on the whole path, outside the pattern, made Neo4j try every path up to 10 hops).
 * `a` or `b` is null when its name is unknown, `nodes` null when there is no path.
 */
export const SHORTEST_PATH: NamedQuery = {
  name: 'shortestPath',
  cypher: `CALL () { ${namedNode('n', 'from')} RETURN collect(n)[0] AS a }
CALL () { ${namedNode('n', 'to')} RETURN collect(n)[0] AS b }
OPTIONAL CALL (a, b) {
  WITH a, b WHERE a IS NOT NULL AND b IS NOT NULL AND a <> b
  OPTIONAL MATCH fwd = SHORTEST 1 (a) (()-[${usable('f')}]->()){1,10} (b)
  OPTIONAL MATCH bwd = SHORTEST 1 (b) (()-[${usable('g')}]->()){1,10} (a)
  WITH a, b, fwd, bwd, bwd IS NOT NULL AND (fwd IS NULL OR length(bwd) < length(fwd)) AS backwards
  CALL (a, b, fwd, bwd) {
    WITH a, b WHERE fwd IS NULL AND bwd IS NULL
    MATCH p = SHORTEST 1 (a) (()-[${usable('h')}]-()){1,10} (b)
    RETURN collect(p)[0] AS undirected
  }
  WITH CASE WHEN backwards THEN reverse(nodes(bwd)) WHEN fwd IS NOT NULL THEN nodes(fwd) ELSE nodes(undirected) END AS ns,
       CASE WHEN backwards THEN reverse(relationships(bwd)) WHEN fwd IS NOT NULL THEN relationships(fwd) ELSE relationships(undirected) END AS rs
  RETURN ns, rs
  UNION ALL
  WITH a, b WHERE a IS NOT NULL AND a = b
  RETURN [a] AS ns, [] AS rs
}
RETURN a IS NOT NULL AS fromFound, b IS NOT NULL AS toFound,
       [n IN ns | ${nodeMap('n')}] AS nodes, [r IN rs | ${EDGE_MAP}] AS edges`,
};

export interface PathRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export interface PathAnswer {
  /** Which names were found; the path is null when either is not, or when no path exists. */
  fromFound: boolean;
  toFound: boolean;
  path: PathRecord | null;
}

export async function shortestPath(
  runner: CypherRunner,
  from: { key: string; labels: readonly string[] | null },
  to: { key: string; labels: readonly string[] | null },
  types: readonly string[] | null,
  detail: Detail = { nodes: true, edges: true },
  view: View = CURRENT,
): Promise<PathAnswer> {
  if (!from.key || !to.key) return { fromFound: Boolean(from.key), toFound: Boolean(to.key), path: null };
  const rows = await runner.read(SHORTEST_PATH, {
    ...nameParams(from.key, from.labels, 'from'),
    ...nameParams(to.key, to.labels, 'to'),
    types: types ? [...types] : null,
    ...detailParams(detail),
  }, view);
  const row = rows[0];
  const nodes = (row?.nodes as Record<string, unknown>[] | null) ?? null;
  return {
    fromFound: row?.fromFound === true,
    toFound: row?.toFound === true,
    path: nodes
      ? { nodes: nodes.map((n) => toNodeRecord(n, view)), edges: (row.edges as Record<string, unknown>[]).map((e) => toEdgeRecord(e, view)) }
      : null,
  };
}
