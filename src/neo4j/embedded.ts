/** Starts and stops Neo4j Community in a child JVM (neo4j-launcher/), Bolt on 127.0.0.1. */
import { resolve } from 'node:path';
import { ensureLauncherBuilt } from './build-launcher.js';
import { checkDataDir } from './data-dir.js';
import { createDriver, waitForNeo4j } from './driver.js';
import { EmbeddedStartError, launcherJavaArgs, requireJava, spawnLauncher, stderrLog } from './launcher.js';
import type { LauncherProcess, Log } from './launcher.js';
import type { Neo4jSettings } from './settings.js';
import { claimDataDir, releaseDataDirSync, updateState } from './state.js';
import type { EmbeddedState } from './state.js';

export { EmbeddedStartError } from './launcher.js';

export interface EmbeddedNeo4j {
  settings: Neo4jSettings;
  /** Shuts the database down cleanly (SIGTERM, then SIGKILL after 30 s) and waits for the JVM to exit. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the JVM exits, with its exit code or signal (after stop(), or if it dies). */
  exited: Promise<number | string>;
  /** The JVM's process id. */
  pid: number | undefined;
  /** The last lines the launcher printed (a `PANIC` line says why it exited). */
  tail(): string;
}

/**
 * Starts an embedded Neo4j on `dataDir` (created if missing; the store lives in
 * `<dataDir>/data`, Neo4j's logs in `<dataDir>/logs`). Without `port`, the OS picks a free one.
 * Builds the launcher first if needed. The JVM's stdin is a pipe from this process, so it shuts
 * down when this process exits even without stop(); it does not by itself keep Node running.
 *
 * Rejects with EmbeddedStartError when the data folder is in use (reason "in-use": another of our
 * processes runs a Neo4j on it; the message names its URI), Neo4j's store is locked by some other
 * process ("locked"), the port is taken ("port-in-use"), or the launcher fails or hangs; the
 * message includes the tail of the launcher's output.
 */
export async function startEmbedded(opts: {
  dataDir: string;
  port?: number;
  log?: (m: string) => void;
  /** How long to wait for Bolt to answer; default 180 s (a cold machine can be slow). */
  timeoutMs?: number;
  /** Recorded in the state file, for others who find it (see provideNeo4j). */
  purpose?: EmbeddedState['purpose'];
}): Promise<EmbeddedNeo4j> {
  const log: Log = opts.log ?? stderrLog;
  const dataDir = resolve(opts.dataDir);
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const classpath = await ensureLauncherBuilt(log);
  const java = requireJava();
  const problem = await checkDataDir(dataDir); // creates it, or says why it cannot
  if (problem) throw new EmbeddedStartError(problem.message, problem.reason);

  const existing = await claimDataDir(dataDir, opts.purpose);
  if (existing) {
    const s = existing.state;
    const what =
      existing.kind === 'ready'
        ? `an embedded Neo4j (pid ${s.pid}) already runs on it at ${existing.state.uri}. ` +
          `Point other tools at it with NEO4J_URI=${existing.state.uri}, or stop it first`
        : `another process (pid ${s.ownerPid || 'unknown'}) is starting an embedded Neo4j on it; wait for it or stop it`;
    throw new EmbeddedStartError(`The Neo4j data folder ${dataDir} is in use: ${what}.`, 'in-use');
  }

  const state: EmbeddedState = { status: 'starting', ownerPid: process.pid, dataDir, startedAt: new Date().toISOString(), purpose: opts.purpose };
  const releaseOnExit = () => releaseDataDirSync(dataDir);
  process.on('exit', releaseOnExit);

  const started = performance.now();
  let proc: LauncherProcess | undefined;
  let pidRecorded: Promise<void> = Promise.resolve();
  try {
    log(`starting embedded Neo4j (data: ${dataDir})`);
    proc = await spawnLauncher({
      java,
      classpath,
      dataDir,
      port: opts.port ?? 0,
      javaArgs: launcherJavaArgs(),
      log,
      timeoutMs,
      onSpawn: (pid) => {
        state.pid = pid;
        pidRecorded = updateState(dataDir, state).catch(() => {});
      },
    });
    const settings: Neo4jSettings = { uri: proc.uri, user: 'neo4j', password: '' };
    const driver = createDriver(settings, { maxConnectionPoolSize: 1 });
    try {
      await waitForNeo4j(driver, Math.min(timeoutMs, 60_000));
    } finally {
      await driver.close();
    }
    await pidRecorded;
    await updateState(dataDir, { ...state, status: 'ready', uri: proc.uri });
    log(`embedded Neo4j ready at ${proc.uri} after ${Math.round(performance.now() - started)} ms`);

    // From here on the JVM must not keep Node alive; stdin EOF at our exit stops it.
    unref(proc);
    const running = proc;
    let stopping: Promise<void> | undefined;
    const stop = () =>
      (stopping ??= (async () => {
        releaseDataDirSync(dataDir); // first, so nobody tries to reuse a database going down
        process.off('exit', releaseOnExit);
        await stopProcess(running);
        log(`embedded Neo4j at ${running.uri} stopped`);
      })());
    return { settings, stop, exited: running.exited, pid: running.child.pid, tail: running.tail };
  } catch (e) {
    if (proc) await stopProcess(proc).catch(() => {});
    await pidRecorded;
    releaseDataDirSync(dataDir);
    process.off('exit', releaseOnExit);
    throw e;
  }
}

async function stopProcess(p: LauncherProcess): Promise<void> {
  if (p.hasExited()) return;
  p.child.stdin?.end();
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 30_000);
  try {
    await p.exited;
  } finally {
    clearTimeout(timer);
  }
}

function unref(p: LauncherProcess): void {
  p.child.unref();
  for (const s of [p.child.stdin, p.child.stdout, p.child.stderr]) {
    (s as unknown as { unref?: () => void } | null)?.unref?.();
  }
}
