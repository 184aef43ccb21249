import type { GraphQLFormattedError } from 'graphql';
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
 * A whole request refused before execution (too costly): no data at all, so HTTP 400 as the
 * GraphQL-over-HTTP spec asks of request errors. The same code as the document limits that
 * validation enforces (depth, aliases, directives), with `limit` saying which.
 */
export function refusedRequest(message: string, limit: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status: 400 } } });
}

/** Codes whose messages are ours or Apollo's and safe to show as they are. */
/** graphql-js messages that say too little, by message. */
const PLAINER: Record<string, string> = {
  'Validation aborted.':
    'The document is too complex to validate (too many fields to compare with each other); send fewer repeated or aliased fields.',
};

const PLAIN_CODES = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'RESPONSE_TOO_LARGE',
]);

/** Apollo's request errors that come without a code, by message. */
const REQUEST_ERRORS: Record<string, string> = {
  'provided sha does not match query': "The persisted query's sha256Hash is not the hash of the query sent with it.",
  'Unsupported persisted query version': 'Only version 1 of automatic persisted queries is supported.',
};

/**
 * Every error a client sees has a code and a plain message. Anything unexpected (a bug, a
 * database message we did not classify) is logged in full here and shown as
 * "Internal server error", so no driver, Neo4j or Lucene text and no stack trace leaves the
 * server unless `debug` asks for them.
 */
export function errorFormatter(debug: boolean, log: (message: string) => void = (m) => console.error(`[llm-lineage] ${m}`)) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
    if (PLAIN_CODES.has(code)) return PLAINER[formatted.message] ? { ...formatted, message: PLAINER[formatted.message] } : formatted;
    const plain = REQUEST_ERRORS[formatted.message];
    if (plain) return { ...formatted, message: plain, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    log(`internal error${formatted.path ? ` at ${formatted.path.join('.')}` : ''}: ${describeError(original)}`);
    if (debug) return formatted;
    return {
      message: 'Internal server error',
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}

function describeError(error: unknown): string {
  if (error instanceof Error) return (error.stack ?? `${error.name}: ${error.message}`).split('\n').slice(0, 4).join(' | ');
  return String(error);
}
