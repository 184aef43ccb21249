/**
 * Step 4 of `npm run bench`: the query benchmark (bench/contenders.ts) on the bundled corpus and
 * on synthetic graphs (bench/synthetic-graph.ts, BENCH_SYNTHETIC_ROWS, 1,000 and 100,000 rows by
 * default), with the database hits of a name look-up at each size. Each graph replaces the one
 * before in the benchmark's database.
 */
import type { Driver } from 'neo4j-driver';
import { nameKey } from '../ingest/graph/name-key.js';
import { nameParams, nodeByNameQuery } from '../src/queries/nodes.js';
import { CURRENT_GENERATION } from '../src/queries/current-generation.js';
import { END_OF_TIME } from '../src/queries/view.js';
import { CONTENDER_HEADERS, contenderTable } from './contenders.js';
import { startNeo4jGraphQL } from './neo4j-graphql.js';
import { probes, type ProbeNames } from './probes.js';
import { syntheticGraph } from './synthetic-graph.js';
import { writeGraph } from './synthetic-load.js';

const CORPUS_NAMES: ProbeNames = { model: 'vicuna', hub: 'LLaMA', pathFrom: 'WizardVicunaLM', pathTo: 'LLaMA', search: 'vicuna' };
const SYNTHETIC_NAMES: ProbeNames = { model: 'Probe-Vicuna', hub: 'Hub-Base', pathFrom: 'Probe-Wizard', pathTo: 'Probe-LLaMA', search: 'probe vicuna' };

/** Database hits of the name look-up, from Neo4j's profile. */
async function lookupHits(driver: Driver, database: string | undefined, name: string): Promise<number> {
  const session = driver.session({ database });
  try {
    const key = nameKey(name);
    const g = (await session.run(CURRENT_GENERATION.cypher)).records[0].get('g');
    const result = await session.run(`PROFILE ${nodeByNameQuery({ out: [], in: [] }).cypher}`, {
      ...nameParams(key, ['Model']), wholeNode: true, fullNodes: false, fullEdges: false, g, seenBy: END_OF_TIME,
    });
    const hits = (p: any): number => (p.dbHits ?? 0) + (p.children ?? []).reduce((s: number, c: any) => s + hits(c), 0);
    return hits(result.summary.profile);
  } finally {
    await session.close();
  }
}

async function graphSize(driver: Driver, database: string | undefined): Promise<string> {
  const session = driver.session({ database });
  try {
    const r = await session.run('MATCH (n:Entity) WITH count(n) AS nodes MATCH ()-[r]->() RETURN nodes, count(r) AS rels');
    return `${Number(r.records[0].get('nodes'))} nodes / ${Number(r.records[0].get('rels'))} relationships`;
  } finally {
    await session.close();
  }
}

export interface QueryBenchOptions {
  driver: Driver;
  database: string | undefined;
  oursUrl: string;
  uncachedUrl: string;
  syntheticRows: number[];
  rounds: number;
  log: (m: string) => void;
  table: (headers: string[], rows: string[][]) => string;
}

export async function queryBenchmark(o: QueryBenchOptions): Promise<string> {
  const neo = await startNeo4jGraphQL(o.driver, o.database);
  const out: string[] = [];
  try {
    const graphs: { label: string; names: ProbeNames; load?: () => Promise<void> }[] = [
      { label: 'the bundled corpus', names: CORPUS_NAMES },
      ...o.syntheticRows.map((rows) => ({
        label: `a synthetic graph of ${rows} rows`,
        names: SYNTHETIC_NAMES,
        load: async () => {
          o.log(`writing the synthetic graph of ${rows} rows`);
          await writeGraph(o.driver, syntheticGraph(rows), o.database, o.log);
        },
      })),
    ];
    for (const graph of graphs) {
      await graph.load?.();
      const size = await graphSize(o.driver, o.database);
      const hits = await lookupHits(o.driver, o.database, graph.names.model);
      o.log(`queries on ${graph.label} (${size})`);
      const rows = await contenderTable({ ...o, neoUrl: neo.url, probes: probes(graph.names) });
      out.push(
        `Queries on ${graph.label} (${size}); name look-up: ${hits} database hits. ${o.rounds} interleaved rounds at concurrency 1, ` +
          `${Math.max(5, Math.round(o.rounds / 8))} rounds of 16 concurrent requests at 16; latencies in ms.`,
        o.table(CONTENDER_HEADERS, rows),
        '',
      );
    }
  } finally {
    await neo.stop();
  }
  return out.join('\n');
}
