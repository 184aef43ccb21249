import {
  Kind,
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  isObjectType,
  isInterfaceType,
  type FieldNode,
} from 'graphql';
import { FANOUT, FIELD_COSTS, type CostArgs } from './cost-table.js';

export interface CostBounds {
  maxLineageDepth: number;
  maxPageSize: number;
}

/**
 * Estimated cost of an operation by the table in cost-table.ts, from its syntax, the schema and
 * the request's variables, before anything runs. Linear in the document: each fragment is
 * measured once (its cost does not depend on where it is spread) and reused for every spread,
 * so a fragment bomb (`F1 { ...F0 ...F0 }` up to F26) costs what it would return without being
 * expanded. Introspection (`__schema`, `__type`) is bounded by its own rule and costs nothing here.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  bounds: CostBounds,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const fragmentCost = new Map<string, number>();
  const measuring = new Set<string>();

  function args(field: GraphQLField<unknown, unknown>, node: FieldNode): CostArgs {
    return {
      maxLineageDepth: bounds.maxLineageDepth,
      value(name) {
        const def = field.args.find((a) => a.name === name);
        if (!def) return undefined;
        return clamp(name, argumentValue(def, node, variables), bounds);
      },
    };
  }

  function selectionCost(set: SelectionSetNode, parent: GraphQLCompositeType, scope: number): number {
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = fieldOf(parent, selection.name.value);
        if (!field) continue; // validation reports unknown fields
        const rule = FIELD_COSTS[`${parent.name}.${field.name}`] ?? FIELD_COSTS[`*.${field.name}`] ?? {};
        const a = args(field, selection);
        const childType = getNamedType(field.type);
        const isList = isListType(getNullableType(field.type));
        const items = rule.items ? rule.items(a, scope) : isList ? FANOUT : 1;
        const child =
          selection.selectionSet && isCompositeType(childType)
            ? selectionCost(selection.selectionSet, childType, rule.scope ? rule.scope(a) : scope)
            : 0;
        cost += (rule.work?.(a) ?? 0) + items * (1 + child);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (type && isCompositeType(type)) cost += selectionCost(selection.selectionSet, type, scope);
      } else {
        cost += spreadCost(selection.name.value, scope);
      }
    }
    return cost;
  }

  function spreadCost(name: string, scope: number): number {
    // A fragment under a page or a walk depends on the scope handed down; key the memo by it.
    const key = `${name}\0${scope}`;
    const known = fragmentCost.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || measuring.has(name)) return 0; // unknown or cyclic: validation reports both
    const type = schema.getType(fragment.typeCondition.name.value);
    if (!type || !isCompositeType(type)) return 0;
    measuring.add(name);
    const cost = selectionCost(fragment.selectionSet, type, scope);
    measuring.delete(name);
    fragmentCost.set(key, cost);
    return cost;
  }

  const root = operation.operation === 'query' ? schema.getQueryType() : null;
  return root ? selectionCost(operation.selectionSet, root, 1) : 0;
}

function fieldOf(parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  return isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
}

function argumentValue(def: GraphQLArgument, node: FieldNode, variables: Record<string, unknown>): unknown {
  const given = node.arguments?.find((a) => a.name.value === def.name);
  if (!given) return def.defaultValue;
  if (given.value.kind === Kind.VARIABLE) {
    const name = given.value.name.value;
    return name in variables ? variables[name] : def.defaultValue;
  }
  // Literals only (no variables inside lists here); an unreadable value costs as the default.
  return valueFromAST(given.value, def.type, {}) ?? def.defaultValue;
}

function clamp(name: string, value: unknown, bounds: CostBounds): unknown {
  if (typeof value !== 'number' || !Number.isFinite(value)) return value;
  // Out-of-range values are refused by the resolvers with a message naming the bound.
  if (name === 'first') return Math.min(Math.max(1, Math.trunc(value)), bounds.maxPageSize);
  if (name === 'maxDepth') return Math.min(Math.max(1, Math.trunc(value)), bounds.maxLineageDepth);
  return value;
}
