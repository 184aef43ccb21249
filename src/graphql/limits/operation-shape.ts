import {
  Kind,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Depth and estimated cost of an operation, computed from its syntax alone (fragments
 * expanded), so that both are known before any resolver runs.
 */
export interface OperationShape {
  depth: number;
  cost: number;
}

/** A list field returns `first` items when it says so, else this many are assumed. */
const ASSUMED_LIST_SIZE = 10;
/** Fields whose result size follows `first`; the others count as single values. */
const LIST_FIELDS = new Set([
  'search', 'models', 'organizations', 'relations', 'edges', 'nodes', 'contributors', 'basedOn',
  'derivatives', 'variantOf', 'variants', 'ancestors', 'descendants', 'siblings', 'datasets', 'methods',
  'papers', 'describes', 'commonAncestors', 'topBaseModels', 'topContributors', 'sources',
  'nodeCounts', 'relationCounts',
]);

function intArgument(value: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!value) return undefined;
  if (value.kind === Kind.INT) return Number(value.value);
  if (value.kind === Kind.VARIABLE) {
    const v = variables[value.name.value];
    return typeof v === 'number' ? v : undefined;
  }
  return undefined;
}

export function operationShape(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): OperationShape {
  const visiting = new Set<string>();

  function walk(set: SelectionSetNode, depth: number): OperationShape {
    let deepest = depth;
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        // Introspection (`__schema`, `__type`) is bounded by the schema itself, and the
        // playgrounds' introspection queries nest `ofType` deeper than any data query may.
        if (selection.selectionSet && selection.name.value.startsWith('__')) continue;
        if (!selection.selectionSet) {
          cost += selection.name.value.startsWith('__') ? 0 : 1;
          continue;
        }
        const child = walk(selection.selectionSet, depth + 1);
        deepest = Math.max(deepest, child.depth);
        const first = intArgument(selection.arguments?.find((a) => a.name.value === 'first')?.value, variables);
        const size = LIST_FIELDS.has(selection.name.value) ? Math.max(1, first ?? ASSUMED_LIST_SIZE) : 1;
        cost += 1 + size * child.cost;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const child = walk(selection.selectionSet, depth);
        deepest = Math.max(deepest, child.depth);
        cost += child.cost;
      } else {
        const name = selection.name.value;
        const fragment = fragments[name];
        // Validation rejects fragment cycles; this only keeps a bad document from looping here.
        if (!fragment || visiting.has(name)) continue;
        visiting.add(name);
        const child = walk(fragment.selectionSet, depth);
        visiting.delete(name);
        deepest = Math.max(deepest, child.depth);
        cost += child.cost;
      }
    }
    return { depth: deepest, cost };
  }

  return walk(operation.selectionSet, 0);
}
