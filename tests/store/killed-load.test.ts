import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { OPEN } from '../../ingest/load/cypher.js';
import { ingestSources } from '../../ingest/load/ingest.js';
import { buildGraph, readInputs } from '../../ingest/pipeline.js';
import { createDriver, waitForNeo4j } from '../../src/neo4j/driver.js';
import { startEmbedded, type EmbeddedNeo4j } from '../../src/neo4j/embedded.js';
import { inspectDataDir } from '../../src/neo4j/state.js';
import { syntheticList } from '../../bench/synthetic-list.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { TEST_OUTPUT } from '../support/git-history.js';
import { expectSameGraph } from '../support/same-graph.js';

/**
 * A load killed half-way, by killing the Neo4j JVM or the ingest process, leaves the previous
 * graph intact and served; the next load removes what the dead one wrote and completes. These
 * tests run their own embedded Neo4j (the shared one is not theirs to kill).
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EARLY = join(CORPUS_DIR, 'open-source-chatgpt-list-early.md');

let home: string;
let dataDir: string;
let neo4j: EmbeddedNeo4j;
let driver: Driver;
let synthetic: string;

async function start(): Promise<void> {
  neo4j = await startEmbedded({ dataDir, log: () => {} });
  driver = createDriver(neo4j.settings);
  await waitForNeo4j(driver, 60_000);
}

async function query(cypher: string, params: Record<string, unknown> = {}) {
  const session = driver.session();
  try {
    return (await session.run(cypher, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

async function served() {
  const { wholeGraph } = await import('../../src/queries/overview.js');
  const { CypherRunner } = await import('../../src/queries/runner.js');
  const { nodes, edges } = await wholeGraph(new CypherRunner(driver, { timeoutMs: 30_000 }));
  return {
    nodes: nodes.map((n) => ({ id: n.id, label: n.label, name: n.name, aliases: n.aliases, props: n.props, provenance: n.provenance })),
    edges: edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, derivedFrom: e.derivedFrom, provenance: e.provenance })),
  };
}

/** Nothing left of an unfinished load: no version from after the current generation, none retired by one. */
async function leftovers(): Promise<number> {
  const [row] = await query(
    `MATCH (m:LineageStore) WITH m.current AS g
     OPTIONAL MATCH (n:Entity) WHERE n.gFrom > g OR (n.gTo > g AND n.gTo < $open)
     WITH g, count(n) AS nodes
     OPTIONAL MATCH ()-[r]->() WHERE r.gFrom > g OR (r.gTo > g AND r.gTo < $open)
     WITH nodes, count(r) AS relationships
     RETURN nodes + relationships AS n`,
    { open: OPEN },
  );
  return Number(row.n);
}

beforeAll(async () => {
  home = await mkdtemp(join(TEST_OUTPUT, 'killed-load-'));
  dataDir = join(home, 'neo4j');
  synthetic = join(home, 'synthetic.md');
  await writeFile(synthetic, syntheticList(3000).text);
  await start();
  await ingestSources(driver, { add: await readInputs([EARLY]) });
}, 240_000);
afterAll(async () => {
  await driver?.close();
  await neo4j?.stop();
  await rm(home, { recursive: true, force: true });
});

describe('a load killed half-way', () => {
  it('by killing the Neo4j JVM leaves the previous graph, served again after a restart; the next load completes', async () => {
    const before = await served();
    const list = await readInputs([synthetic]);
    let killed = false;
    const load = ingestSources(driver, { add: list }, {
      batchSize: 2000,
      onBatch: async (done) => {
        if (done === 2) {
          // Readers still see the previous generation in the middle of a load.
          expect((await served()).nodes.length).toBe(before.nodes.length);
        }
        if (done === 4) {
          const state = await inspectDataDir(dataDir);
          if (state.kind !== 'ready' || !state.state.pid) throw new Error('the test\'s own Neo4j is not running');
          process.kill(state.state.pid, 'SIGKILL');
          killed = true;
          // The load fails at its next batch instead of retrying against a dead server for 30 s.
          await driver.close();
        }
      },
    });
    await expect(load).rejects.toThrow();
    expect(killed).toBe(true);
    await neo4j.exited;
    await neo4j.stop();

    await start();
    expect(await served()).toEqual(before);
    expect(await leftovers()).toBeGreaterThan(0);

    await ingestSources(driver, { add: list });
    expect(await leftovers()).toBe(0);
    expectSameGraph(await served(), (await buildGraph([EARLY, synthetic])).graph);
  }, 300_000);

  it('by killing the ingest process leaves the previous graph; the next ingest removes what it wrote and completes', async () => {
    const before = await served();
    const [{ current }] = await query('MATCH (m:LineageStore) RETURN m.current AS current');
    await writeFile(synthetic, syntheticList(3000, 7).text);
    const child = spawn(process.execPath, ['--import', 'tsx', 'ingest/cli.ts', synthetic], {
      cwd: ROOT,
      // Small batches: the load has many, so it is surely killed between two.
      env: { ...process.env, NEO4J_URI: neo4j.settings.uri, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: '', INGEST_BATCH_ROWS: '500' },
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Killed once it has committed some of its batches, well before it could switch.
    for (;;) {
      const [row] = await query('MATCH (m:LineageStore) RETURN m.pending AS pending, m.batchesDone AS done, m.current AS current');
      expect(Number(row.current)).toBe(Number(current));
      if (row.pending && Number(row.done) >= 3) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;

    const [row] = await query('MATCH (m:LineageStore) RETURN m.pending AS pending, m.current AS current');
    expect(Number(row.current)).toBe(Number(current));
    expect(row.pending).toBeTruthy();
    expect(await served()).toEqual(before);
    expect(await leftovers()).toBeGreaterThan(0);

    const logged: string[] = [];
    await ingestSources(driver, { add: await readInputs([synthetic]) }, { log: (m) => logged.push(m) });
    expect(logged).toContain('the previous load did not finish; removing what it wrote');
    expect(await leftovers()).toBe(0);
    expectSameGraph(await served(), (await buildGraph([EARLY, synthetic])).graph);
  }, 300_000);
});
