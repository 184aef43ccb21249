/**
 * When each source first and last stated a fact. Stored on every version of a node or
 * relationship as `seen` (one JSON string per source that ever stated it) and `seenFrom` (the
 * earliest date, for `asOf`). A source that states the fact in this version has `last: null`:
 * its last statement is its current version, read from the source's own versions, so that a
 * load that only moves a source to its next commit rewrites nothing else.
 */

/** A version of a source: when it was written (commit date, or the time of a plain ingest) and its commit. */
export interface Stamp {
  /** ISO 8601 in UTC, e.g. `2023-03-14T09:26:53Z`. */
  date: string;
  /** Git commit of that version, when it came from a history. */
  commit: string | null;
}

export interface SeenEntry {
  source: string;
  first: Stamp;
  /** Null while the source still states it in this version. */
  last: Stamp | null;
}

export function parseSeen(raw: readonly string[] | null | undefined): SeenEntry[] {
  return (raw ?? []).map((s) => JSON.parse(s) as SeenEntry);
}

export function formatSeen(entries: readonly SeenEntry[]): string[] {
  return entries.map((e) => JSON.stringify({ source: e.source, first: e.first, last: e.last }));
}

function earlier(a: Stamp, b: Stamp): Stamp {
  return b.date < a.date ? b : a;
}

/**
 * The `seen` of a new version of a fact, from the version before it (null for a new fact):
 * sources stating it now keep their first statement (or an earlier one, when a history replays
 * versions older than a plain ingest), sources that stopped get the last version that stated it.
 */
export function nextSeen(
  previous: readonly SeenEntry[],
  statingNow: readonly string[],
  now: (source: string) => Stamp,
  lastBefore: (source: string) => Stamp | null,
): SeenEntry[] {
  const bySource = new Map(previous.map((e) => [e.source, { ...e }]));
  for (const source of statingNow) {
    const had = bySource.get(source);
    bySource.set(source, { source, first: had ? earlier(had.first, now(source)) : now(source), last: null });
  }
  const stating = new Set(statingNow);
  for (const e of bySource.values()) {
    if (!stating.has(e.source) && e.last === null) e.last = lastBefore(e.source) ?? e.first;
  }
  return [...bySource.values()].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
}

/** The earliest first statement: what `asOf` compares. */
export function seenFrom(entries: readonly SeenEntry[]): string {
  return entries.reduce((min, e) => (e.first.date < min ? e.first.date : min), entries[0]?.first.date ?? '');
}
