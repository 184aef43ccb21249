import { nameKey } from '../../../ingest/graph/name-key.js';
import { exportGraph, type ExportFormat } from '../../export/export-graph.js';
import type { Orientation } from '../../export/subgraph.js';
import type { ExportTable } from '../../export/tables.js';
import type { GraphQLResolveInfo } from 'graphql';
import { LINEAGE_TYPES, commonAncestors, walkLineageByName, type Direction } from '../../lineage/walk.js';
import { modelsPage, type ModelFilterKeys, type ModelOrder } from '../../queries/models.js';
import { organizationsPage } from '../../queries/organizations.js';
import { NODE_COUNTS, RELATION_COUNTS, TOP_BASE_MODELS, TOP_CONTRIBUTORS, countsBy, ranked } from '../../queries/overview.js';
import { shortestPath } from '../../queries/path.js';
import { relationsPage } from '../../queries/relations.js';
import { search } from '../../queries/search.js';
import { derivationCounts } from '../../queries/derivations.js';
import type { Context } from '../context.js';
import { badInput, notFound } from '../errors.js';
import { bounded } from '../limits/bounded.js';
import { searchText } from '../limits/search-text.js';
import { primeWantedHops, wantedHops } from '../selection/hops.js';
import { fieldsNamed, needsWholeEdge, needsWholeNode, selectionOf, selects } from '../selection/selection.js';
import { skipFor } from './cursor.js';
import { historyQueries, viewAt } from './history.js';
import { depthArgument, findByName, pageSize, requireByName } from './lookup.js';
import { connection, graphEdge, graphNode, offsetAfter } from './views.js';

type Args = Record<string, any>;

function label(kind: string): string {
  return kind.charAt(0) + kind.slice(1).toLowerCase();
}

function filterKeys(filter: Args | null | undefined): ModelFilterKeys {
  const key = (field: string) => (filter?.[field] ? nameKey(String(filter[field])) || null : null);
  return {
    contributor: key('contributor'),
    basedOn: key('basedOn'),
    descendsFrom: key('descendsFrom'),
    dataset: key('dataset'),
    language: key('language'),
    license: key('license'),
    domain: key('domain'),
    category: key('category'),
    nameContains: key('nameContains'),
    releasedAfter: isoDate(filter, 'releasedAfter'),
    releasedBefore: isoDate(filter, 'releasedBefore'),
    minParameters: typeof filter?.minParameters === 'number' ? filter.minParameters : null,
    maxParameters: typeof filter?.maxParameters === 'number' ? filter.maxParameters : null,
    derivation: filter?.derivation?.length ? filter.derivation : null,
  };
}

/** `2023`, `2023-06`, `2023-06-15`: the forms release dates are stored in, so they compare as text. */
function isoDate(filter: Args | null | undefined, field: string): string | null {
  const value = filter?.[field];
  if (value === null || value === undefined) return null;
  const text = String(value).trim();
  if (!/^(?:19|20)\d{2}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/.test(text)) {
    throw badInput(`${field} must be an ISO date, year-month or year (e.g. 2023-06-15, 2023-06, 2023), not ${JSON.stringify(value)}.`, `filter.${field}`);
  }
  return text;
}

