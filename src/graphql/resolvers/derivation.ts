import type { GraphQLResolveInfo } from 'graphql';
import type { Derivation } from '../../../ingest/graph/types.js';
import type { EdgeRecord, NodeRecord } from '../../records/node-record.js';
import { byCount, passesKinds } from '../../records/derivation.js';
import type { Detail } from '../../queries/projections.js';
import type { Context } from '../context.js';
import { relationDetail } from '../selection/hops.js';
import { RELATION_FIELDS, type RelationField } from '../selection/relation-fields.js';
import { derivativesPage, descendantsPage } from '../../queries/hub.js';
import { detailFor } from '../selection/selection.js';
import { pageWindow, type PageArgs } from './cursor.js';
import { depthArgument } from './lookup.js';
import { connection } from './views.js';

/**
 * How models were made from their bases: the kinds on BASED_ON relations, as the Model fields
 * that list or count them. Everything but `descendantKinds` reads the hops the `basedOn` and
 * `derivatives` lists already batch, so asking for kinds costs no query of its own.
 */

type KindsArgs = { kinds?: string[] | null };

const kindsOf = (args: KindsArgs | undefined) => (args?.kinds?.length ? args.kinds : null);

/** The BASED_ON hops of a model one way, to models, with their relation, filtered by kinds. */
async function links(n: NodeRecord, field: RelationField, kinds: readonly string[] | null, ctx: Context, detail: Detail) {
  const byModel = new Map<string, { model: NodeRecord; derivation: Derivation | null; relation: EdgeRecord }>();
  for (const hop of await ctx.loadersOf(n.view).hops(n.id, field.way, [field.type], detail)) {
    if (hop.node.label !== 'Model' || !passesKinds(hop.edge, kinds) || byModel.has(hop.node.id)) continue;
    byModel.set(hop.node.id, { model: hop.node, derivation: hop.edge.derivation, relation: hop.edge });
  }
  return [...byModel.values()];
}

function linked(name: string, pick: 'models' | 'links') {
  const field = RELATION_FIELDS.Model[name];
  return async (n: NodeRecord, args: KindsArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const found = await links(n, field, kindsOf(args), ctx, detailFor(info, (tree) => relationDetail(field, tree)));
    return pick === 'models' ? found.map((l) => l.model) : found;
  };
}

export const derivationFields = {
  basedOn: linked('basedOn', 'models'),
  derivatives: linked('derivatives', 'models'),
  baseLinks: linked('baseLinks', 'links'),
  derivativeLinks: linked('derivativeLinks', 'links'),
  derivativeKinds: async (n: NodeRecord, _args: unknown, ctx: Context) => {
    const counts = new Map<string, number>();
    const lean = { nodes: false, edges: false };
    for (const link of await links(n, RELATION_FIELDS.Model.derivativeKinds, null, ctx, lean)) {
      for (const kind of link.derivation?.kinds ?? []) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return byCount([...counts].map(([kind, count]) => ({ kind, count })));
  },
  descendantKinds: (n: NodeRecord, _args: unknown, ctx: Context) => ctx.loadersOf(n.view).descendantKinds(n.id),
  /** A hub's derivatives a page at a time, with their count: one query, never the whole list. */
  derivativesConnection: async (n: NodeRecord, args: KindsArgs & PageArgs, ctx: Context, info: GraphQLResolveInfo) => {
    const w = pageWindow(ctx, args, info, []);
    const page = await derivativesPage(ctx.runner, n.id, kindsOf(args), w, n.view);
    return connection(page.items.map((m) => ctx.loadersOf(n.view).prime(m)), page.total, w.skip);
  },
  /** What descends from a model a page at a time, nearest first, with their count: one query. */
  descendantsConnection: async (n: NodeRecord, args: PageArgs & { maxDepth: number }, ctx: Context, info: GraphQLResolveInfo) => {
    const w = pageWindow(ctx, args, info, ['model']);
    const page = await descendantsPage(ctx.runner, n.id, depthArgument(ctx, args.maxDepth), w, n.view);
    return connection(page.items.map((s) => ({ model: ctx.loadersOf(n.view).prime(s.node), depth: s.depth })), page.total, w.skip);
  },
  relationCounts: (n: NodeRecord, _args: unknown, ctx: Context) => ctx.loadersOf(n.view).relationCounts(n.id),
};

/** The evidence's place spelt as the GraphQL enum `EvidenceFrom`. */
export const DerivationEvidence = {
  from: (e: { from: string }) => e.from.toUpperCase(),
};
