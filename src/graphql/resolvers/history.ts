import { diffFacts, type ChangeSet, type FactChangeRecord } from '../../changes/diff.js';
import type { EdgeRecord, NodeRecord } from '../../records/node-record.js';
import { factsOfSource, sourceFiles, sourceTimeline, type SourceFileRecord, type SourceVersionRecord } from '../../queries/sources.js';
import { CURRENT, type View } from '../../queries/view.js';
import type { Context } from '../context.js';
import { notFound } from '../errors.js';

/** `sources`, `changes` and `asOf`: the store's sources and their versions over time. */

type Args = Record<string, any>;

/** A DateTime argument (graphql-scalars parses it to a Date) as the ISO string the store compares. */
export function isoArgument(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString();
}

/** The view an `asOf` argument asks for. */
export function viewAt(asOf: unknown): View {
  const iso = isoArgument(asOf);
  return iso ? { asOf: iso, generation: null } : CURRENT;
}

const stamp = (v: { source: string; date: string; commit: string | null }) => ({ source: v.source, date: v.date, commit: v.commit });

/** The version of a source current at a time: the last one dated at or before it. */
function versionAt(timeline: SourceVersionRecord[], at: string): SourceVersionRecord | null {
  let found: SourceVersionRecord | null = null;
  for (const v of timeline) if (v.date <= at) found = v;
  return found;
}

interface ChangesResult extends ChangeSet {
  source: string;
  from: SourceVersionRecord | null;
  to: SourceVersionRecord | null;
  fromView: View;
  toView: View;
}

export const historyQueries = {
  sources: (_: unknown, _args: Args, ctx: Context) => sourceFiles(ctx.runner),

  changes: async (_: unknown, args: Args, ctx: Context): Promise<ChangesResult> => {
    const source = String(args.source);
    const timeline = await sourceTimeline(ctx.runner, source);
    if (!timeline.length) throw notFound('source', source);
    const since = isoArgument(args.since);
    const until = isoArgument(args.until);
    const current = await ctx.runner.generation(CURRENT);
    const live = (await ctx.loaders.sourceVersions()).get(source) ?? null;
    const from = since ? versionAt(timeline, since) : timeline[0];
    const to = until ? versionAt(timeline, until) : live;
    // Until now: the graph readers see; an earlier version: the graph of the load that wrote it.
    const toGeneration = until ? (to?.generation ?? null) : current;
    const fromView: View = { asOf: null, generation: from?.generation ?? 0 };
    const toView: View = { asOf: null, generation: toGeneration ?? 0 };
    const [before, after] = await Promise.all([
      from ? factsOfSource(ctx.runner, source, from.generation) : null,
      toGeneration !== null && to ? factsOfSource(ctx.runner, source, toGeneration) : { nodes: [], edges: [] },
    ]);
    return { source, from, to, fromView, toView, ...diffFacts(before, after) };
  },
};

const kinds = (list: NodeRecord[], args: Args) => (args.kinds?.length ? list.filter((n) => args.kinds.includes(n.label.toUpperCase())) : list);
const types = <T extends { type: string }>(list: T[], args: Args) => (args.types?.length ? list.filter((e) => args.types.includes(e.type)) : list);
const primed = (ctx: Context, list: NodeRecord[]) => list.map((n) => ctx.loadersOf(n.view).prime(n));
const nodes = async (ctx: Context, view: View, ids: string[]) =>
  (await ctx.loadersOf(view).node.loadMany(ids)).filter((n): n is NodeRecord => n !== null && !(n instanceof Error));

export const historyTypes = {
  SourceFile: {
    file: (s: SourceFileRecord) => s.source,
    version: (s: SourceFileRecord) => stamp(s),
    firstVersion: (s: SourceFileRecord) => ({ source: s.source, ...s.first }),
    relations: (s: SourceFileRecord) => s.edges,
  },
  Changes: {
    from: (c: ChangesResult) => c.from && stamp(c.from),
    to: (c: ChangesResult) => c.to && stamp(c.to),
    added: (c: ChangesResult, args: Args, ctx: Context) => primed(ctx, kinds(c.added, args)),
    removed: (c: ChangesResult, args: Args, ctx: Context) => primed(ctx, kinds(c.removed, args)),
    addedRelations: (c: ChangesResult, args: Args) => types<EdgeRecord>(c.addedRelations, args),
    removedRelations: (c: ChangesResult, args: Args) => types<EdgeRecord>(c.removedRelations, args),
    changed: (c: ChangesResult, args: Args) => types(c.changed, args).map((f) => ({ ...f, fromView: c.fromView })),
  },
  FactChange: {
    added: (f: FactChangeRecord, _args: Args, ctx: Context) => nodes(ctx, f.node.view, f.added),
    removed: (f: FactChangeRecord & { fromView: View }, _args: Args, ctx: Context) => nodes(ctx, f.fromView, f.removed),
  },
};
