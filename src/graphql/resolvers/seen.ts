import type { SeenEntry } from '../../../ingest/load/seen.js';
import type { View } from '../../queries/view.js';
import type { Context } from '../context.js';

/** `firstSeen` and `lastSeen` of nodes and relations, from the `seen` entries the store keeps per source. */

interface WithSeen {
  seen: SeenEntry[];
  view: View;
}

function entriesOf(r: WithSeen, source: string | null | undefined): SeenEntry[] {
  return source ? r.seen.filter((e) => e.source === source) : r.seen;
}

export function firstSeen(r: WithSeen, args: { source?: string | null }) {
  const entries = entriesOf(r, args.source);
  if (!entries.length) return null;
  const e = entries.reduce((a, b) => (b.first.date < a.first.date ? b : a));
  return { source: e.source, date: e.first.date, commit: e.first.commit };
}

/** A source still stating the fact last stated it in its version of the view's graph. */
export async function lastSeen(r: WithSeen, args: { source?: string | null }, ctx: Context) {
  const entries = entriesOf(r, args.source);
  if (!entries.length) return null;
  const current = entries.some((e) => !e.last) ? await ctx.loadersOf(r.view).sourceVersions() : new Map();
  let best: { source: string; date: string; commit: string | null } | null = null;
  for (const e of entries) {
    const last = e.last ?? current.get(e.source) ?? e.first;
    if (!best || last.date > best.date) best = { source: e.source, date: last.date, commit: last.commit };
  }
  return best;
}
