import type { ApolloServerPlugin } from '@apollo/server';
import type { Limits } from '../../config/server-config.js';
import { refusedRequest } from '../errors.js';
import { operationCost } from './cost.js';

/**
 * Refuses, before execution, an operation whose estimated cost (cost-table.ts) is over
 * `maxQueryCost`. It runs per request rather than as a validation rule because the cost depends
 * on the variables (`first: $n`), and Apollo validates a document once and caches it.
 */
export function limitsPlugin(limits: Limits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, schema }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {}, {
            maxLineageDepth: limits.maxLineageDepth,
            maxPageSize: limits.maxPageSize,
          });
          if (cost > limits.maxQueryCost) {
            throw refusedRequest(
              `Estimated query cost ${Math.round(cost)} exceeds the budget of ${limits.maxQueryCost}; ` +
                'ask for fewer items (first), a smaller maxDepth, fewer nested lists or fewer expensive fields (lineage, path, export).',
              'cost',
            );
          }
        },
      };
    },
  };
}
