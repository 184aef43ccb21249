import type { Derivation } from '../../../ingest/graph/types.js';
import type { EdgeRecord, NodeRecord } from '../../records/node-record.js';
import { byCount, passesKinds } from '../../records/derivation.js';
import type { Way } from '../../queries/edges.js';
import type { Context } from '../context.js';

/**
 * How models were made from their bases: the kinds on BASED_ON relations, as the Model fields
 * that list or count them. Everything but `descendantKinds` reads the hops the `basedOn` and
 * `derivatives` lists already batch, so asking for kinds costs no query of its own.
 */

type KindsArgs = { kinds?: string[] | null };

const kindsOf = (args: KindsArgs | undefined) => (args?.kinds?.length ? args.kinds : null);

/** The BASED_ON hops of a model one way, to models, with their relation, filtered by kinds. */
async function links(n: NodeRecord, way: Way, kinds: readonly string[] | null, ctx: Context) {
  const byModel = new Map<string, { model: NodeRecord; derivation: Derivation | null; relation: EdgeRecord }>();
  for (const hop of await ctx.loadersOf(n.view).hops(n.id, way, ['BASED_ON'])) {
    if (hop.node.label !== 'Model' || !passesKinds(hop.edge, kinds) || byModel.has(hop.node.id)) continue;
    byModel.set(hop.node.id, { model: hop.node, derivation: hop.edge.derivation, relation: hop.edge });
  }
  return [...byModel.values()];
}

function models(way: Way) {
  return async (n: NodeRecord, args: KindsArgs, ctx: Context) => (await links(n, way, kindsOf(args), ctx)).map((l) => l.model);
}

function modelLinks(way: Way) {
  return (n: NodeRecord, args: KindsArgs, ctx: Context) => links(n, way, kindsOf(args), ctx);
}

export const derivationFields = {
  basedOn: models('OUTGOING'),
  derivatives: models('INCOMING'),
  baseLinks: modelLinks('OUTGOING'),
  derivativeLinks: modelLinks('INCOMING'),
  derivativeKinds: async (n: NodeRecord, _args: unknown, ctx: Context) => {
    const counts = new Map<string, number>();
    for (const link of await links(n, 'INCOMING', null, ctx)) {
      for (const kind of link.derivation?.kinds ?? []) counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    return byCount([...counts].map(([kind, count]) => ({ kind, count })));
  },
  descendantKinds: (n: NodeRecord, _args: unknown, ctx: Context) => ctx.loadersOf(n.view).descendantKinds(n.id),
};

/** The evidence's place spelt as the GraphQL enum `EvidenceFrom`. */
export const DerivationEvidence = {
  from: (e: { from: string }) => e.from.toUpperCase(),
};
