/**
 * The query benchmark: each representative query (bench/probes.ts) through our GraphQL endpoint,
 * through the raw floor (its one hand-written Cypher query via neo4j-driver) and through
 * @neo4j/graphql, checked to give the same answer, then timed interleaved — round after round,
 * each contender in turn (the order rotating), at concurrency 1 and 16 — so that a noisy
 * machine slows them alike. Figures only: p50, p99, requests/s and the ratios to ours.
 */
import { isDeepStrictEqual } from 'node:util';
import { performance } from 'node:perf_hooks';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Probe } from './probes.js';

type Name = 'ours' | 'ours, no cache' | 'raw' | '@neo4j/graphql';

interface Runner {
  name: Name;
  ask: () => Promise<unknown>;
}

async function post(url: string, query: string, variables: Record<string, unknown>): Promise<any> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(`HTTP ${response.status}: ${body.errors[0].message}`);
  return body.data;
}

function runners(probe: Probe, driver: Driver, database: string | undefined, ours: string, uncached: string, neo: string | null): Runner[] {
  const list: Runner[] = [
    { name: 'ours', ask: async () => probe.ours.answer(await post(ours, probe.ours.query, probe.ours.variables)) },
    { name: 'ours, no cache', ask: async () => probe.ours.answer(await post(uncached, probe.ours.query, probe.ours.variables)) },
    {
      name: 'raw',
      ask: async () => {
        const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
        try {
          // An auto-commit query, as ours are: one round trip, where a read transaction adds its COMMIT's.
          const result = await session.run(probe.raw.cypher, probe.raw.params);
          return probe.raw.answer(result.records.map((r) => r.toObject()));
        } finally {
          await session.close();
        }
      },
    },
  ];
  const n = probe.neo;
  if (n && neo) list.push({ name: '@neo4j/graphql', ask: async () => n.answer(await post(neo, n.query, n.variables)) });
  return list;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] : NaN;
}

interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
}

/** `rounds` rounds; in each, every contender sends `concurrency` requests at once, in a rotating order. */
async function interleaved(list: Runner[], concurrency: number, rounds: number): Promise<Map<Name, Figures>> {
  const samples = new Map<Name, number[]>(list.map((r) => [r.name, []]));
  const busy = new Map<Name, number>(list.map((r) => [r.name, 0]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < list.length; i++) {
      const runner = list[(round + i) % list.length];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          const t = performance.now();
          await runner.ask();
          samples.get(runner.name)!.push(performance.now() - t);
        }),
      );
      busy.set(runner.name, busy.get(runner.name)! + (performance.now() - started));
    }
  }
  const out = new Map<Name, Figures>();
  for (const [name, times] of samples) {
    const s = [...times].sort((a, b) => a - b);
    out.set(name, { p50: quantile(s, 0.5), p99: quantile(s, 0.99), perSecond: (times.length / busy.get(name)!) * 1000 });
  }
  return out;
}

const f1 = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '-');
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '-');

export interface ContenderOptions {
  driver: Driver;
  database: string | undefined;
  oursUrl: string;
  /** Ours with RESPONSE_CACHE_MB=0: every request runs its Cypher. */
  uncachedUrl: string;
  neoUrl: string | null;
  probes: Probe[];
  rounds: number;
  log: (m: string) => void;
}

/**
 * One row per probe and concurrency; ratios: ours' p50 over the floor's, ours' requests/s over
 * @neo4j/graphql's, each for ours as served (answers kept per generation, src/graphql/plugins/
 * response-cache.ts) and with the cache off, which is what a request asked for the first time costs.
 */
export async function contenderTable(o: ContenderOptions): Promise<string[][]> {
  const rows: string[][] = [];
  for (const probe of o.probes) {
    let list = runners(probe, o.driver, o.database, o.oursUrl, o.uncachedUrl, o.neoUrl);
    const answers = await Promise.all(list.map(async (r) => [r.name, await r.ask().catch((e: Error) => new Error(e.message))] as const));
    // @neo4j/graphql failing (its sort of a 100k-model page runs out of transaction memory) is
    // one of its figures, not a reason to time no one: it is left out of that row.
    const failed = answers.filter(([n, a]) => a instanceof Error && n === '@neo4j/graphql');
    for (const [n, a] of failed) o.log(`${probe.label}: ${n} failed, left out of this row: ${(a as Error).message.slice(0, 200)}`);
    list = list.filter((r) => !failed.some(([n]) => n === r.name));
    const reference = answers[0][1];
    const disagree = answers.filter(([n, a]) => !failed.some(([f]) => f === n) && !isDeepStrictEqual(a, reference));
    if (disagree.length) {
      const show = (a: unknown) => (a instanceof Error ? `error: ${a.message}` : JSON.stringify(a)).slice(0, 300);
      o.log(`${probe.label}: answers differ: ${disagree.map(([n, a]) => `${n} ${show(a)}`).join('; ')} (ours ${show(reference)})`);
      rows.push([probe.label, '-', `answers differ (${disagree.map(([n]) => n).join(', ')})`, ...CONTENDER_HEADERS.slice(3).map(() => '')]);
      continue;
    }
    for (let i = 0; i < 5; i++) for (const r of list) await r.ask(); // warm-up: plans compiled, pools filled
    for (const concurrency of [1, 16]) {
      o.log(`${probe.label}, concurrency ${concurrency}`);
      const figures = await interleaved(list, concurrency, concurrency === 1 ? o.rounds : Math.max(5, Math.round(o.rounds / 8)));
      const ours = figures.get('ours')!;
      const uncached = figures.get('ours, no cache')!;
      const raw = figures.get('raw')!;
      const neo = figures.get('@neo4j/graphql');
      const neoCell = (v: number | undefined) => (neo ? f1(v!) : failed.length ? 'failed' : '–');
      rows.push([
        probe.label,
        String(concurrency),
        f1(ours.p50), f1(ours.p99), f1(ours.perSecond),
        f1(uncached.p50), f1(uncached.p99), f1(uncached.perSecond),
        f1(raw.p50), f1(raw.p99), f1(raw.perSecond),
        neoCell(neo?.p50), neoCell(neo?.p99), neoCell(neo?.perSecond),
        ratio(ours.p50 / raw.p50), ratio(uncached.p50 / raw.p50),
        neo ? ratio(ours.perSecond / neo.perSecond) : '–', neo ? ratio(uncached.perSecond / neo.perSecond) : '–',
      ]);
    }
  }
  return rows;
}

export const CONTENDER_HEADERS = [
  'query', 'conc', 'ours p50', 'ours p99', 'ours req/s', 'nocache p50', 'nocache p99', 'nocache req/s',
  'raw p50', 'raw p99', 'raw req/s', 'neo p50', 'neo p99', 'neo req/s',
  'ours/raw p50', 'nocache/raw p50', 'ours/neo req/s', 'nocache/neo req/s',
];
