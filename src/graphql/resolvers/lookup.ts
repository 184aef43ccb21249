import { nameKey } from '../../../ingest/graph/name-key.js';
import type { NodeRecord } from '../../records/node-record.js';
import { nodeByName } from '../../queries/nodes.js';
import { CURRENT, type View } from '../../queries/view.js';
import type { Context } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { bounded } from '../limits/bounded.js';

/** The node a user means by a name, of the given labels (any when null), or null. */
export async function findByName(ctx: Context, name: string, labels: string[] | null, view: View = CURRENT): Promise<NodeRecord | null> {
  const node = await nodeByName(ctx.runner, nameKey(name), labels, view);
  return node && ctx.loadersOf(view).prime(node);
}

/** Like findByName, but an unknown name is a NOT_FOUND error naming the input. */
export async function requireByName(ctx: Context, name: string, labels: string[] | null, what: string, view: View = CURRENT): Promise<NodeRecord> {
  const node = await findByName(ctx, name, labels, view);
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
