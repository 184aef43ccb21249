/**
 * Ingest figures (`npm run bench`, or `npm run bench -- ingest` for these alone): synthetic lists
 * (bench/synthetic-list.ts) of 1k, 10k and 100k rows, each
 *
 *  - dry-run: parse → graph, as `npm run ingest -- --dry-run`;
 *  - load: the store's load of that graph into an empty database, and the same load again (which
 *    changes nothing and must write nothing);
 *  - floor: a hand-written UNWIND MERGE of the same graph (bench/floor-load.ts);
 *
 * every step in a process of its own (its peak memory is its own), the load and the floor
 * interleaved in one run on one fresh embedded Neo4j, in alternating order, each into an emptied
 * database, after checking they wrote the same graph. Figures are printed, never asserted.
 * BENCH_INGEST_SIZES (e.g. `1000,10000`) and BENCH_INGEST_RUNS (runs per size; default 5, 3, 1)
 * narrow it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { createDriver, waitForNeo4j } from '../src/neo4j/driver.js';
import { startEmbedded } from '../src/neo4j/embedded.js';
import { syntheticList } from './synthetic-list.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const CHILD = join(ROOT, 'bench', 'ingest-child.ts');
const log = (m: string) => process.stderr.write(`[bench ingest] ${m}\n`);

interface ChildResult {
  mode: string;
  buildMs: number;
  loadMs?: number;
  rerunMs?: number;
  nodes: number;
  edges: number;
  peakMB: number;
  written?: { nodes: number; relationships: number; rerunChanged?: boolean };
}

async function child(args: string[]): Promise<ChildResult> {
  const { stdout } = await run(TSX, [CHILD, ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NEO4J_URI: '' } });
  return JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
}

/**
 * Empties the database between loads, in bounded transactions: relationships first, then nodes
 * (a DETACH DELETE of 5,000 nodes of the 100k graph, hubs with thousands of relationship
 * versions among them, passed the embedded Neo4j's transaction memory pool).
 */
async function empty(driver: Driver): Promise<void> {
  // One small transaction a batch, from here: a single CALL … IN TRANSACTIONS statement still ran
  // under the driver's transaction timeout as a whole and was stopped at 100k rows.
  const session = driver.session();
  try {
    for (const cypher of ['MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*) AS n', 'MATCH (n) WITH n LIMIT 10000 DELETE n RETURN count(*) AS n']) {
      for (;;) {
        const result = await session.executeWrite((tx) => tx.run(cypher));
        if (Number(result.records[0].get('n')) === 0) break;
      }
    }
  } finally {
    await session.close();
  }
}

