import neo4j from 'neo4j-driver';
import type { Driver } from 'neo4j-driver';
import { disableNagle } from './no-delay.js';
import { describe } from './settings.js';
import type { Neo4jSettings } from './settings.js';

/** Log-safe address of each driver made by createDriver, so errors can name it. */
const addresses = new WeakMap<Driver, string>();

/**
 * Deadlines on everything the driver waits for, so a dead or frozen Neo4j is an error within
 * seconds rather than after the driver's defaults (30 s to connect, 60 s for a pooled connection,
 * 30 s of retries). NEO4J_CONNECT_TIMEOUT_MS overrides the first two.
 */
export function driverDeadlines(env: NodeJS.ProcessEnv = process.env) {
  const raw = env.NEO4J_CONNECT_TIMEOUT_MS;
  const connect = raw ? Number(raw) : 5_000;
  if (!Number.isInteger(connect) || connect < 100) {
    throw new Error(`NEO4J_CONNECT_TIMEOUT_MS must be a whole number of milliseconds, 100 or more (got ${JSON.stringify(raw)})`);
  }
  return {
    /** TCP connect and Bolt handshake. */
    connectionTimeout: connect,
    /** Waiting for a connection from the pool, a new one included. */
    connectionAcquisitionTimeout: connect,
    /** Retrying a transaction that failed with a transient error. */
    maxTransactionRetryTime: 3_000,
  };
}

/**
 * A driver for bolt://, neo4j:// and neo4j+s:// (Aura, clusters) URIs with basic auth.
 * Integers come back as JS numbers (`disableLosslessIntegers`). Sessions should pass
 * `{ database: settings.database }` (undefined means the server's default database).
 */
export function createDriver(s: Neo4jSettings, opts: { maxConnectionPoolSize?: number } = {}): Driver {
  disableNagle();
  const driver = neo4j.driver(s.uri, neo4j.auth.basic(s.user, s.password), {
    disableLosslessIntegers: true,
    userAgent: 'llm-lineage',
    ...driverDeadlines(),
    ...(opts.maxConnectionPoolSize !== undefined ? { maxConnectionPoolSize: opts.maxConnectionPoolSize } : {}),
  });
  addresses.set(driver, describe(s));
  return driver;
}

/** Neo4j error codes that retrying cannot fix. */
const FATAL_CODES = [
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
  'Neo.ClientError.Database.DatabaseNotFound',
];

/**
 * Retries `verifyConnectivity` until the server answers; rejects after `timeoutMs` with an
 * error naming the URI (never the password) and the last failure. Wrong credentials and
 * similar permanent failures reject at once.
 */
export async function waitForNeo4j(driver: Driver, timeoutMs: number): Promise<void> {
  const where = addresses.get(driver) ?? 'Neo4j';
  const deadline = Date.now() + timeoutMs;
  let delay = 100;
  let attempts = 0;
  let last: unknown;
  for (;;) {
    attempts++;
    const remaining = deadline - Date.now();
    try {
      await withTimeout(driver.verifyConnectivity(), Math.max(remaining, 1));
      return;
    } catch (e) {
      last = e;
      const code = (e as { code?: string }).code;
      if (code && FATAL_CODES.includes(code)) {
        throw new Error(`Neo4j at ${where} refused the connection: ${messageOf(e)}`, { cause: e });
      }
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new Error(
        `Neo4j at ${where} did not answer within ${Math.round(timeoutMs / 1000)}s ` +
          `(${attempts} attempt${attempts === 1 ? '' : 's'}); last error: ${messageOf(last)}`,
        { cause: last },
      );
    }
    await sleep(Math.min(delay, left));
    delay = Math.min(delay * 2, 2000);
  }
}

function messageOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split('\n')[0] ?? msg;
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const t = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  p.catch(() => {}); // a late rejection after the timeout must not go unhandled
  return Promise.race([p, t]).finally(() => clearTimeout(timer));
}
