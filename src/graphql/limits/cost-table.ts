/**
 * What each field costs, as data: the work it causes (Cypher round trips and what they read)
 * and how many items a list of it holds. `cost.ts` reads this table; nothing else does.
 *
 * A field costs `work + items × (1 + cost of its selection)`, where `items` is 1 for a single
 * value. Fields not listed cost nothing beyond that: a leaf 1, a single object 1 plus its
 * selection, a list FANOUT items. Relation lists are batched by DataLoader (one query per level
 * for all parents), so they carry no work of their own; walks, searches and exports do.
 */

/** One Cypher round trip. */
export const QUERY = 10;
/** Average relatives of a node over one relation, as the lists go: most have one or two, LLaMA 74. */
export const FANOUT = 5;
/** Bases per model: a model rarely has more than two. */
export const ANCESTOR_FANOUT = 2;
/** Nodes a walk or a graph list is assumed to reach at most. */
export const REACH_CAP = 1000;
/** Reading and serialising the whole graph (`export` without `name`): two fit the default budget, three do not. */
export const WHOLE_GRAPH = 20_000;
/** Serialising one node or edge of an export. */
export const EXPORT_ITEM = 5;
/** An unconstrained shortest-path search over every relation may touch the whole graph. */
export const OPEN_PATH_SEARCH = 2_000;
/** A shortest-path search over lineage relations only. */
export const LINEAGE_PATH_SEARCH = 200;
/** Longest path returned (`path` searches up to 10 hops): nodes in it. */
export const PATH_NODES = 11;
/** Derivation kinds a count by kind lists at most (`DerivationKind`). */
export const DERIVATION_KIND_COUNT = 9;
/** Relation types (`RelationType`). */
export const RELATION_TYPES = 14;
/** Kinds or methods of one derivation: one, sometimes two. */
export const KINDS_PER_DERIVATION = 2;

export interface CostArgs {
  /** An argument's value (literal, variable or schema default); `first` and `maxDepth` clamped to the API's bounds. */
  value(name: string): unknown;
  /** The largest lineage `maxDepth` the server allows. */
  maxLineageDepth: number;
}

export interface FieldCost {
  /** Work of resolving the field once for one parent. */
  work?: (args: CostArgs) => number;
  /** Items of a list field; `scope` is what the enclosing field handed down (a page size, a walk's reach). */
  items?: (args: CostArgs, scope: number) => number;
  /** Handed down to the lists inside this field's selection (connection pages, lineage graphs). */
  scope?: (args: CostArgs) => number;
}

// A walk is one query (src/queries/lineage.ts) whose work grows with every hop it takes, one more to count `omitted`.
const levels = (depth: number) => depth + 1;

function reach(fanout: number, depth: number): number {
  return Math.min(REACH_CAP, fanout ** depth);
}

const int = (a: CostArgs, name: string, fallback: number) => {
  const v = a.value(name);
  return typeof v === 'number' ? v : fallback;
};
const count = (a: CostArgs, name: string) => {
  const v = a.value(name);
  return Array.isArray(v) ? v.length : 0;
};
const depthOf = (a: CostArgs) => int(a, 'maxDepth', 3);
const ways = (a: CostArgs) => ((a.value('direction') ?? 'BOTH') === 'BOTH' ? 2 : 1);

/** The name lookup, the level queries of each way, and the attach query. */
function walkWork(a: CostArgs): number {
  return QUERY * (1 + levels(depthOf(a)) * ways(a) + (count(a, 'attach') ? 1 : 0));
}

function lineageReach(a: CostArgs): number {
  // Relations other than lineage (IN_CATEGORY, HAS_LANGUAGE…) fan out to hundreds at once.
  const walked = count(a, 'types') ? REACH_CAP : ways(a) * reach(FANOUT, depthOf(a));
  return Math.min(REACH_CAP, walked * (1 + count(a, 'attach')));
}

const page = (a: CostArgs) => int(a, 'first', 20);
const scoped = (_args: CostArgs, scope: number) => scope;
const lookup: FieldCost = { work: () => QUERY };
const connection: FieldCost = { work: () => 2 * QUERY, scope: page };
const pageList: FieldCost = { items: scoped };

