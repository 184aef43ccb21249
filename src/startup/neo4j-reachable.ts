import { connect } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { waitForNeo4j } from '../neo4j/driver.js';
import { describe, type Neo4jSettings } from '../neo4j/settings.js';

/** How long start-up waits for a Neo4j named by NEO4J_URI that does not answer yet. */
const WAIT_MS = 5_000;

/** The low-level reasons a connection fails, in words a user can act on. */
const NETWORK_REASONS: [RegExp, string][] = [
  [/ECONNREFUSED/, 'connection refused: nothing listens on that host and port'],
  [/ENOTFOUND|EAI_AGAIN/, 'the host name does not resolve'],
  [/ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|no answer within/, 'no answer from that address'],
  [/ECONNRESET|EPIPE/, 'the connection was cut: is it a Bolt port, and does the scheme (bolt:// or bolt+s://) match its encryption?'],
];

function causes(error: unknown): string {
  const texts: string[] = [];
  for (let e: unknown = error, i = 0; e && i < 5; e = (e as { cause?: unknown }).cause, i++) {
    texts.push(e instanceof Error ? e.message : String(e));
  }
  return texts.join('\n');
}

/**
 * Checks that Neo4j answers before anything else happens (ingest parses the whole corpus first,
 * which would only delay a connection error), and turns the driver's failure into one line that
 * names the URI (never the password) and what to do. The driver's own text for a refused
 * connection talks about encryption settings, which misleads.
 */
export async function checkNeo4jReachable(driver: Driver, settings: Neo4jSettings, embedded: boolean): Promise<void> {
  const where = describe(settings);
  const hint = embedded ? '' : ' Check NEO4J_URI (or unset it to use the embedded Neo4j).';
  const deadline = Date.now() + (embedded ? 30_000 : WAIT_MS);
  // The clearest failure seen: a refused connection says more than a later attempt cut short.
  let clearest: unknown;
  for (let delay = 200; ; delay = Math.min(delay * 2, 1000)) {
    try {
      await waitForNeo4j(driver, Math.min(1500, Math.max(deadline - Date.now(), 500)));
      return;
    } catch (error) {
      const text = causes(error);
      if (/Unauthorized|authentication|credentials/i.test(text)) {
        throw new Error(`Neo4j at ${where} refused the credentials of user ${settings.user}: check NEO4J_USER and NEO4J_PASSWORD.`, { cause: error });
      }
      if (/DatabaseNotFound|database does not exist/i.test(text)) {
        throw new Error(`Neo4j at ${where} has no database ${settings.database ?? '(default)'}: check NEO4J_DATABASE.`, { cause: error });
      }
      if (!clearest || !/no answer within/.test(text)) clearest = error;
    }
    if (Date.now() + delay >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  const text = causes(clearest);
  // On a loaded machine every driver attempt can run out of time before the driver says why;
  // one plain TCP connection then tells whether anything listens there at all.
  const probe = /no answer within/.test(text) ? await tcpProbe(where) : '';
  const reasonOf = (t: string) => NETWORK_REASONS.find(([pattern]) => pattern.test(t))?.[1];
  const reason = (probe && reasonOf(probe)) || reasonOf(text) || 'it did not answer';
  throw new Error(`Neo4j at ${where} is unreachable (${reason}).${hint}`, { cause: clearest });
}

/** `ECONNREFUSED`, `ENOTFOUND`, … for the URI's host and port, or '' when a connection opens (or takes over 2 s). */
function tcpProbe(uri: string): Promise<string> {
  const m = /^[\w+]+:\/\/\[?([^\]/:]+)\]?(?::(\d+))?/.exec(uri);
  if (!m) return Promise.resolve('');
  return new Promise((resolve) => {
    const socket = connect({ host: m[1], port: Number(m[2] ?? 7687) });
    const done = (why: string) => {
      socket.destroy();
      resolve(why);
    };
    socket.setTimeout(2_000, () => done(''));
    socket.once('connect', () => done(''));
    socket.once('error', (e: NodeJS.ErrnoException) => done(e.code ?? ''));
  });
}
