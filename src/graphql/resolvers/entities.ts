import type { EdgeRecord, NodeRecord } from '../../records/node-record.js';
import { steps, walkLineage } from '../../lineage/walk.js';
import type { Context } from '../context.js';
import { derivationFields } from './derivation.js';
import { depthArgument } from './lookup.js';
import { mainFeature, nodeFields, related, relatedNames, url } from './node-fields.js';
import { firstSeen, lastSeen } from './seen.js';
import { source } from './views.js';

async function lineageSteps(n: NodeRecord, maxDepth: number, ctx: Context, direction: 'ANCESTORS' | 'DESCENDANTS') {
  const walk = await walkLineage(ctx.runner, n, direction, depthArgument(ctx, maxDepth));
  return steps(walk).map((s) => ({ model: ctx.loadersOf(n.view).prime(s.node), depth: s.depth }));
}

/** A stored list of numbers (Neo4j floats or integers), as plain numbers. */
function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map((v) => Number(v)).filter((v) => Number.isFinite(v)) : [];
}

export const Model = {
  ...nodeFields,
  url,
  mainFeature,
  contributors: related('FROM_CONTRIBUTOR', 'OUTGOING', 'Organization'),
  ...derivationFields,
  variantOf: related('VARIANT_OF', 'OUTGOING', 'Model'),
  variants: related('VARIANT_OF', 'INCOMING', 'Model'),
  datasets: related('TRAINED_WITH', 'OUTGOING', 'Dataset'),
  methods: related('USES_METHOD', 'OUTGOING', 'Method'),
  papers: related('DESCRIBED_IN', 'OUTGOING', 'Paper'),
  languages: related('HAS_LANGUAGE', 'OUTGOING'),
  licenses: related('HAS_LICENSE', 'OUTGOING'),
  domains: related('IN_DOMAIN', 'OUTGOING'),
  categories: relatedNames('IN_CATEGORY'),
  releaseDate: (n: NodeRecord) => (typeof n.props.releaseDate === 'string' ? n.props.releaseDate : null),
  parameters: (n: NodeRecord) => numbers(n.props.parameters),
  contextLength: (n: NodeRecord) => numbers(n.props.contextLength).map(Math.round),
  publisher: (n: NodeRecord) => (typeof n.props.publisher === 'string' ? n.props.publisher : null),
  architecture: (n: NodeRecord) => (Array.isArray(n.props.architecture) ? n.props.architecture.map(String) : []),
  ancestors: (n: NodeRecord, args: { maxDepth: number }, ctx: Context) =>
    lineageSteps(n, args.maxDepth, ctx, 'ANCESTORS'),
  descendants: (n: NodeRecord, args: { maxDepth: number }, ctx: Context) =>
    lineageSteps(n, args.maxDepth, ctx, 'DESCENDANTS'),
  siblings: async (n: NodeRecord, _args: unknown, ctx: Context) => {
    const loaders = ctx.loadersOf(n.view);
    const bases = await loaders.related(n.id, 'OUTGOING', 'BASED_ON');
    const children = await Promise.all(bases.map((b) => loaders.related(b.id, 'INCOMING', 'BASED_ON', 'Model')));
    const unique = new Map(children.flat().filter((c) => c.id !== n.id).map((c) => [c.id, c]));
    return [...unique.values()].sort((a, b) => a.name.localeCompare(b.name));
  },
};

export const Organization = {
  ...nodeFields,
  url,
  organizationKind: (n: NodeRecord) => (n.props.kind === 'account' ? 'ACCOUNT' : 'INSTITUTION'),
  models: related('FROM_CONTRIBUTOR', 'INCOMING', 'Model'),
};

export const Dataset = { ...nodeFields, url, mainFeature, models: related('TRAINED_WITH', 'INCOMING', 'Model') };

export const Method = { ...nodeFields, url, mainFeature, models: related('USES_METHOD', 'INCOMING', 'Model') };

export const Paper = {
  ...nodeFields,
  url,
  arxivId: (n: NodeRecord) => (typeof n.props.arxivId === 'string' ? n.props.arxivId : null),
  categories: relatedNames('IN_CATEGORY'),
  describes: related('DESCRIBED_IN', 'INCOMING'),
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
