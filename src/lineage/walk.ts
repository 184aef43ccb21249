import type { EdgeRecord, NodeRecord } from '../records/node-record.js';
import { passesKinds } from '../records/derivation.js';
import { neighbours, type Way } from '../queries/edges.js';
import type { CypherRunner } from '../queries/runner.js';

/** Relations that make up lineage: what a model is built from. */
export const LINEAGE_TYPES = ['BASED_ON', 'VARIANT_OF'] as const;

export type Direction = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

export interface Reached {
  node: NodeRecord;
  depth: number;
}

export interface Walk {
  /** Every node reached, keyed by id, with its smallest distance from the root (root: 0). */
  reached: Map<string, Reached>;
  /** Edges followed, keyed by id. */
  edges: Map<string, EdgeRecord>;
  /** Nodes one hop beyond maxDepth that were left out. */
  omitted: number;
}

/**
 * Breadth-first, one query per level rather than one variable-length pattern: a level query
 * costs the same however many paths lead to a node, where `*1..10` enumerates every path and
 * blows up on a family as intertwined as LLaMA's.
 */
async function walkOneWay(
  runner: CypherRunner,
  root: NodeRecord,
  way: Way,
  maxDepth: number,
  types: readonly string[],
  into: Walk,
  kinds: readonly string[] | null,
): Promise<number> {
  const seen = new Set<string>([root.id]);
  let frontier = [root.id];
  for (let depth = 1; depth <= maxDepth + 1 && frontier.length; depth += 1) {
    const hops = await neighbours(runner, frontier, way, types, root.view);
    const next: string[] = [];
    for (const hop of hops) {
      if (!passesKinds(hop.edge, kinds)) continue;
      if (depth > maxDepth) {
        if (!seen.has(hop.node.id) && !into.reached.has(hop.node.id)) {
          seen.add(hop.node.id);
          next.push(hop.node.id);
        }
        continue;
      }
      into.edges.set(hop.edge.id, hop.edge);
      if (!seen.has(hop.node.id)) {
        seen.add(hop.node.id);
        next.push(hop.node.id);
        const known = into.reached.get(hop.node.id);
        if (!known || known.depth > depth) into.reached.set(hop.node.id, { node: hop.node, depth });
      }
    }
    if (depth > maxDepth) return next.length;
    frontier = next;
  }
  return 0;
}

export async function walkLineage(
  runner: CypherRunner,
  root: NodeRecord,
  direction: Direction,
  maxDepth: number,
  types: readonly string[] = LINEAGE_TYPES,
  /** Derivation kinds: only BASED_ON edges of one of these are followed (other types always); null for all. */
  kinds: readonly string[] | null = null,
): Promise<Walk> {
  const walk: Walk = { reached: new Map([[root.id, { node: root, depth: 0 }]]), edges: new Map(), omitted: 0 };
  if (direction !== 'DESCENDANTS') walk.omitted += await walkOneWay(runner, root, 'OUTGOING', maxDepth, types, walk, kinds);
  if (direction !== 'ANCESTORS') walk.omitted += await walkOneWay(runner, root, 'INCOMING', maxDepth, types, walk, kinds);
  return walk;
}

/**
 * Adds, one hop out from every node reached, the relations of the given types (contributors,
 * datasets…) in one query; their edges join the walk and the new nodes are returned, by name.
 */
export async function attachNeighbours(runner: CypherRunner, walk: Walk, types: readonly string[]): Promise<NodeRecord[]> {
  const root = [...walk.reached.values()].find((r) => r.depth === 0)!.node;
  const hops = await neighbours(runner, [...walk.reached.keys()], 'BOTH', types, root.view);
  const added = new Map<string, NodeRecord>();
  for (const hop of hops) {
    walk.edges.set(hop.edge.id, hop.edge);
    if (!walk.reached.has(hop.node.id)) added.set(hop.node.id, hop.node);
  }
  return [...added.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Models reached, nearest first, without the root. */
export function steps(walk: Walk): Reached[] {
  return [...walk.reached.values()]
    .filter((r) => r.depth > 0)
    .sort((a, b) => a.depth - b.depth || a.node.name.localeCompare(b.node.name) || a.node.id.localeCompare(b.node.id));
}

/**
 * Nodes both `a` and `b` descend from, nearest first (by the larger of the two distances,
 * then their sum), the two themselves included when one descends from the other.
 */
export async function commonAncestors(
  runner: CypherRunner,
  a: NodeRecord,
  b: NodeRecord,
  maxDepth: number,
): Promise<NodeRecord[]> {
  const [up1, up2] = await Promise.all([
    walkLineage(runner, a, 'ANCESTORS', maxDepth),
    walkLineage(runner, b, 'ANCESTORS', maxDepth),
  ]);
  const shared: { node: NodeRecord; far: number; sum: number }[] = [];
  for (const [id, one] of up1.reached) {
    const two = up2.reached.get(id);
    if (two && (one.depth > 0 || two.depth > 0)) {
      shared.push({ node: one.node, far: Math.max(one.depth, two.depth), sum: one.depth + two.depth });
    }
  }
  return shared
    .sort((x, y) => x.far - y.far || x.sum - y.sum || x.node.name.localeCompare(y.node.name))
    .map((s) => s.node);
}