export const Query = {
  model: (_: unknown, { name, asOf }: Args, ctx: Context, info: GraphQLResolveInfo) => findByName(ctx, name, ['Model'], info, viewAt(asOf)),
  organization: (_: unknown, { name }: Args, ctx: Context, info: GraphQLResolveInfo) => findByName(ctx, name, ['Organization'], info),
  dataset: (_: unknown, { name }: Args, ctx: Context, info: GraphQLResolveInfo) => findByName(ctx, name, ['Dataset'], info),
  method: (_: unknown, { name }: Args, ctx: Context, info: GraphQLResolveInfo) => findByName(ctx, name, ['Method'], info),
  paper: (_: unknown, { title }: Args, ctx: Context, info: GraphQLResolveInfo) => findByName(ctx, title, ['Paper'], info),
  node: (_: unknown, { id }: Args, ctx: Context) => ctx.loaders.node.load(id),

  search: async (_: unknown, args: Args, ctx: Context) => {
    const text = searchText(args.query);
    const first = pageSize(ctx, args.first);
    const labels = args.kinds?.length ? args.kinds.map(label) : null;
    const hits = await search(ctx.runner, text, nameKey(text), labels, first);
    return hits.map((hit) => ({
      name: hit.node.name,
      kind: hit.node.label.toUpperCase(),
      score: hit.score,
      node: ctx.loaders.prime(hit.node),
    }));
  },

  models: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
    const first = pageSize(ctx, args.first);
    const skip = skipFor(args.after);
    // The page, its count and the relations its models show, in one query.
    const tree = selectionOf(info);
    const models = [...fieldsNamed(tree, 'nodes'), ...fieldsNamed(tree, 'edges').flatMap((e) => fieldsNamed(e, 'node'))];
    const wanted = wantedHops(models, 'Model');
    const view = viewAt(args.asOf);
    const loaders = ctx.loadersOf(view);
    const page = await modelsPage(ctx.runner, filterKeys(args.filter), args.orderBy as ModelOrder, skip, first, {
      withTotal: selects(tree, 'totalCount') || selects(tree, 'pageInfo'),
      whole: models.some(needsWholeNode),
      hops: wanted,
      view,
    });
    for (const node of page.nodes) primeWantedHops(loaders, node.id, wanted, page.hops.get(node.id) ?? []);
    return connection(page.nodes.map((n) => loaders.prime(n)), page.total ?? 0, skip);
  },

  organizations: async (_: unknown, args: Args, ctx: Context) => {
    const first = pageSize(ctx, args.first);
    const skip = skipFor(args.after);
    const kind = args.kind ? String(args.kind).toLowerCase() : null;
    const page = await organizationsPage(ctx.runner, kind, skip, first);
    return connection(page.nodes.map((p) => ctx.loaders.prime(p.node)), page.total, skip);
  },

  lineage: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
    const maxDepth = depthArgument(ctx, args.maxDepth);
    const maxNodes = bounded('maxNodes', args.maxNodes, 1, ctx.limits.maxLineageNodes);
    const view = viewAt(args.asOf);
    const loaders = ctx.loadersOf(view);
    const tree = selectionOf(info);
    const graphNodes = [...fieldsNamed(tree, 'nodes'), ...fieldsNamed(tree, 'root')].flatMap((n) => fieldsNamed(n, 'node'));
    // The root found by name, the walk, `omitted` (when asked), the attached relations: one query.
    const walk = await walkLineageByName(ctx.runner, nameKey(args.name), null, args.direction as Direction, maxDepth, {
      types: args.types?.length ? args.types : LINEAGE_TYPES,
      kinds: args.kinds?.length ? args.kinds : null,
      attach: args.attach?.length ? args.attach : null,
      counting: selects(tree, 'omitted'),
      edges: selects(tree, 'edges'),
      maxNodes,
      detail: { nodes: graphNodes.some(needsWholeNode), edges: fieldsNamed(tree, 'edges').some(needsWholeEdge) },
      view,
    });
    if (!walk) throw notFound('model', args.name);
    const nodes = [...walk.reached.values()]
      .sort((a, b) => a.depth - b.depth || a.node.name.localeCompare(b.node.name))
      .map((r) => graphNode(loaders.prime(r.node), r.depth))
      .concat(walk.attached.map((n) => graphNode(loaders.prime(n), null)));
    return {
      root: graphNode(loaders.prime(walk.root), 0),
      nodes,
      edges: [...walk.edges.values()].sort((a, b) => a.id.localeCompare(b.id)).map(graphEdge),
      omitted: walk.omitted,
      truncated: walk.truncated,
    };
  },

  path: async (_: unknown, args: Args, ctx: Context, info: GraphQLResolveInfo) => {
    const types = args.anyRelation ? null : args.types?.length ? args.types : LINEAGE_TYPES;
    const tree = selectionOf(info);
    // Both names and the search, one query.
    const found = await shortestPath(ctx.runner, { key: nameKey(args.from), labels: null }, { key: nameKey(args.to), labels: null }, types, {
      nodes: fieldsNamed(tree, 'nodes').flatMap((n) => fieldsNamed(n, 'node')).some(needsWholeNode),
      edges: fieldsNamed(tree, 'edges').some(needsWholeEdge),
    });
    if (!found.fromFound) throw notFound('node', args.from);
    if (!found.toFound) throw notFound('node', args.to);
    const path = found.path;
    if (!path) return null;
    return {
      nodes: path.nodes.map((n) => graphNode(ctx.loaders.prime(n), null)),
      edges: path.edges.map(graphEdge),
      length: path.edges.length,
    };
  },

  commonAncestors: async (_: unknown, args: Args, ctx: Context) => {
    const [a, b] = await Promise.all([
      requireByName(ctx, args.a, ['Model'], 'model'),
      requireByName(ctx, args.b, ['Model'], 'model'),
    ]);
    const shared = await commonAncestors(ctx.runner, a, b, ctx.limits.maxLineageDepth);
    return shared.filter((n) => n.label === 'Model').map((n) => ctx.loaders.prime(n));
  },

  relations: async (_: unknown, args: Args, ctx: Context) => {
    const first = pageSize(ctx, args.first);
    const skip = skipFor(args.after);
    const derivedFrom = args.derivedFrom ? String(args.derivedFrom).toLowerCase() : null;
    const page = await relationsPage(ctx.runner, args.type ?? null, derivedFrom, skip, first);
    return connection(page.edges, page.total, skip);
  },

  overview: () => ({}),
  ...historyQueries,

  export: async (_: unknown, args: Args, ctx: Context) => {
    const maxDepth = depthArgument(ctx, args.maxDepth);
    const root = args.name ? await requireByName(ctx, args.name, null, 'model') : undefined;
    return exportGraph(ctx.runner, {
      format: args.format as ExportFormat,
      root,
      direction: args.direction as Direction,
      maxDepth,
      orientation: args.orientation as Orientation,
      table: args.table as ExportTable,
    });
  },
};

export const Overview = {
  nodeCounts: async (_: unknown, _args: Args, ctx: Context) =>
    (await countsBy(ctx.runner, NODE_COUNTS)).map((c) => ({ kind: c.key.toUpperCase(), count: c.count })),
  relationCounts: async (_: unknown, _args: Args, ctx: Context) =>
    (await countsBy(ctx.runner, RELATION_COUNTS)).map((c) => ({ type: c.key, count: c.count })),
  topBaseModels: async (_: unknown, args: Args, ctx: Context) =>
    (await ranked(ctx.runner, TOP_BASE_MODELS, pageSize(ctx, args.first))).map((r) => ({
      model: ctx.loaders.prime(r.node),
      descendants: r.value,
    })),
  derivationCounts: (_: unknown, _args: Args, ctx: Context) => derivationCounts(ctx.runner),
  topContributors: async (_: unknown, args: Args, ctx: Context) =>
    (await ranked(ctx.runner, TOP_CONTRIBUTORS, pageSize(ctx, args.first))).map((r) => ({
      organization: ctx.loaders.prime(r.node),
      models: r.value,
    })),
};
