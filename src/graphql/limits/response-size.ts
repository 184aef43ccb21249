import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type FormattedExecutionResult } from 'graphql';

/**
 * A cap on the serialised size of a response. The cost budget keeps most answers small; this
 * catches what an estimate cannot (a graph bigger than assumed). The answer is serialised once:
 * the plugin measures it and hands the same string to Apollo's `stringifyResult`.
 */
export function responseSizeLimit(maxBytes: number): {
  plugin: ApolloServerPlugin;
  stringifyResult: (value: FormattedExecutionResult) => string;
} {
  const serialised = new WeakMap<object, string>();
  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (!result.data) return;
          // An answer served again from the response cache was measured when it was first sent.
          if (serialised.has(result.data) && !result.errors && !result.extensions) return;
          const text = JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions });
          const bytes = Buffer.byteLength(text);
          if (bytes <= maxBytes) {
            serialised.set(result.data, text);
            return;
          }
          const error = new GraphQLError(
            `The answer would be ${megabytes(bytes)}, over the limit of ${megabytes(maxBytes)}; ask for less (first, maxDepth, fewer fields or aliases).`,
            { extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'response-size' } },
          );
          response.body.singleResult = { data: null, errors: [error.toJSON()] };
          response.http.status = 400;
        },
      };
    },
  };
  const stringifyResult = (value: FormattedExecutionResult) => {
    const known = value.data && serialised.get(value.data);
    return known ?? JSON.stringify(value);
  };
  return { plugin, stringifyResult };
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
