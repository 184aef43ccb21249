import { GraphQLError } from 'graphql';

/** A name or id that matches nothing; the message names the input. */
export function notFound(what: string, input: string): GraphQLError {
  return new GraphQLError(`No ${what} named ${JSON.stringify(input)}. Try search(query: ${JSON.stringify(input)}).`, {
    extensions: { code: 'NOT_FOUND', input },
  });
}

/** A request outside the API's limits or contract; HTTP 400. */
export function badInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), http: { status: 400 } },
  });
}
