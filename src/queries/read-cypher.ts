import neo4j, { type Driver } from 'neo4j-driver';
import { DatabaseTimeoutError, DatabaseUnavailableError, classifyDatabaseError } from '../neo4j/failures.js';
import type { DatabaseHealth } from '../neo4j/health.js';

/** A Cypher statement with a name, so logs, tests and counts can refer to it. */
export interface NamedQuery {
  name: string;
  cypher: string;
}

export interface ReadOptions {
  database?: string;
  /** Server-side transaction timeout: a runaway query is stopped by Neo4j, not left running. */
  timeoutMs: number;
  /**
   * When given, reads fail at once while it says the database is lost, and reads waiting are
   * released when it is declared lost (a frozen Neo4j never answers, so nothing else would).
   */
  health?: DatabaseHealth;
}

/** Past the server-side timeout, how long the client waits for Neo4j to report it before giving up itself. */
const CLIENT_GRACE_MS = 2_000;

/** How long a read that failed with a transient error is tried again (the driver's maxTransactionRetryTime for transactions). */
const RETRY_MS = 3_000;
const FIRST_RETRY_DELAY_MS = 100;

/**
 * One read with a client-side deadline besides Neo4j's, its failures as DatabaseUnavailableError
 * or DatabaseTimeoutError (src/neo4j/failures.ts). Run as an auto-commit query: one round trip,
 * where a managed transaction adds its COMMIT's (half a millisecond on loopback, a third of a
 * small read). So the retries a managed transaction would get are made here: a read changes
 * nothing, so one that failed with an error the driver calls retriable (a leader switch, a
 * restart, a transient error) is simply run again, for up to RETRY_MS and within the deadline.
 */
export async function readCypher(
  driver: Driver,
  options: ReadOptions,
  query: NamedQuery,
  params: Record<string, unknown>,
): Promise<Record<string, unknown>[]> {
  const { health, timeoutMs } = options;
  if (health && !health.available) throw new DatabaseUnavailableError();
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  let timer: NodeJS.Timeout | undefined;
  let release = () => {};
  let gaveUpAlready = false;
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(timeoutMs)), timeoutMs + CLIENT_GRACE_MS);
    if (health) release = health.whileWaiting(() => reject(new DatabaseUnavailableError()));
  });
  gaveUp.catch(() => (gaveUpAlready = true));
  const config = { timeout: timeoutMs, metadata: { app: 'llm-lineage', query: query.name } };
  const started = Date.now();
  const attempt = async (delayMs: number): Promise<Record<string, unknown>[]> => {
    try {
      const result = await withoutStack(() => session.run(query.cypher, params, config));
      return result.records.map((record) => record.toObject());
    } catch (error) {
      if (gaveUpAlready || !neo4j.isRetriableError(error) || Date.now() - started + delayMs > RETRY_MS) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs * (0.8 + 0.4 * Math.random())));
      if (gaveUpAlready) throw error;
      return attempt(delayMs * 2);
    }
  };
  const work = attempt(FIRST_RETRY_DELAY_MS);
  work.catch(() => {}); // it may fail after we gave up on it
  try {
    return await Promise.race([work, gaveUp]);
  } catch (error) {
    const failure = classifyDatabaseError(error, timeoutMs);
    // A failure left as it is (a bug of ours) is logged: give it the frames of the code that
    // asked, which the driver's error lacks (see withoutStack).
    if (failure === error && error instanceof Error) Error.captureStackTrace(error);
    if (failure instanceof DatabaseUnavailableError) health?.suspect();
    throw failure;
  } finally {
    clearTimeout(timer);
    release();
    // Not awaited: on a frozen database closing waits as long as the read would.
    void session.close().catch(() => {});
  }
}

/**
 * neo4j-driver captures a stack trace for every result it makes, to give a failure the caller's
 * frames; with source maps on (tsx), formatting it costs about 0.07 ms a query, a tenth of a
 * cached answer's time. Clients never see the driver's frames (classifyDatabaseError makes our
 * own errors, and readCypher gives any other failure the frames of its caller), so results are
 * made without them.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
