import type { EdgeRow, NodeRow } from './rows.js';
import { OPEN } from './cypher.js';
import { formatSeen, nextSeen, parseSeen, seenFrom, type Stamp } from './seen.js';

/**
 * What a load writes: the difference between the facts stated now and the next graph. A fact
 * whose content and `seen` are unchanged is left alone; a changed one gets a new version and
 * its old version is retired; a relationship is also re-created when a node it joins gets a new
 * version (a relationship version joins node versions that hold for all of its interval).
 */

/** A version readers of the current generation see, as the store reports it. */
export interface LiveNode {
  id: string;
  label: string;
  gFrom: number;
  hash: string;
  seen: string[];
  sources: string[];
}

export interface LiveEdge {
  id: string;
  type: string;
  gFrom: number;
  hash: string;
  seen: string[];
  sources: string[];
  source: string;
  target: string;
}

/** The latest version of a fact no longer stated, for one that is stated again. */
export interface PastVersion {
  gTo: number;
  seen: string[];
  sources: string[];
}

export interface Counts {
  added: number;
  removed: number;
  changed: number;
}

export interface ChangeSummary {
  nodes: Counts;
  edges: Counts;
  /** Per source: the facts it states (or stated) that changed. */
  bySource: Map<string, { nodes: Counts; edges: Counts }>;
}

export interface LoadPlan {
  closeNodes: { id: string; gFrom: number }[];
  createNodes: Record<string, unknown>[];
  closeEdges: { id: string; gFrom: number; source: string; sourceFrom: number }[];
  createEdges: Map<string, { source: string; sourceFrom: number; target: string; targetFrom: number; props: Record<string, unknown> }[]>;
  summary: ChangeSummary;
  /** Relationships written again only because a node they join got a new version. */
  moved: number;
}

export interface PlanInput {
  /** The generation being written. */
  generation: number;
  /** The generation readers see now. */
  current: number;
  nodes: readonly NodeRow[];
  edges: readonly EdgeRow[];
  live: { nodes: ReadonlyMap<string, LiveNode>; edges: ReadonlyMap<string, LiveEdge> };
  past: { nodes: ReadonlyMap<string, PastVersion>; edges: ReadonlyMap<string, PastVersion> };
  /** The version of each source in the generation being written. */
  stampNow(source: string): Stamp;
  /** The version of a source in an earlier generation (null if it had none). */
  stampAt(source: string, generation: number): Stamp | null;
  /** Sources given to this load (added, replaced, removed), to attribute changes to. */
  changedSources: ReadonlySet<string>;
}

const zero = (): Counts => ({ added: 0, removed: 0, changed: 0 });

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function planLoad(input: PlanInput): LoadPlan {
  const { generation, current, live, past } = input;
  const summary: ChangeSummary = { nodes: zero(), edges: zero(), bySource: new Map() };
  const count = (what: 'nodes' | 'edges', how: keyof Counts, before: readonly string[], after: readonly string[]) => {
    summary[what][how]++;
    const involved = [...new Set([...before, ...after])];
    const given = involved.filter((s) => input.changedSources.has(s));
    for (const s of given.length ? given : involved) {
      let entry = summary.bySource.get(s);
      if (!entry) summary.bySource.set(s, (entry = { nodes: zero(), edges: zero() }));
      entry[what][how]++;
    }
  };

  /** The `seen` a fact gets in the next generation, from its live or latest past version. */
  const seenOf = (sources: readonly string[], liveVersion: { seen: string[] } | undefined, pastVersion: PastVersion | undefined) => {
    const before = liveVersion ?? pastVersion;
    const lastGeneration = liveVersion ? current : pastVersion ? pastVersion.gTo - 1 : current;
    const entries = nextSeen(parseSeen(before?.seen), sources, input.stampNow, (s) => input.stampAt(s, lastGeneration));
    return { seen: formatSeen(entries), seenFrom: seenFrom(entries) };
  };
  const sameSeen = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s, i) => s === b[i]);

  const plan: LoadPlan = { closeNodes: [], createNodes: [], closeEdges: [], createEdges: new Map(), summary, moved: 0 };
  /** gFrom of each node's version in the next generation. */
  const nodeFrom = new Map<string, number>();

  for (const row of input.nodes) {
    const old = live.nodes.get(row.id);
    const { seen, seenFrom: from } = seenOf(row.sources, old, past.nodes.get(row.id));
    if (old && old.hash === row.hash && sameSeen(old.seen ?? [], seen)) {
      nodeFrom.set(row.id, old.gFrom);
      continue;
    }
    if (old) {
      plan.closeNodes.push({ id: old.id, gFrom: old.gFrom });
      if (old.hash !== row.hash) count('nodes', 'changed', old.sources ?? [], row.sources);
    } else count('nodes', 'added', [], row.sources);
    nodeFrom.set(row.id, generation);
    plan.createNodes.push({ ...row.props, gFrom: generation, gTo: OPEN, hash: row.hash, seen, seenFrom: from });
  }
  const stated = new Set(input.nodes.map((n) => n.id));
  for (const old of live.nodes.values()) {
    if (stated.has(old.id)) continue;
    plan.closeNodes.push({ id: old.id, gFrom: old.gFrom });
    count('nodes', 'removed', old.sources ?? [], []);
  }

  const liveFrom = (id: string) => live.nodes.get(id)?.gFrom;
  for (const row of input.edges) {
    const old = live.edges.get(row.id);
    const { seen, seenFrom: from } = seenOf(row.sources, old, past.edges.get(row.id));
    const sourceFrom = nodeFrom.get(row.source)!;
    const targetFrom = nodeFrom.get(row.target)!;
    const endsKept = old !== undefined && sourceFrom === liveFrom(old.source) && targetFrom === liveFrom(old.target);
    const sameContent = old !== undefined && old.hash === row.hash && sameSeen(old.seen ?? [], seen);
    if (old && sameContent && endsKept) continue;
    if (old) {
      plan.closeEdges.push({ id: old.id, gFrom: old.gFrom, source: old.source, sourceFrom: liveFrom(old.source)! });
      if (old.hash !== row.hash) count('edges', 'changed', old.sources ?? [], row.sources);
      else if (sameContent) plan.moved++;
    } else count('edges', 'added', [], row.sources);
    push(plan.createEdges, row.type, {
      source: row.source,
      sourceFrom,
      target: row.target,
      targetFrom,
      props: { ...row.props, gFrom: generation, gTo: OPEN, hash: row.hash, seen, seenFrom: from },
    });
  }
  const edgeStated = new Set(input.edges.map((e) => e.id));
  for (const old of live.edges.values()) {
    if (edgeStated.has(old.id)) continue;
    plan.closeEdges.push({ id: old.id, gFrom: old.gFrom, source: old.source, sourceFrom: liveFrom(old.source)! });
    count('edges', 'removed', old.sources ?? [], []);
  }
  return plan;
}

/** Whether a plan writes anything at all. */
export function isEmptyPlan(plan: LoadPlan): boolean {
  return !plan.closeNodes.length && !plan.createNodes.length && !plan.closeEdges.length && !plan.createEdges.size;
}
