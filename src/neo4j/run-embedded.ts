/**
 * `npm run neo4j [-- --port N] [-- --data DIR]`: runs the embedded Neo4j in the foreground until
 * Ctrl-C. Programs started meanwhile without NEO4J_URI (npm start, npm run ingest) find and reuse
 * it through the data folder's state file; other tools connect with the printed URI.
 */
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbedded } from './embedded.js';
import { Neo4jSetupError, stderrLog } from './launcher.js';
import { DEFAULT_DATA_DIR } from './provide.js';
import { inspectDataDir } from './state.js';

const PREFERRED_PORT = 7687;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, data: { type: 'string' } },
    allowPositionals: false,
  });
  const dataDir = resolve(values.data ?? DEFAULT_DATA_DIR);

  const found = await inspectDataDir(dataDir);
  if (found.kind !== 'none') {
    const where = found.kind === 'ready' ? ` at ${found.state.uri}` : ' (still starting)';
    console.error(`An embedded Neo4j already runs on ${dataDir}${where}, pid ${found.state.pid ?? found.state.ownerPid}.`);
    return 1;
  }

  let port: number;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      console.error(`--port must be a port number, got "${values.port}"`);
      return 2;
    }
  } else {
    // The usual Bolt port when it is free, so that tools' defaults work; else any free port.
    port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : 0;
  }

  const neo4j = await startEmbedded({ dataDir, port, log: stderrLog, purpose: 'standalone' });
  const { uri } = neo4j.settings;
  console.log(
    [
      '',
      `Neo4j Community is running at ${uri} (data: ${dataDir}).`,
      'Authentication is off; it listens on 127.0.0.1 only.',
      '',
      'In another terminal, `npm start` and `npm run ingest` find and reuse it by themselves.',
      'Other tools (cypher-shell, Neo4j Desktop/Browser, scripts) connect with:',
      `  NEO4J_URI=${uri} NEO4J_USER=neo4j NEO4J_PASSWORD=`,
      '',
      'Press Ctrl-C to stop it.',
    ].join('\n'),
  );

  // The launcher does not keep Node alive by itself; wait here until a signal arrives.
  const keepAlive = setInterval(() => {}, 1 << 30);
  const event = await Promise.race([
    new Promise<string>((res) => {
      for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(s, () => res(s));
    }),
    neo4j.exited.then((code) => `exit:${code}`),
  ]);
  clearInterval(keepAlive);
  if (event.startsWith('exit:')) {
    console.error(`The embedded Neo4j exited unexpectedly (${event.slice(5)}); see ${dataDir}/logs/debug.log`);
    await neo4j.stop();
    return 1;
  }
  stderrLog(`${event}: stopping`);
  await neo4j.stop();
  return 0;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const server = createServer();
    server.once('error', () => res(false));
    server.listen(port, '127.0.0.1', () => server.close(() => res(true)));
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof Error && (e.name === 'EmbeddedStartError' || e instanceof Neo4jSetupError) ? e.message : e);
    process.exitCode = 1;
  },
);
