/**
 * Asks `/health` over and over while a test runs, one request at a time, and keeps the slowest
 * answer: a request that blocks the event loop shows up here as a slow or missing answer.
 */
export interface HealthProbe {
  /** Slowest answer (ms) since the last reset, counting a probe still waiting by how long it has waited. */
  slowest(): number;
  failures(): number;
  reset(): void;
  stop(): Promise<void>;
}

export function probeHealth(baseUrl: string, everyMs = 50): HealthProbe {
  let slowest = 0;
  let failures = 0;
  let pendingSince: number | undefined;
  let running = true;
  const loop = (async () => {
    while (running) {
      pendingSince = performance.now();
      try {
        const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(30_000) });
        await response.text();
        if (response.status !== 200) failures += 1;
      } catch {
        failures += 1;
      }
      slowest = Math.max(slowest, performance.now() - pendingSince);
      pendingSince = undefined;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    slowest: () => Math.max(slowest, pendingSince === undefined ? 0 : performance.now() - pendingSince),
    failures: () => failures,
    reset: () => {
      slowest = 0;
      failures = 0;
    },
    stop: async () => {
      running = false;
      await loop;
    },
  };
}
