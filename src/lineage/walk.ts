import neo4j from 'neo4j-driver';
import type { EdgeRecord, NodeRecord } from '../records/node-record.js';
import { toEdgeRecord, toNodeRecord } from '../records/node-record.js';
import { lineageQuery } from '../queries/lineage.js';
import { nameParams } from '../queries/nodes.js';
import { FULL, detailParams, type Detail } from '../queries/projections.js';
import type { CypherRunner } from '../queries/runner.js';
import { CURRENT, type View } from '../queries/view.js';

/** Relations that make up lineage: what a model is built from. */
export const LINEAGE_TYPES = ['BASED_ON', 'VARIANT_OF'] as const;

export type Direction = 'ANCESTORS' | 'DESCENDANTS' | 'BOTH';

export interface Reached {
  node: NodeRecord;
  depth: number;
}

export interface Walk {
  root: NodeRecord;
  /** Every node reached, keyed by id, with its smallest distance from the root (root: 0), nearest first. */
  reached: Map<string, Reached>;
  /** Edges followed, keyed by id, the attached ones included. */
  edges: Map<string, EdgeRecord>;
  /** Nodes one hop beyond maxDepth that were left out (0 unless `counting`). */
  omitted: number;
  /** Nodes within maxDepth left out to stay within `maxNodes`. */
  truncated: number;
  /** Nodes the `attach` relations reached that the walk did not, by name. */
  attached: NodeRecord[];
}

export interface WalkOptions {
  types?: readonly string[];
  /** Derivation kinds: only BASED_ON edges of one of these are followed (other types always); null for all. */
  kinds?: readonly string[] | null;
  /** Whether to count `omitted` (a walk one hop deeper). */
  counting?: boolean;
  /** Relations to attach one hop out of every node reached, not walked further. */
  attach?: readonly string[] | null;
  /** Nodes at most, the root included. */
  maxNodes?: number;
  /** Whether to read the edges followed (the attached ones come with `attach`); true unless said. */
  edges?: boolean;
  detail?: Detail;
  /** The graph walked: the current one unless said (a walk from a node walks the node's). */
  view?: View;
}

/** Enough for any walk a request is allowed; the API's `lineage` passes its own, smaller bound. */
const UNBOUNDED = 1_000_000;

/** The walk's parameters; its direction and types are in the statement (lineageQuery). */
function params(maxDepth: number, o: WalkOptions): Record<string, unknown> {
  return {
    maxDepth,
    kinds: o.kinds?.length ? [...o.kinds] : null,
    attach: o.attach?.length ? [...o.attach] : null,
    maxNodes: neo4j.int(o.maxNodes ?? UNBOUNDED), // a LIMIT takes an integer; JS numbers travel as floats
    withEdges: o.edges ?? true,
    ...detailParams(o.detail ?? FULL),
  };
}

function toWalk(row: Record<string, unknown>, view: View): Walk {
  const root = toNodeRecord(row.root as Record<string, unknown>, view);
  const reached = new Map<string, Reached>();
  for (const r of row.nodes as { node: Record<string, unknown>; depth: unknown }[]) {
    const node = toNodeRecord(r.node, view);
    reached.set(node.id, { node, depth: Number(r.depth) });
  }
  const edges = new Map<string, EdgeRecord>();
  for (const e of [...(row.edges as Record<string, unknown>[]), ...((row.attachedEdges as Record<string, unknown>[]) ?? [])]) {
    const edge = toEdgeRecord(e, view);
    edges.set(edge.id, edge);
  }
  const attached = ((row.attached as Record<string, unknown>[]) ?? [])
    .map((n) => toNodeRecord(n, view))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  // With a node cap, an attached relation may reach a node that was cut: keep edges between nodes drawn.
  const drawn = new Set([...reached.keys(), ...attached.map((n) => n.id)]);
  for (const [id, edge] of edges) if (!drawn.has(edge.source) || !drawn.has(edge.target)) edges.delete(id);
  return { root, reached, edges, omitted: Number(row.omitted ?? 0), truncated: Number(row.truncated ?? 0), attached };
}

/** The lineage of a node known by id, in one query. */
export async function walkLineage(
  runner: CypherRunner,
  root: NodeRecord,
  direction: Direction,
  maxDepth: number,
  types: readonly string[] = LINEAGE_TYPES,
  kinds: readonly string[] | null = null,
  options: Omit<WalkOptions, 'types' | 'kinds'> = {},
): Promise<Walk> {
  const o = { counting: true, ...options, types, kinds };
  const rows = await runner.read(lineageQuery('id', maxDepth, o.counting, direction, types), { id: root.id, ...params(maxDepth, o) }, root.view);
  if (!rows.length) return { root, reached: new Map([[root.id, { node: root, depth: 0 }]]), edges: new Map(), omitted: 0, truncated: 0, attached: [] };
  return toWalk(rows[0], root.view);
}

/** The lineage of the node a name key names (of `labels`, any when null), found in the same query; null when none has it. */
export async function walkLineageByName(
  runner: CypherRunner,
  key: string,
  labels: readonly string[] | null,
  direction: Direction,
  maxDepth: number,
  options: WalkOptions = {},
): Promise<Walk | null> {
  if (!key) return null;
  const query = lineageQuery('name', maxDepth, options.counting ?? true, direction, options.types ?? LINEAGE_TYPES);
  const view = options.view ?? CURRENT;
  const rows = await runner.read(query, { ...nameParams(key, labels), ...params(maxDepth, options) }, view);
  return rows.length ? toWalk(rows[0], view) : null;
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
    walkLineage(runner, a, 'ANCESTORS', maxDepth, LINEAGE_TYPES, null, { counting: false }),
    walkLineage(runner, b, 'ANCESTORS', maxDepth, LINEAGE_TYPES, null, { counting: false }),
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
