import type { Way } from '../../queries/edges.js';

/** A field that lists the nodes one hop away over one relation type. */
export interface RelationField {
  type: string;
  way: Exclude<Way, 'BOTH'>;
  /** Only nodes of this label (a model's bases are models even where a BASED_ON ends elsewhere). */
  label?: string;
  /** What the field shows of the nodes: whole nodes (its own selection decides), only names, or the nodes under `model` (links). */
  shows: 'nodes' | 'names' | 'links' | 'counts';
}

/**
 * Every field that reads one relation type one way, by GraphQL type: the resolvers are made from
 * this table (resolvers/node-fields.ts, resolvers/derivation.ts), and a query that knows the
 * selection up front reads the same hops with its own answer (selection/hops.ts).
 */
export const RELATION_FIELDS: Record<string, Record<string, RelationField>> = {
  Model: {
    contributors: { type: 'FROM_CONTRIBUTOR', way: 'OUTGOING', label: 'Organization', shows: 'nodes' },
    basedOn: { type: 'BASED_ON', way: 'OUTGOING', label: 'Model', shows: 'nodes' },
    derivatives: { type: 'BASED_ON', way: 'INCOMING', label: 'Model', shows: 'nodes' },
    baseLinks: { type: 'BASED_ON', way: 'OUTGOING', label: 'Model', shows: 'links' },
    derivativeLinks: { type: 'BASED_ON', way: 'INCOMING', label: 'Model', shows: 'links' },
    derivativeKinds: { type: 'BASED_ON', way: 'INCOMING', label: 'Model', shows: 'counts' },
    variantOf: { type: 'VARIANT_OF', way: 'OUTGOING', label: 'Model', shows: 'nodes' },
    variants: { type: 'VARIANT_OF', way: 'INCOMING', label: 'Model', shows: 'nodes' },
    datasets: { type: 'TRAINED_WITH', way: 'OUTGOING', label: 'Dataset', shows: 'nodes' },
    methods: { type: 'USES_METHOD', way: 'OUTGOING', label: 'Method', shows: 'nodes' },
    papers: { type: 'DESCRIBED_IN', way: 'OUTGOING', label: 'Paper', shows: 'nodes' },
    languages: { type: 'HAS_LANGUAGE', way: 'OUTGOING', shows: 'nodes' },
    licenses: { type: 'HAS_LICENSE', way: 'OUTGOING', shows: 'nodes' },
    domains: { type: 'IN_DOMAIN', way: 'OUTGOING', shows: 'nodes' },
    categories: { type: 'IN_CATEGORY', way: 'OUTGOING', shows: 'names' },
  },
  Organization: { models: { type: 'FROM_CONTRIBUTOR', way: 'INCOMING', label: 'Model', shows: 'nodes' } },
  Dataset: { models: { type: 'TRAINED_WITH', way: 'INCOMING', label: 'Model', shows: 'nodes' } },
  Method: { models: { type: 'USES_METHOD', way: 'INCOMING', label: 'Model', shows: 'nodes' } },
  Paper: {
    categories: { type: 'IN_CATEGORY', way: 'OUTGOING', shows: 'names' },
    describes: { type: 'DESCRIBED_IN', way: 'INCOMING', shows: 'nodes' },
  },
};

/**
 * Fields of a node that read nothing of it but its id, name and label: a node read partially
 * (queries/projections.ts) serves them. Every other field needs the whole node.
 */
export const NAME_ONLY_FIELDS = new Set([
  '__typename',
  'id',
  'name',
  'kind',
  'relations',
  'relationCounts',
  'siblings',
  'ancestors',
  'descendants',
  'descendantsConnection',
  'derivativesConnection',
  'descendantKinds',
  ...Object.values(RELATION_FIELDS).flatMap((fields) => Object.keys(fields)),
]);
