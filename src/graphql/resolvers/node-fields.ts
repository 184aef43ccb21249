import type { NodeRecord } from '../../records/node-record.js';
import type { Way } from '../../queries/edges.js';
import type { Context } from '../context.js';
import { firstSeen, lastSeen } from './seen.js';
import { kindOf, source } from './views.js';

/** Fields every node type has (the `Node` interface) plus the common optional props. */
export const nodeFields = {
  kind: (n: NodeRecord) => kindOf(n.label),
  sources: (n: NodeRecord) => n.provenance.map(source),
  firstSeen,
  lastSeen,
  relations: async (n: NodeRecord, args: { direction: Way; types?: string[] | null }, ctx: Context) => {
    const hops = await ctx.loadersOf(n.view).hops(n.id, args.direction, args.types?.length ? args.types : null);
    const unique = new Map(hops.map((h) => [h.edge.id, h.edge]));
    return [...unique.values()];
  },
};

export function url(n: NodeRecord): string | null {
  return typeof n.props.url === 'string' && n.props.url ? n.props.url : null;
}

export function mainFeature(n: NodeRecord): string | null {
  return typeof n.props.mainFeature === 'string' ? n.props.mainFeature : null;
}

/** Names of the nodes one hop away, e.g. a model's languages. */
export function relatedNames(type: string, way: Way = 'OUTGOING') {
  return async (n: NodeRecord, _args: unknown, ctx: Context) =>
    (await ctx.loadersOf(n.view).related(n.id, way, type)).map((r) => r.name);
}

/** The nodes one hop away, optionally of one label. */
export function related(type: string, way: Way, label?: string) {
  return (n: NodeRecord, _args: unknown, ctx: Context) => ctx.loadersOf(n.view).related(n.id, way, type, label);
}
