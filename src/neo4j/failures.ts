/**
 * Database failures as clients should see them: a code, an HTTP status and a plain message,
 * never the driver's or Neo4j's text (which can name hosts, ports, pool state or Lucene syntax).
 * graphql-js copies `extensions` of an error thrown in a resolver onto the GraphQL error, and
 * Apollo takes the HTTP status and headers from there.
 */
import { Neo4jError } from 'neo4j-driver';

/** Seconds a client should wait before retrying when the database is away. */
export const RETRY_AFTER_SECONDS = 5;

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  readonly extensions = {
    code: 'SERVICE_UNAVAILABLE',
    http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
  };
  constructor(message = 'The database is not answering right now; try again in a few seconds.', options?: ErrorOptions) {
    super(message, options);
  }
}

export class DatabaseTimeoutError extends Error {
  override name = 'DatabaseTimeoutError';
  readonly extensions = { code: 'TIMEOUT', http: { status: 504 } };
  constructor(timeoutMs: number, options?: ErrorOptions) {
    const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
    super(`The query ran past its timeout of ${limit} and was stopped; ask for less (a smaller maxDepth or first, fewer expensive fields).`, options);
  }
}

/** Neo4j codes of a query stopped for running too long. */
const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.TransactionTimedOut',
]);

/**
 * A driver or server error that means "the database cannot serve now" becomes
 * DatabaseUnavailableError, a timeout DatabaseTimeoutError; anything else (a bug of ours, say)
 * is returned as it is, to be logged and masked as an internal error.
 */
export function classifyDatabaseError(error: unknown, timeoutMs: number): unknown {
  if (error instanceof DatabaseUnavailableError || error instanceof DatabaseTimeoutError) return error;
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code ?? '';
  if (TIMEOUT_CODES.has(code)) return new DatabaseTimeoutError(timeoutMs, { cause: error });
  if (isUnavailable(error)) return new DatabaseUnavailableError(undefined, { cause: error });
  return error;
}

export function isUnavailable(error: Neo4jError): boolean {
  const code = error.code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code.startsWith('Neo.TransientError.') ||
    // A panicked database ("needs to be restarted") and other server-side failures.
    code.startsWith('Neo.DatabaseError.') ||
    code === 'Neo.ClientError.Database.DatabaseNotFound' ||
    // Pool exhaustion: the driver gives it no code.
    /Connection acquisition timed out/.test(error.message)
  );
}
