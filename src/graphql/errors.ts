import { GraphQLError } from 'graphql';

/** A name or id that matches nothing; the message names the input. */
export function notFound(what: string, input: string): GraphQLError {
  return new GraphQLError(`No ${what} named ${JSON.stringify(input)}. Try search(query: ${JSON.stringify(input)}).`, {
    extensions: { code: 'NOT_FOUND', input },
  });
}

/** An argument outside the API's limits or contract. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}) } });
}

/**
 * A whole request refused before execution (too deep, too costly): no data at all, so HTTP 400
 * as the GraphQL-over-HTTP spec asks of request errors.
 */
export function refusedRequest(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}
