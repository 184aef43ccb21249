/**
 * The one way every program here gets its Neo4j:
 *  1. NEO4J_URI set (Docker, a local install, Aura): use it; nothing local is started.
 *  2. An embedded Neo4j that another of our processes runs on the same data folder: reuse it.
 *  3. Otherwise: build the launcher if needed and start an embedded Neo4j on the data folder.
 */
import { join, resolve } from 'node:path';
import { EmbeddedStartError, PROJECT_ROOT, stderrLog } from './launcher.js';
import { describe, settingsFromEnv } from './settings.js';
import type { Neo4jSettings } from './settings.js';
import { inspectDataDir, type EmbeddedState } from './state.js';
import { superviseEmbedded } from './supervisor.js';

/** Where the embedded Neo4j keeps its data unless told otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, '.neo4j', 'data');

export interface ProvidedNeo4j {
  settings: Neo4jSettings;
  /** Stops what this call started; a no-op for NEO4J_URI and for a reused embedded Neo4j. */
  stop(): Promise<void>;
  /** True when the database is the local embedded one (started here or reused). */
  embedded: boolean;
}

/** NEO4J_EMBEDDED_PORT: the Bolt port of an embedded Neo4j started here; unset or 0 lets the OS pick one. */
export function embeddedPortFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.NEO4J_EMBEDDED_PORT?.trim();
  if (!raw) return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`NEO4J_EMBEDDED_PORT must be a port number from 0 to 65535 (got ${JSON.stringify(raw)})`);
  }
  return port || undefined;
}

/**
 * Returns settings for a Neo4j to use. In the embedded cases the database answers on Bolt when
 * this resolves; with NEO4J_URI nothing is contacted yet (use waitForNeo4j to wait for it).
 * An embedded Neo4j started here is supervised (restarted when it dies, src/neo4j/supervisor.ts).
 * `purpose: 'server'` refuses to share the embedded Neo4j of another server: stopping that one
 * would stop the database under this one. Log lines go through `log` (stderr by default).
 */
export async function provideNeo4j(
  opts: { dataDir?: string; log?: (m: string) => void; purpose?: EmbeddedState['purpose'] } = {},
): Promise<ProvidedNeo4j> {
  const log = opts.log ?? stderrLog;
  const fromEnv = settingsFromEnv();
  if (fromEnv) {
    const db = fromEnv.database ? `, database ${fromEnv.database}` : '';
    log(`using Neo4j at ${describe(fromEnv)} as user ${fromEnv.user}${db} (from NEO4J_URI)`);
    return { settings: fromEnv, stop: async () => {}, embedded: false };
  }

  const dataDir = resolve(opts.dataDir ?? DEFAULT_DATA_DIR);
  const deadline = Date.now() + 5 * 60_000;
  let waitingLogged = false;
  const port = embeddedPortFromEnv();
  for (;;) {
    const found = await inspectDataDir(dataDir, (why) => log(`removed a stale state file: ${why}`));
    if (found.kind === 'ready' && opts.purpose === 'server' && found.state.purpose === 'server') {
      throw new EmbeddedStartError(
        `The embedded Neo4j on ${dataDir} belongs to another llm-lineage server (pid ${found.state.ownerPid}, ${found.state.uri}), ` +
          `and stopping that server stops it. Stop the other server first, or share its database knowingly with NEO4J_URI=${found.state.uri}.`,
        'in-use',
      );
    }
    if (found.kind === 'ready') {
      log(`reusing the embedded Neo4j at ${found.state.uri} (pid ${found.state.pid}, data: ${dataDir})`);
      return { settings: { uri: found.state.uri, user: 'neo4j', password: '' }, stop: async () => {}, embedded: true };
    }
    if (found.kind === 'starting') {
      if (Date.now() > deadline) {
        throw new EmbeddedStartError(
          `Another process (pid ${found.state.ownerPid || 'unknown'}) has been starting an embedded Neo4j on ${dataDir} for too long.`,
          'in-use',
        );
      }
      if (!waitingLogged) log(`another process is starting the embedded Neo4j on ${dataDir}; waiting for it`);
      waitingLogged = true;
      await new Promise((r) => setTimeout(r, 500));
      continue;
    }
    try {
      const started = await superviseEmbedded({ dataDir, port, log, purpose: opts.purpose ?? 'tool' });
      return { settings: started.settings, stop: started.stop, embedded: true };
    } catch (e) {
      // Lost a race with another process that claimed the folder first: reuse its database.
      if (e instanceof EmbeddedStartError && e.reason === 'in-use' && Date.now() < deadline) continue;
      throw e;
    }
  }
}
