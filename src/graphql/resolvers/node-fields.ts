import type { GraphQLResolveInfo } from 'graphql';
import type { NodeRecord } from '../../records/node-record.js';
import type { Way } from '../../queries/edges.js';
import type { Context } from '../context.js';
import { relationDetail } from '../selection/hops.js';
import type { RelationField } from '../selection/relation-fields.js';
import { detailFor, needsWholeEdge } from '../selection/selection.js';
import { firstSeen, lastSeen } from './seen.js';
import { kindOf, source } from './views.js';

/**
 * A field read from the node's own properties. A node read partially (only id, label and name,
 * because the query's selection asked no more where it was read) is read whole first.
 */
export function fromProps<T>(read: (n: NodeRecord) => T) {
  return async (n: NodeRecord, _args: unknown, ctx: Context): Promise<T> => read(n.partial ? await ctx.loadersOf(n.view).full(n) : n);
}

/** Fields every node type has (the `Node` interface) plus the common optional props. */
export const nodeFields = {
  kind: (n: NodeRecord) => kindOf(n.label),
  aliases: fromProps((n) => n.aliases),
  sources: fromProps((n) => n.provenance.map(source)),
  firstSeen: async (n: NodeRecord, args: { source?: string | null }, ctx: Context) => firstSeen(n.partial ? await ctx.loadersOf(n.view).full(n) : n, args),
  lastSeen: async (n: NodeRecord, args: { source?: string | null }, ctx: Context) => lastSeen(n.partial ? await ctx.loadersOf(n.view).full(n) : n, args, ctx),
  relations: async (n: NodeRecord, args: { direction: Way; types?: string[] | null }, ctx: Context, info: GraphQLResolveInfo) => {
    const detail = detailFor(info, (tree) => ({ nodes: false, edges: needsWholeEdge(tree) }));
    const hops = await ctx.loadersOf(n.view).hops(n.id, args.direction, args.types?.length ? args.types : null, detail);
    const unique = new Map(hops.map((h) => [h.edge.id, h.edge]));
    return [...unique.values()];
  },
};

export const url = fromProps((n) => (typeof n.props.url === 'string' && n.props.url ? n.props.url : null));

export const mainFeature = fromProps((n) => (typeof n.props.mainFeature === 'string' ? n.props.mainFeature : null));

/** The nodes (or, for `shows: 'names'`, their names) one hop away over a relation field of the table. */
export function related(field: RelationField) {
  const names = (nodes: NodeRecord[]) => nodes.map((r) => r.name);
  return (n: NodeRecord, _args: unknown, ctx: Context, info: GraphQLResolveInfo) => {
    const detail = detailFor(info, (tree) => relationDetail(field, tree));
    const nodes = ctx.loadersOf(n.view).related(n.id, field.way, field.type, field.label, detail);
    if (field.shows !== 'names') return nodes;
    return Array.isArray(nodes) ? names(nodes) : nodes.then(names);
  };
}
