/**
 * Which graph a read sees. The store keeps every version of every fact (ingest/load/cypher.ts):
 * a version is stated from generation `gFrom` until `gTo`. A view is the current generation
 * (pinned once per request, so that one answer never mixes two loads), the graph as it stood
 * at a date (`asOf`: the last generation dated at or before it, without facts first stated
 * after it), or one given generation (what `changes` compares).
 */
export interface View {
  /** ISO 8601 date-time in UTC. */
  asOf: string | null;
  /** A generation number, instead of the current one or the one at `asOf`. */
  generation: number | null;
}

export const CURRENT: View = { asOf: null, generation: null };

export function viewKey(view: View): string {
  return view.generation !== null ? `g${view.generation}` : view.asOf ? `t${view.asOf}` : 'current';
}

/**
 * The Cypher condition that a node or relationship version `v` is part of the view: every read
 * query applies it to each node it starts from and each relationship it follows (a relationship
 * version only ever joins node versions that hold for all of its interval, so the nodes it
 * reaches need no condition of their own). `$g` and `$asOf` are supplied by the runner.
 */
export function visible(v: string): string {
  return `(${v}.gFrom <= $g AND $g < ${v}.gTo AND ($asOf IS NULL OR ${v}.seenFrom <= $asOf))`;
}
