/**
 * `npm run bench`: figures, never assertions.
 *
 *  1. parse → graph of data/corpus (median of BENCH_PARSE_RUNS runs, after one warm-up);
 *  2. loadGraph of that graph into Neo4j: the first load into an empty database, then re-runs
 *     of the same graph (which change nothing);
 *  3. latency of representative GraphQL operations through the real HTTP server on 127.0.0.1
 *     (median / p95 of BENCH_RUNS requests each, after a few warm-up requests), and the load
 *     figures (bench/load.ts);
 *  4. the query benchmark (bench/queries.ts): each representative query through our endpoint,
 *     the raw floor and @neo4j/graphql, interleaved, on the corpus and on synthetic graphs of
 *     BENCH_SYNTHETIC_ROWS rows (1000,100000; empty to skip), BENCH_QUERY_ROUNDS rounds (100);
 *  5. ingest of synthetic lists at 1k, 10k and 100k rows against a hand-written floor
 *     (bench/ingest.ts; `npm run bench -- ingest` runs only these, BENCH_INGEST_SIZES narrows them;
 *     `npm run bench -- queries` runs steps 1–4 only).
 *
 * Neo4j: with NEO4J_URI set, that database is used and ITS GRAPH IS REPLACED by the corpus (as
 * `npm run ingest` would), then by the synthetic graphs. Otherwise a fresh embedded Neo4j runs on a temporary data folder,
 * removed at the end, so the first load really starts from an empty database and the data of
 * your own embedded Neo4j is left alone.
 */
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Driver } from 'neo4j-driver';
import { buildGraph } from '../ingest/pipeline.js';
import { loadGraph } from '../ingest/load/load.js';
import { serverConfigFromEnv } from '../src/config/server-config.js';
import { createApp } from '../src/http/app.js';
import { createDriver, waitForNeo4j } from '../src/neo4j/driver.js';
import { provideNeo4j } from '../src/neo4j/provide.js';
import { settingsFromEnv } from '../src/neo4j/settings.js';
import { ingestBench } from './ingest.js';
import { loadFigures } from './load.js';
import { queryBenchmark } from './queries.js';

const CORPUS = 'data/corpus';

function count(name: string, fallback: number, max: number): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`${name} must be a whole number from 1 to ${max} (got ${raw})`);
  return n;
}
const PARSE_RUNS = count('BENCH_PARSE_RUNS', 5, 100);
const LOAD_RERUNS = count('BENCH_LOAD_RERUNS', 3, 20);
const HTTP_RUNS = count('BENCH_RUNS', 50, 1000);
const HTTP_WARMUP = 5;
const LOAD_SECONDS = count('BENCH_LOAD_SECONDS', 5, 600);
const QUERY_ROUNDS = count('BENCH_QUERY_ROUNDS', 100, 10_000);
const SYNTHETIC_ROWS = (process.env.BENCH_SYNTHETIC_ROWS ?? '1000,100000')
  .split(',')
  .filter((s) => s.trim())
  .map((s) => {
    const n = Number(s);
    if (!Number.isInteger(n) || n < 100 || n > 1_000_000) throw new Error(`BENCH_SYNTHETIC_ROWS takes row counts from 100 to 1000000 (got ${s})`);
    return n;
  });

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

interface Stats {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  return { n: s.length, median, p95: quantile(s, 0.95), min: s[0], max: s[s.length - 1] };
}

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

const ms = (v: number) => (Number.isFinite(v) ? (v >= 100 ? v.toFixed(0) : v.toFixed(1)) : '-');

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Representative operations, as a notebook or the explorer would send them. */
const OPERATIONS: { label: string; query: string }[] = [
  {
    label: 'model(name:"vicuna")',
    query: `{ model(name: "vicuna") {
      id name url mainFeature aliases languages { name } licenses { name } categories
      basedOn { name } variantOf { name } derivatives { name } contributors { name }
      datasets { name } methods { name } papers { name arxivId }
      sources { file line section derivedFrom }
    } }`,
  },
  {
    label: 'lineage(LLaMA, DESCENDANTS, 3)',
    query: `{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 3) {
      root { id } nodes { id name kind depth } edges { id type source target derivedFrom } omitted
    } }`,
  },
  {
    label: 'path(WizardVicunaLM→LLaMA)',
    query: `{ path(from: "WizardVicunaLM", to: "LLaMA") {
      length nodes { id name } edges { type source target }
    } }`,
  },
  {
    label: 'search("vicuna")',
    query: `{ search(query: "vicuna") { name kind score node { id } } }`,
  },
  {
    label: 'models(first:100){basedOn contributors}',
    query: `{ models(first: 100) { totalCount nodes { name basedOn { name } contributors { name } } } }`,
  },
];