/** Keyed by `Type.field`; `*.field` applies to every type without an entry of its own. */
export const FIELD_COSTS: Record<string, FieldCost> = {
  'Query.model': lookup,
  'Query.organization': lookup,
  'Query.dataset': lookup,
  'Query.method': lookup,
  'Query.paper': lookup,
  // By id through the node DataLoader: many `node` fields (the explorer sends one per model) are one query.
  'Query.node': { work: () => 1 },
  'Query.search': { work: () => QUERY, items: (a) => int(a, 'first', 10) },
  'Query.models': connection,
  'Query.organizations': connection,
  'Query.relations': connection,
  'ModelConnection.nodes': pageList,
  'ModelConnection.edges': pageList,
  'OrganizationConnection.nodes': pageList,
  'OrganizationConnection.edges': pageList,
  'RelationConnection.nodes': pageList,
  'RelationConnection.edges': pageList,
  'Query.lineage': { work: (a) => walkWork(a), scope: lineageReach },
  'LineageGraph.nodes': pageList,
  'LineageGraph.edges': pageList,
  'Query.path': {
    // Three searches (both directions, then undirected), plus the two name lookups.
    work: (a) => 2 * QUERY + 3 * (a.value('anyRelation') === true || count(a, 'types') ? OPEN_PATH_SEARCH : LINEAGE_PATH_SEARCH),
    scope: () => PATH_NODES,
  },
  'Path.nodes': pageList,
  'Path.edges': pageList,
  'Query.commonAncestors': {
    // Two ancestor walks to the lineage depth cap.
    work: (a) => 2 * QUERY * (1 + levels(a.maxLineageDepth)),
    items: (a) => reach(ANCESTOR_FANOUT, Math.min(a.maxLineageDepth, 5)),
  },
  'Query.export': {
    work: (a) => (typeof a.value('name') === 'string' ? walkWork(a) + EXPORT_ITEM * 2 * lineageReach(a) : WHOLE_GRAPH),
  },
  // Not batched: every parent model runs its own walk.
  'Model.ancestors': { work: (a) => QUERY * levels(depthOf(a)), items: (a) => reach(ANCESTOR_FANOUT, depthOf(a)) },
  'Model.descendants': { work: (a) => QUERY * levels(depthOf(a)), items: (a) => reach(FANOUT, depthOf(a)) },
  // A hub's pages: one query per parent each, reading one page of nodes whatever the hub's size.
  'Model.derivativesConnection': { work: () => QUERY, scope: page },
  'Model.descendantsConnection': { work: (a) => QUERY * levels(depthOf(a)), scope: page },
  'LineageStepConnection.nodes': pageList,
  'LineageStepConnection.edges': pageList,
  // Batched like the relation lists; a count per relation type each way.
  'Model.relationCounts': { work: () => 1, items: () => 2 * RELATION_TYPES },
  'Model.siblings': { work: () => 2, items: () => FANOUT * FANOUT },
  // baseLinks and derivativeLinks are the basedOn and derivatives lists (batched, FANOUT items) with
  // their relations; derivativeKinds counts that same list, descendantKinds walks the family.
  'Model.derivativeKinds': { items: () => DERIVATION_KIND_COUNT },
  'Model.descendantKinds': { work: () => 2 * QUERY, items: () => DERIVATION_KIND_COUNT },
  'Derivation.kinds': { items: () => KINDS_PER_DERIVATION },
  'Derivation.methods': { items: () => KINDS_PER_DERIVATION },
  // Batched like the relation lists; a node has a few relations of each type, some twenty in all.
  '*.relations': { work: () => 1, items: (a) => (count(a, 'types') ? FANOUT * Math.min(count(a, 'types'), 4) : 4 * FANOUT) },
  'Overview.nodeCounts': { work: () => 5 * QUERY, items: () => 12 },
  'Overview.relationCounts': { work: () => 5 * QUERY, items: () => 15 },
  'Overview.derivationCounts': { work: () => 5 * QUERY, items: () => DERIVATION_KIND_COUNT },
  // Counts every model's descendants over ten hops: one heavy query.
  'Overview.topBaseModels': { work: () => 50 * QUERY, items: (a) => int(a, 'first', 10) },
  'Overview.topContributors': { work: () => 5 * QUERY, items: (a) => int(a, 'first', 10) },
};
