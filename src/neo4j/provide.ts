/**
 * The one way every program here gets its Neo4j:
 *  1. NEO4J_URI set (Docker, a local install, Aura): use it; nothing local is started.
 *  2. An embedded Neo4j that another of our processes runs on the same data folder: reuse it.
 *  3. Otherwise: build the launcher if needed and start an embedded Neo4j on the data folder.
 */
import { join, resolve } from 'node:path';
import { startEmbedded } from './embedded.js';
import { EmbeddedStartError, PROJECT_ROOT, stderrLog } from './launcher.js';
import { describe, settingsFromEnv } from './settings.js';
import type { Neo4jSettings } from './settings.js';
import { inspectDataDir } from './state.js';

/** Where the embedded Neo4j keeps its data unless told otherwise (git-ignored). */
export const DEFAULT_DATA_DIR = join(PROJECT_ROOT, '.neo4j', 'data');

export interface ProvidedNeo4j {
  settings: Neo4jSettings;
  /** Stops what this call started; a no-op for NEO4J_URI and for a reused embedded Neo4j. */
  stop(): Promise<void>;
  /** True when the database is the local embedded one (started here or reused). */
  embedded: boolean;
}

/**
 * Returns settings for a Neo4j to use. In the embedded cases the database answers on Bolt when
 * this resolves; with NEO4J_URI nothing is contacted yet (use waitForNeo4j to wait for it).
 * Log lines go through `log` (stderr by default), never stdout.
 */
export async function provideNeo4j(
  opts: { dataDir?: string; log?: (m: string) => void } = {},
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
  for (;;) {
    const found = await inspectDataDir(dataDir);
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
      const started = await startEmbedded({ dataDir, log });
      return { settings: started.settings, stop: started.stop, embedded: true };
    } catch (e) {
      // Lost a race with another process that claimed the folder first: reuse its database.
      if (e instanceof EmbeddedStartError && e.reason === 'in-use' && Date.now() < deadline) continue;
      throw e;
    }
  }
}
