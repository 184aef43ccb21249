/**
 * Whether the database answers, known from a small real read (a probe) repeated in the
 * background. While it does not, reads fail at once with SERVICE_UNAVAILABLE instead of each
 * waiting out its own timeout, reads already waiting are released, and the server logs once
 * when the database is lost and once when it is back.
 */
import neo4j, { type Driver } from 'neo4j-driver';

export interface HealthOptions {
  database?: string;
  /** A probe that takes longer than this counts as a failure. */
  probeTimeoutMs?: number;
  /** Time between probes while the database answers. */
  intervalMs?: number;
  /** Time between probes while it does not. */
  downIntervalMs?: number;
  log?: (message: string) => void;
}

export interface ProbeResult {
  ok: boolean;
  /** Why not, in a line, for logs (never sent to clients). */
  reason?: string;
}

/** Reads a node: a panicked database refuses to begin any transaction, a frozen one never answers. */
const PROBE = 'MATCH (n) WITH n LIMIT 1 RETURN count(n) AS any';
/** A probe still pending after this long is abandoned (its connection may never answer). */
const ABANDON_MS = 30_000;

export class DatabaseHealth {
  private up = true;
  private lostAt = 0;
  private pending: { promise: Promise<ProbeResult>; started: number } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private readonly waiting = new Set<(reason: string) => void>();
  private readonly options: Required<Omit<HealthOptions, 'database'>> & { database?: string };

  constructor(
    private readonly driver: Driver,
    options: HealthOptions = {},
  ) {
    this.options = {
      database: options.database,
      probeTimeoutMs: options.probeTimeoutMs ?? 3_000,
      intervalMs: options.intervalMs ?? 2_000,
      downIntervalMs: options.downIntervalMs ?? 1_000,
      log: options.log ?? ((m) => console.error(`[llm-lineage] ${m}`)),
    };
  }

  /** False from a failed probe until a probe succeeds again. */
  get available(): boolean {
    return this.up;
  }

  /** Starts probing in the background (timers do not keep the process alive). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  /** Probes now (or joins a probe already running) and updates the state; at most `timeoutMs`. */
  async check(timeoutMs = this.options.probeTimeoutMs): Promise<ProbeResult> {
    const result = await withTimeout(this.probe(), timeoutMs);
    this.record(result);
    return result;
  }

  /** A read failed in a way that may mean the database is gone: probe now rather than at the next tick. */
  suspect(): void {
    if (this.running) this.schedule(0);
    else void this.check();
  }

  /** Calls `onLost` if the database is declared lost before the returned function is called. */
  whileWaiting(onLost: (reason: string) => void): () => void {
    this.waiting.add(onLost);
    return () => this.waiting.delete(onLost);
  }

  private schedule(ms: number): void {
    clearTimeout(this.timer);
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.check().finally(() => this.schedule(this.up ? this.options.intervalMs : this.options.downIntervalMs));
    }, ms);
    this.timer.unref();
  }

  private record(result: ProbeResult): void {
    if (!result.ok && this.up) {
      this.up = false;
      this.lostAt = Date.now();
      this.options.log(`Neo4j lost: ${result.reason}; answering SERVICE_UNAVAILABLE until it is back`);
      for (const release of [...this.waiting]) release(result.reason ?? 'lost');
    } else if (result.ok && !this.up) {
      this.up = true;
      this.options.log(`Neo4j is back after ${((Date.now() - this.lostAt) / 1000).toFixed(1)} s`);
    }
  }

  /** One probe at a time: a frozen database would otherwise collect a stuck connection per tick. */
  private probe(): Promise<ProbeResult> {
    if (this.pending && Date.now() - this.pending.started < ABANDON_MS) return this.pending.promise;
    const started = Date.now();
    const promise = this.read().finally(() => {
      if (this.pending?.promise === promise) this.pending = undefined;
    });
    this.pending = { promise, started };
    return promise;
  }

  private async read(): Promise<ProbeResult> {
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      await session.executeRead((tx) => tx.run(PROBE), { timeout: this.options.probeTimeoutMs, metadata: { app: 'llm-lineage', query: 'probe' } });
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: firstLine(error) };
    } finally {
      void session.close().catch(() => {});
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

function withTimeout(promise: Promise<ProbeResult>, ms: number): Promise<ProbeResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${ms} ms` }), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