/** What the store's readers see and what the floor wrote, as (type, source, target) edges and node ids: the two must match. */
async function writtenGraph(driver: Driver, which: 'store' | 'floor'): Promise<string> {
  const session = driver.session();
  try {
    const cypher =
      which === 'store'
        ? `MATCH (m:LineageStore) WITH m.current AS g
           MATCH (s:Entity)-[r]->(t:Entity) WHERE r.gFrom <= g AND g < r.gTo
           WITH collect(type(r) + ' ' + s.id + ' ' + t.id) AS edges, g
           MATCH (n:Entity) WHERE n.gFrom <= g AND g < n.gTo
           RETURN edges, collect(n.id + ' ' + n.name) AS nodes`
        : `MATCH (s:FloorNode)-[r]->(t:FloorNode)
           WITH collect(type(r) + ' ' + s.id + ' ' + t.id) AS edges
           MATCH (n:FloorNode) RETURN edges, collect(n.id + ' ' + n.name) AS nodes`;
    const row = (await session.run(cypher)).records[0];
    const sorted = (k: string) => [...(row.get(k) as string[])].sort().join('\n');
    return `${sorted('nodes')}\n--\n${sorted('edges')}`;
  } finally {
    await session.close();
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}
function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length / 2;
  return s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
}
const p99 = (values: number[]) => quantile([...values].sort((a, b) => a - b), 0.99);
const sec = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export async function ingestBench(): Promise<string> {
  const sizes = (process.env.BENCH_INGEST_SIZES ?? '1000,10000,100000').split(',').map(Number).filter((n) => n > 0);
  const runsFor = (n: number) => Number(process.env.BENCH_INGEST_RUNS ?? (n <= 1000 ? 5 : n <= 10_000 ? 3 : 1));
  const dir = await mkdtemp(join(tmpdir(), 'llm-lineage-bench-ingest-'));
  const neo4j = await startEmbedded({ dataDir: join(dir, 'neo4j'), log: () => {} });
  const driver = createDriver(neo4j.settings);
  const rows: string[][] = [];
  const notes: string[] = [];
  const medians = new Map<number, { dry: number; load: number }>();
  try {
    await waitForNeo4j(driver, 60_000);
    for (const size of sizes) {
      const list = syntheticList(size);
      const file = join(dir, `synthetic-${size}.md`);
      await writeFile(file, list.text);
      const runs = runsFor(size);
      log(`${size} rows (${(list.text.length / 1e6).toFixed(1)} MB, ${list.bases} bases, depth ${list.maxDepth}): ${runs} run(s) of dry-run, load and floor`);
      const dry: ChildResult[] = [];
      const load: ChildResult[] = [];
      const floor: ChildResult[] = [];
      const written = { load: '', floor: '' };
      for (let r = 0; r < runs; r++) {
        dry.push(await child(['dry-run', file]));
        log(`  dry-run: ${JSON.stringify(dry[dry.length - 1])}`);
        // Load and floor alternate which goes first, each into an emptied database.
        for (const mode of r % 2 ? (['floor', 'load'] as const) : (['load', 'floor'] as const)) {
          await empty(driver);
          const result = await child([mode, file, neo4j.settings.uri]);
          log(`  ${mode}: ${JSON.stringify(result)}`);
          (mode === 'load' ? load : floor).push(result);
          if (r === 0) written[mode] = await writtenGraph(driver, mode === 'load' ? 'store' : 'floor');
        }
      }
      const same = written.load === written.floor;
      if (!same) notes.push(`${size} rows: the load and the floor wrote DIFFERENT graphs; their ratio means nothing`);
      if (load.some((l) => l.written?.rerunChanged)) notes.push(`${size} rows: the re-run of the load CHANGED something`);
      const d = dry.map((x) => x.buildMs);
      const l = load.map((x) => x.loadMs!);
      const f = floor.map((x) => x.loadMs!);
      const re = load.map((x) => x.rerunMs!);
      medians.set(size, { dry: median(d), load: median(l) });
      const graphSize = `${dry[0].nodes} nodes / ${dry[0].edges} edges`;
      rows.push([`${size} dry-run`, String(runs), sec(median(d)), sec(p99(d)), `${Math.max(...dry.map((x) => x.peakMB))}`, '', graphSize]);
      rows.push([`${size} load (store)`, String(runs), sec(median(l)), sec(p99(l)), `${Math.max(...load.map((x) => x.peakMB))}`, (median(l) / median(f)).toFixed(2), same ? 'same graph as floor' : 'DIFFERENT graph']);
      rows.push([`${size} load (floor)`, String(runs), sec(median(f)), sec(p99(f)), `${Math.max(...floor.map((x) => x.peakMB))}`, '1.00', '']);
      rows.push([`${size} re-run, no change`, String(runs), sec(median(re)), sec(p99(re)), '', `${(median(re) / median(l)).toFixed(3)} of load`, load.every((x) => x.written?.rerunChanged === false) ? 'wrote nothing' : 'WROTE']);
      // Each size's figures as soon as they are known: a long run that fails later keeps them.
      log(rows.slice(-4).map((r) => r.filter(Boolean).join(' | ')).join('\n'));
    }
  } finally {
    await driver.close();
    await neo4j.stop();
    await rm(dir, { recursive: true, force: true });
  }
  const out = [
    `Ingest of synthetic lists (Node ${process.version}, embedded Neo4j 5.26, fresh data folder; each step its own process; peak = its maximum resident set)`,
    '',
    table(['step', 'runs', 'median s', 'p99 s', 'peak MB', 'ratio to floor', ''], rows),
  ];
  const ten = medians.get(10_000);
  const hundred = medians.get(100_000);
  if (ten && hundred) {
    out.push('', `10k → 100k time ratio: dry-run ${(hundred.dry / ten.dry).toFixed(1)}, load ${(hundred.load / ten.load).toFixed(1)}`);
  }
  const problems = notes.filter((n) => /DIFFERENT|CHANGED/.test(n));
  if (problems.length) out.push('', ...problems);
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  ingestBench().then(
    (text) => console.log(text),
    (e) => {
      console.error(e instanceof Error ? (e.stack ?? e.message) : e);
      process.exitCode = 1;
    },
  );
}