async function main(): Promise<void> {
  const fromEnv = settingsFromEnv();
  let tempDir: string | undefined;
  if (fromEnv) log(`NEO4J_URI is set: the graph in that database will be replaced by ${CORPUS}`);
  else tempDir = await mkdtemp(join(tmpdir(), 'llm-lineage-bench-'));

  // 1. parse → graph
  log(`parse → graph of ${CORPUS}: 1 warm-up + ${PARSE_RUNS} runs`);
  const first = await time(() => buildGraph([CORPUS]));
  const graph = first.value.graph;
  const parseSamples: number[] = [];
  for (let i = 0; i < PARSE_RUNS; i++) parseSamples.push((await time(() => buildGraph([CORPUS]))).ms);
  const parse = stats(parseSamples);

  // 2. load
  const neo4j = await provideNeo4j({ log, ...(tempDir ? { dataDir: join(tempDir, 'data') } : {}) });
  const settings = neo4j.settings;
  const driver: Driver = createDriver(settings);
  const rows: string[][] = [];
  const results: string[] = [];
  let loadTable = '';
  let queryTables = '';
  try {
    await waitForNeo4j(driver, 60_000);
    const database = settings.database;
    log(`loadGraph: first load + ${LOAD_RERUNS} re-runs`);
    const firstLoad = await time(() => loadGraph(driver, graph, { database }));
    const reloads: number[] = [];
    for (let i = 0; i < LOAD_RERUNS; i++) reloads.push((await time(() => loadGraph(driver, graph, { database }))).ms);
    const reload = stats(reloads);

    // 3. GraphQL over HTTP
    const app = await createApp({ driver, config: serverConfigFromEnv({ PORT: '0' }), database });
    app.httpServer.listen(0, '127.0.0.1');
    await once(app.httpServer, 'listening');
    const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
    // The same server with no answers kept: what each request costs the first time it is asked.
    const uncachedApp = await createApp({ driver, config: serverConfigFromEnv({ PORT: '0', RESPONSE_CACHE_MB: '0' }), database });
    uncachedApp.httpServer.listen(0, '127.0.0.1');
    await once(uncachedApp.httpServer, 'listening');
    const uncachedUrl = `http://127.0.0.1:${(uncachedApp.httpServer.address() as AddressInfo).port}/graphql`;
    try {
      log(`GraphQL over HTTP at ${uncachedUrl} (no answers kept): ${HTTP_WARMUP} warm-up + ${HTTP_RUNS} requests per operation`);
      for (const op of OPERATIONS) {
        const send = async () => {
          const response = await fetch(uncachedUrl, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
            body: JSON.stringify({ query: op.query }),
          });
          const body = (await response.json()) as { errors?: { message: string }[]; data?: unknown };
          if (body.errors?.length) throw new Error(`HTTP ${response.status}: ${body.errors[0].message}`);
          return JSON.stringify(body).length;
        };
        try {
          let bytes = 0;
          for (let i = 0; i < HTTP_WARMUP; i++) bytes = await send();
          const samples: number[] = [];
          for (let i = 0; i < HTTP_RUNS; i++) samples.push((await time(send)).ms);
          const s = stats(samples);
          rows.push([op.label, String(s.n), ms(s.median), ms(s.p95), ms(s.min), ms(s.max), String(bytes)]);
        } catch (e) {
          rows.push([op.label, '0', 'error', '-', '-', '-', '-']);
          results.push(`  ${op.label}: ${(e as Error).message}`);
        }
      }
      loadTable = await loadFigures(uncachedUrl, LOAD_SECONDS, log);
      queryTables = await queryBenchmark({ driver, database, oursUrl: url, uncachedUrl, syntheticRows: SYNTHETIC_ROWS, rounds: QUERY_ROUNDS, log, table });
    } finally {
      await app.stop();
      await uncachedApp.stop();
    }

    const out: string[] = [];
    out.push(`llm-lineage bench (Node ${process.version}, Neo4j ${fromEnv ? 'from NEO4J_URI' : 'embedded, fresh data folder'})`);
    out.push('');
    out.push(
      table(
        ['step', 'runs', 'median ms', 'p95 ms', 'min ms', 'max ms', 'size'],
        [
          ['parse → graph (data/corpus)', String(parse.n), ms(parse.median), ms(parse.p95), ms(parse.min), ms(parse.max), `${graph.nodes.length} nodes / ${graph.edges.length} edges`],
          ['  first parse (cold)', '1', ms(first.ms), '-', '-', '-', ''],
          [fromEnv ? 'loadGraph, first of this run' : 'loadGraph, first (empty db)', '1', ms(firstLoad.ms), '-', '-', '-', `${firstLoad.value.nodes} nodes / ${firstLoad.value.relationships} rels`],
          ['loadGraph, re-run (no change)', String(reload.n), ms(reload.median), ms(reload.p95), ms(reload.min), ms(reload.max), ''],
        ],
      ),
    );
    out.push('');
    out.push(table(['GraphQL operation (POST, 127.0.0.1, no answers kept)', 'runs', 'median ms', 'p95 ms', 'min ms', 'max ms', 'bytes'], rows));
    out.push('', loadTable);
    out.push('', queryTables);
    if (results.length) out.push('', 'errors:', ...results);
    console.log(out.join('\n'));
  } finally {
    await driver.close();
    await neo4j.stop();
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
  }
}

/** `npm run bench -- queries` runs steps 1–4 only, `npm run bench -- ingest` step 5 only. */
async function all(): Promise<void> {
  const only = process.argv[2];
  if (only !== undefined && only !== 'queries' && only !== 'ingest') throw new Error(`npm run bench takes no argument, "queries" or "ingest" (got ${JSON.stringify(only)})`);
  if (only !== 'ingest') await main();
  if (process.exitCode || only === 'queries') return;
  log('ingest of synthetic lists (bench/ingest.ts)');
  console.log(`\n${await ingestBench()}`);
}

all().catch((e) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exitCode = 1;
});
