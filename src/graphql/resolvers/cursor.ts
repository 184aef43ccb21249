import type { GraphQLResolveInfo } from 'graphql';
import type { Detail } from '../../queries/projections.js';
import type { Context } from '../context.js';
import { badInput } from '../errors.js';
import { detailFor, fieldsNamed, needsWholeNode } from '../selection/selection.js';
import { pageSize } from './lookup.js';
import { offsetAfter } from './views.js';

/** How many items an `after` cursor skips; a cursor this API did not give out is BAD_USER_INPUT. */
export function skipFor(after: string | null | undefined): number {
  const skip = offsetAfter(after);
  if (skip === null) throw badInput(`after is not a cursor this API gave out: ${JSON.stringify(after)}.`, 'after');
  return skip;
}

export type PageArgs = { first: number; after?: string | null };

/**
 * The page a connection field asks for, and how much of its nodes the selection needs: the
 * nodes under `nodes` and `edges { node }`, or under their `inner` fields (a step's `model`).
 */
export function pageWindow(ctx: Context, args: PageArgs, info: GraphQLResolveInfo, inner: string[]): { skip: number; limit: number; detail: Detail } {
  const limit = pageSize(ctx, args.first);
  const skip = skipFor(args.after);
  const detail = detailFor(info, (tree) => {
    let nodes = [...fieldsNamed(tree, 'nodes'), ...fieldsNamed(tree, 'edges').flatMap((e) => fieldsNamed(e, 'node'))];
    for (const name of inner) nodes = nodes.flatMap((t) => fieldsNamed(t, name));
    return { nodes: nodes.some(needsWholeNode), edges: false };
  });
  return { skip, limit, detail };
}
