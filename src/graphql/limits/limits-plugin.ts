import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode } from 'graphql';
import type { Limits } from '../../config/server-config.js';
import { refusedRequest } from '../errors.js';
import { operationShape } from './operation-shape.js';

/**
 * Refuses, before execution, operations nested deeper than `maxQueryDepth` or estimated to cost
 * more than `maxQueryCost`, with a BAD_USER_INPUT error that states the limit.
 */
export function limitsPlugin(limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const shape = operationShape(operation, fragments, request.variables ?? {});
          if (shape.depth > limits.maxQueryDepth) {
            throw refusedRequest(`Query depth ${shape.depth} exceeds the limit of ${limits.maxQueryDepth}.`);
          }
          if (shape.cost > limits.maxQueryCost) {
            throw refusedRequest(
              `Estimated query cost ${shape.cost} exceeds the budget of ${limits.maxQueryCost}; ask for fewer items (first) or fewer nested lists.`,
            );
          }
        },
      };
    },
  };
}
