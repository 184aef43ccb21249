/**
 * Keeps an embedded Neo4j running: when the JVM dies (killed, out of memory) or halts after a
 * panic (see the launcher), it is started again on the same data folder and the same Bolt port,
 * so drivers reconnect by themselves, after a back-off that doubles while starts keep failing.
 * Each distinct failure is logged once, in one line.
 */
import { folderProblemIn } from './data-dir.js';
import { startEmbedded, type EmbeddedNeo4j } from './embedded.js';
import { stderrLog, type Log } from './launcher.js';
import type { Neo4jSettings } from './settings.js';
import { releaseDataDirSync, type EmbeddedState } from './state.js';

export interface SupervisedNeo4j {
  settings: Neo4jSettings;
  /** The JVM running now; undefined while it is being restarted. */
  pid(): number | undefined;
  /** How many times it was restarted. */
  restarts(): number;
  /** Stops supervising and shuts the database down. */
  stop(): Promise<void>;
}

export interface SupervisorOptions {
  dataDir: string;
  /** Bolt port; the OS picks one when absent, and restarts keep it. */
  port?: number;
  log?: Log;
  /** First wait before a restart; doubles after each failed start up to `maxBackoffMs`. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** Passed to startEmbedded. */
  timeoutMs?: number;
  purpose?: EmbeddedState['purpose'];
}

export async function superviseEmbedded(opts: SupervisorOptions): Promise<SupervisedNeo4j> {
  const log = opts.log ?? stderrLog;
  const first = opts.backoffMs ?? 1_000;
  const max = opts.maxBackoffMs ?? 30_000;
  const start = (port?: number) => startEmbedded({ dataDir: opts.dataDir, port, log, timeoutMs: opts.timeoutMs, purpose: opts.purpose });
  let current: EmbeddedNeo4j | undefined = await start(opts.port);
  const settings = current.settings;
  const port = Number(new URL(settings.uri).port);
  let stopping = false;
  let restarts = 0;
  let wake: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      timer.unref();
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function watch(running: EmbeddedNeo4j): Promise<void> {
    const code = await running.exited;
    if (stopping) return;
    current = undefined;
    const output = running.tail();
    const why = /^PANIC /m.test(output)
      ? 'reported a panic'
      : `exited unexpectedly (${typeof code === 'number' ? `exit code ${code}` : code})`;
    const problem = folderProblemIn(output, opts.dataDir);
    log(`embedded Neo4j (pid ${running.pid}) ${why}${problem ? `: ${problem.message}` : ''}; restarting it`);
    releaseDataDirSync(opts.dataDir); // its state file says "ready" for a JVM that is gone
    let backoff = first;
    let lastFailure = '';
    while (!stopping) {
      await sleep(backoff);
      if (stopping) return;
      try {
        const next = await start(port);
        if (stopping) {
          await next.stop();
          return;
        }
        restarts += 1;
        current = next;
        log(`embedded Neo4j restarted (pid ${next.pid}, ${settings.uri}, restart ${restarts})`);
        watching = watch(next);
        return;
      } catch (e) {
        const message = (e as Error).message.split('\n')[0];
        if (message !== lastFailure) log(`restarting the embedded Neo4j failed: ${message}; trying again every ${Math.round(max / 1000)} s at most`);
        lastFailure = message;
        backoff = Math.min(backoff * 2, max);
      }
    }
  }
  let watching = watch(current);

  return {
    settings,
    pid: () => current?.pid,
    restarts: () => restarts,
    stop: async () => {
      stopping = true;
      wake?.();
      await current?.stop();
      // A restart in progress finishes, sees `stopping` and stops what it started.
      for (let seen: Promise<void> | undefined; seen !== watching; ) {
        seen = watching;
        await seen;
      }
    },
  };
}
