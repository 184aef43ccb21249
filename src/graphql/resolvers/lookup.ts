import type { GraphQLResolveInfo } from 'graphql';
import { nameKey } from '../../../ingest/graph/name-key.js';
import type { NodeRecord } from '../../records/node-record.js';
import { lookUp } from '../../queries/nodes.js';
import { CURRENT, type View } from '../../queries/view.js';
import type { Context } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { bounded } from '../limits/bounded.js';
import { primeWantedHops, wantedHops } from '../selection/hops.js';
import { needsWholeNode, selectionOf } from '../selection/selection.js';

/**
 * The node a user means by a name, of the given labels (any when null), or null. Given the
 * resolve info of a look-up of one kind (`model(name)`), the relation fields its selection asks
 * for are read in the same query and handed to the loaders, and the node itself only as far
 * as the selection needs it.
 */
export async function findByName(
  ctx: Context,
  name: string,
  labels: string[] | null,
  info?: GraphQLResolveInfo,
  view: View = CURRENT,
): Promise<NodeRecord | null> {
  const tree = info ? selectionOf(info) : null;
  const wanted = tree && labels?.length === 1 ? wantedHops(tree, labels[0]) : undefined;
  const found = await lookUp(ctx.runner, nameKey(name), labels, { whole: tree ? needsWholeNode(tree) : true, hops: wanted, view });
  if (!found) return null;
  const loaders = ctx.loadersOf(view);
  if (wanted) primeWantedHops(loaders, found.node.id, wanted, found.hops);
  return loaders.prime(found.node);
}

/** Like findByName, but an unknown name is a NOT_FOUND error naming the input. */
export async function requireByName(ctx: Context, name: string, labels: string[] | null, what: string, view: View = CURRENT): Promise<NodeRecord> {
  const node = await findByName(ctx, name, labels, undefined, view);
  if (!node) throw notFound(what, name);
  return node;
}

export function depthArgument(ctx: Context, value: number, argument = 'maxDepth'): number {
  return bounded(argument, value, 1, ctx.limits.maxLineageDepth);
}

export function pageSize(ctx: Context, value: number, argument = 'first'): number {
  return bounded(argument, value, 1, ctx.limits.maxPageSize);
}

export function requireText(value: string, argument: string): string {
  if (!value.trim()) throw badInput(`${argument} must not be empty.`, argument);
  return value;
}
