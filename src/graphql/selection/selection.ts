import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import type { Detail } from '../../queries/projections.js';
import { NAME_ONLY_FIELDS } from './relation-fields.js';

/**
 * What a field's selection asks for, read from the resolve info (fragments, aliases, @skip and
 * @include applied by graphql-parse-resolve-info), so that one query reads what it needs and no
 * more. Only ever an optimisation: a partial record still answers every field (resolvers read
 * the whole node when a field needs it).
 */

/** The selection of the field being resolved (null for a leaf). */
export function selectionOf(info: GraphQLResolveInfo): ResolveTree | null {
  const tree = parseResolveInfo(info) as ResolveTree | null | undefined;
  return tree && 'fieldsByTypeName' in tree ? tree : null;
}

/** The fields selected inside `tree`, on whatever type (fragments on several types are all taken). */
export function fieldsIn(tree: ResolveTree | null | undefined): ResolveTree[] {
  if (!tree) return [];
  return Object.values(tree.fieldsByTypeName).flatMap((byAlias) => Object.values(byAlias));
}

/** The selections of the fields named `name` inside `tree` (several when aliased). */
export function fieldsNamed(tree: ResolveTree | null | undefined, name: string): ResolveTree[] {
  return fieldsIn(tree).filter((f) => f.name === name);
}

export function selects(tree: ResolveTree | null | undefined, name: string): boolean {
  return fieldsNamed(tree, name).length > 0;
}

/** Whether the nodes `tree` selects fields of need more than their id, name and label. */
export function needsWholeNode(tree: ResolveTree | null | undefined): boolean {
  return fieldsIn(tree).some((f) => !NAME_ONLY_FIELDS.has(f.name));
}

/** Whether graph edges or relations selected in `tree` show provenance or a derivation. */
export function needsWholeEdge(tree: ResolveTree | null | undefined): boolean {
  return fieldsIn(tree).some((f) => ['sources', 'derivation', 'firstSeen', 'lastSeen'].includes(f.name));
}

/** The detail a list of nodes reads for the field being resolved, remembered per field of the request. */
const memo = new WeakMap<object, WeakMap<object, Detail>>();

export function detailFor(info: GraphQLResolveInfo, read: (tree: ResolveTree | null) => Detail): Detail {
  let byField = memo.get(info.variableValues);
  if (!byField) memo.set(info.variableValues, (byField = new WeakMap()));
  const key = info.fieldNodes;
  let detail = byField.get(key);
  if (!detail) byField.set(key, (detail = read(selectionOf(info))));
  return detail;
}
