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

/** Later than any date a list states: what `$seenBy` is when the view has no `asOf`. */
export const END_OF_TIME = '9999-12-31T23:59:59.999Z';

/**
 * The Cypher condition that a node or relationship version `v` is part of the view: every read
 * query applies it to each node it starts from and each relationship it follows (a relationship
 * version only ever joins node versions that hold for all of its interval, so the nodes it
 * reaches need no condition of their own). `$g` and `$seenBy` (the view's `asOf`, else
 * END_OF_TIME; every version has a `seenFrom`) are supplied by the runner. A plain comparison,
 * not `$asOf IS NULL OR …`: each such disjunction made Neo4j plan the models filter a second longer.
 */
export function visible(v: string): string {
  return `(${v}.gFrom <= $g AND $g < ${v}.gTo AND ${v}.seenFrom <= $seenBy)`;
}
