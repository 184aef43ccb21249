import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import type { Limits } from '../../config/server-config.js';

/**
 * Validation rules on the document's shape, run once per document (Apollo caches validated
 * documents): depth, aliases and directives from graphql-armor, each counting a fragment once
 * however often it is spread, and no operations but queries. graphql-js's own rules bound the
 * rest: introspection nesting (`MaxIntrospectionDepthRule`: `fields { type { fields …` past three
 * levels) and the work of comparing repeated fields (`OverlappingFieldsCanBeMergedRule` gives up
 * on a field bomb). A refusal is a GRAPHQL_VALIDATION_FAILED error (HTTP 400) whose message
 * states the limit.
 */
export function documentRules(limits: Limits): ValidationRule[] {
  return [
    maxDepthRule({
      n: limits.maxQueryDepth,
      // Fragments are groupings, not levels; `__schema` is bounded by graphql-js's MaxIntrospectionDepthRule.
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [report('depth')],
    }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: [report('aliases')] }),
    maxDirectivesRule({ n: limits.maxDirectives, propagateOnRejection: false, onReject: [report('directives')] }),
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
