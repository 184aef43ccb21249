import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, Kind, type ASTVisitor, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';
import type { Limits } from '../../config/server-config.js';

/**
 * Validation rules on the document's shape, run once per document (Apollo caches validated
 * documents): depth, aliases and directives from graphql-armor, each counting a fragment once
 * however often it is spread; a bound on introspection nesting; and no operations but queries.
 * A refusal is a GRAPHQL_VALIDATION_FAILED error (HTTP 400) whose message states the limit.
 */
export function documentRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxQueryDepth,
      // Fragments are groupings, not levels; `__schema` is bounded by the introspection rule below.
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report('depth')],
    }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [report('aliases')] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [report('directives')] }),
    introspectionNestingRule,
    queriesOnlyRule,
  ];
}

/** graphql-armor's messages start with "Syntax Error: "; ours say only what was exceeded. */
function report(limit: string): GraphQLArmorRejectCallback {
  return (context, error) => {
    const message = error.message.replace(/^Syntax Error: /, '');
    context?.reportError(new GraphQLError(message, { extensions: { limit } }));
  };
}

/**
 * Introspection lists that fan out: a path through more than MAX_INTROSPECTION_LISTS of them
 * (`types { fields { type { fields { type { fields … } } } } }`) multiplies the answer by the
 * schema's size at every step. The standard introspection query of graphql-js (what GraphiQL,
 * Altair, Postman and codegen send) goes through three: `types → fields → args`.
 */
const INTROSPECTION_LISTS = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);
const MAX_INTROSPECTION_LISTS = 3;

const introspectionNestingRule: ValidationRule = (context: ValidationContext): ASTVisitor => {
  const memo = new Map<string, number>();
  const measuring = new Set<string>();

  // Deepest chain of fan-out lists below a selection set; fragments measured once.
  function lists(set: SelectionSetNode): number {
    let deepest = 0;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD) {
        if (!s.selectionSet) continue;
        deepest = Math.max(deepest, (INTROSPECTION_LISTS.has(s.name.value) ? 1 : 0) + lists(s.selectionSet));
      } else if (s.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, lists(s.selectionSet));
      } else {
        const name = s.name.value;
        let known = memo.get(name);
        if (known === undefined) {
          const fragment = context.getFragment(name);
          if (!fragment || measuring.has(name)) continue;
          measuring.add(name);
          known = lists(fragment.selectionSet);
          measuring.delete(name);
          memo.set(name, known);
        }
        deepest = Math.max(deepest, known);
      }
    }
    return deepest;
  }

  return {
    Field(node) {
      if ((node.name.value !== '__schema' && node.name.value !== '__type') || !node.selectionSet) return false;
      const found = lists(node.selectionSet);
      if (found > MAX_INTROSPECTION_LISTS) {
        context.reportError(
          new GraphQLError(
            `Introspection nests ${found} lists (types, fields, args …) where ${MAX_INTROSPECTION_LISTS} are allowed; the standard introspection query needs no more.`,
            { nodes: [node], extensions: { limit: 'introspection' } },
          ),
        );
      }
      return false; // nothing below introspection needs visiting again
    },
  };
};

/** The API is read-only: a mutation or subscription is refused as invalid, not failed at run time. */
const queriesOnlyRule: ValidationRule = (context: ValidationContext): ASTVisitor => ({
  OperationDefinition(node) {
    if (node.operation === 'query') return;
    context.reportError(
      new GraphQLError(`This API is read-only: it has no ${node.operation}s. Send a query.`, {
        nodes: [node],
        extensions: { limit: 'read-only' },
      }),
    );
  },
});
