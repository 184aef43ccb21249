/**
 * Load figures for `npm run bench`: throughput, latency and errors of a mix of representative
 * operations at 1 to 64 concurrent clients, BENCH_LOAD_SECONDS each, against a running server.
 * A client refused with 503 waits the Retry-After it was given, as a polite client would.
 */
import { performance } from 'node:perf_hooks';

const MIX = [
  '{ model(name: "vicuna") { name basedOn { name } contributors { name } derivatives { name } } }',
  '{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 3) { nodes { id name depth } edges { source target } } }',
  '{ search(query: "llama", first: 10) { name kind score } }',
  '{ models(first: 20, filter: { basedOn: "LLaMA" }) { totalCount nodes { name contributors { name } } } }',
];

export const LOAD_LEVELS = [1, 4, 16, 32, 64];

interface Level {
  clients: number;
  requests: number;
  seconds: number;
  latencies: number[];
  busy: number;
  errors: Map<string, number>;
}

async function runLevel(url: string, clients: number, seconds: number): Promise<Level> {
  const level: Level = { clients, requests: 0, seconds, latencies: [], busy: 0, errors: new Map() };
  const until = performance.now() + seconds * 1000;
  const client = async (offset: number) => {
    for (let i = offset; performance.now() < until; i++) {
      const started = performance.now();
      let retryAfter = 0;
      try {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: MIX[i % MIX.length] }),
        });
        const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
        level.requests += 1;
        if (response.status === 503 && !body.errors?.[0]?.extensions?.code?.includes('TIMEOUT')) {
          level.busy += 1;
          retryAfter = Number(response.headers.get('retry-after') ?? 1) * 1000;
        } else if (response.status !== 200 || body.errors?.length) {
          const key = `${response.status} ${body.errors?.[0]?.extensions?.code ?? ''}`.trim();
          level.errors.set(key, (level.errors.get(key) ?? 0) + 1);
        } else {
          level.latencies.push(performance.now() - started);
        }
      } catch (e) {
        level.requests += 1;
        const key = (e as Error).name;
        level.errors.set(key, (level.errors.get(key) ?? 0) + 1);
      }
      if (retryAfter) await new Promise((r) => setTimeout(r, retryAfter));
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
  return level;
}

function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Runs every level in turn and returns the table to print. */
export async function loadFigures(url: string, seconds: number, log: (m: string) => void): Promise<string> {
  const rows: string[][] = [];
  for (const clients of LOAD_LEVELS) {
    log(`load: ${clients} concurrent client(s) for ${seconds} s`);
    const level = await runLevel(url, clients, seconds);
    const sorted = [...level.latencies].sort((a, b) => a - b);
    const ok = sorted.length;
    const errors = [...level.errors].map(([k, n]) => `${n}x ${k}`).join(', ') || '0';
    rows.push([
      String(clients),
      String(level.requests),
      (ok / seconds).toFixed(1),
      quantile(sorted, 0.5).toFixed(1),
      quantile(sorted, 0.99).toFixed(1),
      String(level.busy),
      errors,
    ]);
  }
  const headers = ['clients', 'requests', 'answered/s', 'p50 ms', 'p99 ms', '503 busy', 'errors'];
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [
    `Load: a mix of ${MIX.length} operations (model, lineage depth 3, search, models page), ${seconds} s per level; no answers kept (RESPONSE_CACHE_MB=0), latencies of answered requests`,
    line(headers),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
