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

/**
 * One read with a client-side deadline besides Neo4j's, its failures as DatabaseUnavailableError
 * or DatabaseTimeoutError (src/neo4j/failures.ts). `autoCommit` saves the round trip of a
 * transaction's COMMIT, for a single-record read that a failed attempt can simply repeat later;
 * other reads go through a managed transaction, which the driver retries on transient errors.
 */
export async function readCypher(
  driver: Driver,
  options: ReadOptions,
  query: NamedQuery,
  params: Record<string, unknown>,
  autoCommit = false,
): Promise<Record<string, unknown>[]> {
  const { health, timeoutMs } = options;
  if (health && !health.available) throw new DatabaseUnavailableError();
  const session = driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  let timer: NodeJS.Timeout | undefined;
  let release = () => {};
  const gaveUp = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DatabaseTimeoutError(timeoutMs)), timeoutMs + CLIENT_GRACE_MS);
    if (health) release = health.whileWaiting(() => reject(new DatabaseUnavailableError()));
  });
  const config = { timeout: timeoutMs, metadata: { app: 'llm-lineage', query: query.name } };
  const work = Promise.resolve(autoCommit ? session.run(query.cypher, params, config) : session.executeRead((tx) => tx.run(query.cypher, params), config));
  work.catch(() => {}); // it may fail after we gave up on it
  try {
    const result = await Promise.race([work, gaveUp]);
    return result.records.map((record) => record.toObject());
  } catch (error) {
    const failure = classifyDatabaseError(error, timeoutMs);
    if (failure instanceof DatabaseUnavailableError) health?.suspect();
    throw failure;
  } finally {
    clearTimeout(timer);
    release();
    // Not awaited: on a frozen database closing waits as long as the read would.
    void session.close().catch(() => {});
  }
}
