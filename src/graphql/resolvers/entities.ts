import type { GraphQLResolveInfo } from 'graphql';
import type { EdgeRecord, NodeRecord } from '../../records/node-record.js';
import { steps, walkLineage } from '../../lineage/walk.js';
import type { Context } from '../context.js';
import { RELATION_FIELDS } from '../selection/relation-fields.js';
import { detailFor, fieldsNamed, needsWholeNode } from '../selection/selection.js';
import { derivationFields } from './derivation.js';
import { depthArgument } from './lookup.js';
import { fromProps, mainFeature, nodeFields, related, url } from './node-fields.js';
import { firstSeen, lastSeen } from './seen.js';
import { source } from './views.js';

async function lineageSteps(n: NodeRecord, maxDepth: number, ctx: Context, info: GraphQLResolveInfo, direction: 'ANCESTORS' | 'DESCENDANTS') {
  const detail = detailFor(info, (tree) => ({ nodes: fieldsNamed(tree, 'model').some(needsWholeNode), edges: false }));
  const walk = await walkLineage(ctx.runner, n, direction, depthArgument(ctx, maxDepth), undefined, null, { counting: false, detail });
  return steps(walk).map((s) => ({ model: ctx.loadersOf(n.view).prime(s.node), depth: s.depth }));
}

/** A stored list of numbers (Neo4j floats or integers), as plain numbers. */
function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map((v) => Number(v)).filter((v) => Number.isFinite(v)) : [];
}

/** The resolvers of the relation fields of a type, from the table. */
function relationFields(typeName: string) {
  return Object.fromEntries(Object.entries(RELATION_FIELDS[typeName]).map(([name, field]) => [name, related(field)]));
}

const { basedOn: _basedOn, derivatives: _derivatives, baseLinks: _baseLinks, derivativeLinks: _links, derivativeKinds: _kinds, ...modelRelations } =
  relationFields('Model');

export const Model = {
  ...nodeFields,
  url,
  mainFeature,
  ...modelRelations,
  ...derivationFields,
  releaseDate: fromProps((n) => (typeof n.props.releaseDate === 'string' ? n.props.releaseDate : null)),
  parameters: fromProps((n) => numbers(n.props.parameters)),
  contextLength: fromProps((n) => numbers(n.props.contextLength).map(Math.round)),
  publisher: fromProps((n) => (typeof n.props.publisher === 'string' ? n.props.publisher : null)),
  architecture: fromProps((n) => (Array.isArray(n.props.architecture) ? n.props.architecture.map(String) : [])),
  ancestors: (n: NodeRecord, args: { maxDepth: number }, ctx: Context, info: GraphQLResolveInfo) =>
    lineageSteps(n, args.maxDepth, ctx, info, 'ANCESTORS'),
  descendants: (n: NodeRecord, args: { maxDepth: number }, ctx: Context, info: GraphQLResolveInfo) =>
    lineageSteps(n, args.maxDepth, ctx, info, 'DESCENDANTS'),
  siblings: async (n: NodeRecord, _args: unknown, ctx: Context, info: GraphQLResolveInfo) => {
    const lean = { nodes: false, edges: false };
    const detail = detailFor(info, (tree) => ({ nodes: needsWholeNode(tree), edges: false }));
    const loaders = ctx.loadersOf(n.view);
    const bases = await loaders.related(n.id, 'OUTGOING', 'BASED_ON', undefined, lean);
    const children = await Promise.all(bases.map((b) => loaders.related(b.id, 'INCOMING', 'BASED_ON', 'Model', detail)));
    const unique = new Map(children.flat().filter((c) => c.id !== n.id).map((c) => [c.id, c]));
    return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
  },
};

export const Organization = {
  ...nodeFields,
  url,
  organizationKind: fromProps((n) => (n.props.kind === 'account' ? 'ACCOUNT' : 'INSTITUTION')),
  ...relationFields('Organization'),
};

export const Dataset = { ...nodeFields, url, mainFeature, ...relationFields('Dataset') };

export const Method = { ...nodeFields, url, mainFeature, ...relationFields('Method') };

export const Paper = {
  ...nodeFields,
  url,
  arxivId: fromProps((n) => (typeof n.props.arxivId === 'string' ? n.props.arxivId : null)),
  ...relationFields('Paper'),
};

export const Entity = { ...nodeFields, url, mainFeature };

const TYPE_OF_LABEL: Record<string, string> = {
  Model: 'Model',
  Organization: 'Organization',
  Dataset: 'Dataset',
  Method: 'Method',
  Paper: 'Paper',
};

export const Node = {
  __resolveType: (n: NodeRecord) => TYPE_OF_LABEL[n.label] ?? 'Entity',
};

export const Relation = {
  derivedFrom: (e: { derivedFrom: string }) => e.derivedFrom.toUpperCase(),
  sources: (e: EdgeRecord) => e.provenance.map(source),
  firstSeen,
  lastSeen,
  source: (e: EdgeRecord, _args: unknown, ctx: Context) => ctx.loadersOf(e.view).node.load(e.source),
  target: (e: EdgeRecord, _args: unknown, ctx: Context) => ctx.loadersOf(e.view).node.load(e.target),
};
