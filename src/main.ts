/**
 * `npm start`: a Neo4j (yours via NEO4J_URI, else the embedded one), the bundled corpus
 * ingested into it, and the GraphQL API on PORT. Ctrl-C stops the server and whatever Neo4j
 * it started.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { readInputs } from '../ingest/pipeline.js';
import { ingestAtStart } from '../ingest/load/ingest.js';
import { serverConfigFromEnv } from './config/server-config.js';
import { createApp } from './http/app.js';
import { createDriver } from './neo4j/driver.js';
import { provideNeo4j } from './neo4j/provide.js';
import { describe } from './neo4j/settings.js';
import { banner } from './startup/banner.js';
import { checkNeo4jReachable } from './startup/neo4j-reachable.js';

const log = (message: string) => console.error(`[llm-lineage] ${message}`);
const DEFAULT_CORPUS = fileURLToPath(new URL('../data/corpus', import.meta.url));

async function main(): Promise<void> {
  const config = serverConfigFromEnv();
  const neo4j = await provideNeo4j({ log, purpose: 'server' }).catch((error: Error) => {
    log(`start-up failed: ${error.message}`);
    return process.exit(1);
  });
  const driver = createDriver(neo4j.settings);
  let app: Awaited<ReturnType<typeof createApp>> | undefined;

  let stopping = false;
  const stop = async (signal: string, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping`);
    await app?.stop().catch(() => {});
    await driver.close().catch(() => {});
    await neo4j.stop().catch((error: Error) => log(`stopping Neo4j failed: ${error.message}`));
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    log(`Neo4j at ${describe(neo4j.settings)}${neo4j.embedded ? ' (embedded)' : ''}`);
    // Before the corpus is parsed: a Neo4j that cannot be reached is reported at once.
    await checkNeo4jReachable(driver, neo4j.settings, neo4j.embedded);
    if (process.env.INGEST_ON_START !== 'false') {
      // INGEST_PATHS makes the graph exactly those lists; without it, lists ingested before are kept.
      const paths = process.env.INGEST_PATHS ? process.env.INGEST_PATHS.split(',').filter(Boolean) : null;
      const read = (p: string[]) => readInputs(p, { warn: (m) => log(`warning: ${m}`) });
      const result = await ingestAtStart(driver, { paths, defaults: [DEFAULT_CORPUS], read }, { log, database: neo4j.settings.database });
      log(`${result.changed ? `ingested generation ${result.generation}` : `serving generation ${result.generation}`}: ${result.nodes} nodes and ${result.relationships} relationships`);
    }
    app = await createApp({ driver, config, database: neo4j.settings.database });
    app.httpServer.listen(config.port, config.host);
    await once(app.httpServer, 'listening');
  } catch (error) {
    log(`start-up failed: ${(error as Error).message}`);
    await stop('error', 1);
    return;
  }

  const { port } = app.httpServer.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  console.log(banner(`http://${host}:${port}`));
}

// A bad setting, or a Neo4j that cannot be had, is one line naming it: no stack trace.
await main().catch((error: Error) => {
  log(`start-up failed: ${error.message}`);
  process.exit(1);
});
