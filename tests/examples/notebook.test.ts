import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { testDriver } from '../support/database.js';
import { checkPython, PYTHON_SKIP_NOTE, runPython } from '../support/python.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * examples/lineage.ipynb run top to bottom, headless (nbclient), against the real server loaded
 * with the bundled corpus, as a user would run it. Any cell error fails the test; the executed
 * copy and the plots it draws are written under test-output/notebook/.
 */

const OUTPUT = path.resolve('test-output/notebook');
const PLOTS = path.join(OUTPUT, 'plots');
let available = false;
let driver: Driver;
let server: TestServer;

beforeAll(async () => {
  available = checkPython('notebook');
  if (!available) return;
  driver = testDriver();
  const { graph } = await buildGraph(['data/corpus']);
  await loadGraph(driver, graph);
  server = await startTestServer(driver);
  await rm(OUTPUT, { recursive: true, force: true });
  await mkdir(PLOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

interface Cell {
  cell_type: string;
  source: string;
  outputs?: { output_type: string; text?: string | string[]; data?: Record<string, string | string[]>; ename?: string }[];
}

/** What a cell printed (nbformat stores multi-line text as a list of lines). */
function text(cell: Cell): string {
  const joined = (t: string | string[] | undefined) => (Array.isArray(t) ? t.join('') : (t ?? ''));
  return (cell.outputs ?? []).map((o) => joined(o.text ?? o.data?.['text/plain'])).join('');
}

describe('examples/lineage.ipynb', () => {
  it('runs top to bottom without a cell error and draws its plots', async (ctx) => {
    if (!available) ctx.skip(PYTHON_SKIP_NOTE);
    const executed = path.join(OUTPUT, 'lineage.ipynb');
    const { code, stderr } = await runPython(['tests/examples/run_notebook.py', 'examples/lineage.ipynb', executed], {
      LLM_LINEAGE_URL: server.url,
      LLM_LINEAGE_PLOTS: PLOTS,
    }, 300_000);
    expect(stderr.split('\n').filter((l) => /cell \d+ failed/.test(l))).toEqual([]);
    expect(code).toBe(0);

    const cells: Cell[] = JSON.parse(await readFile(executed, 'utf8')).cells.filter((c: Cell) => c.cell_type === 'code');
    expect(cells.flatMap((c) => c.outputs ?? []).filter((o) => o.output_type === 'error')).toEqual([]);
    const all = cells.map(text).join('\n');
    expect(all).toMatch(/^Vicuna \(model:vicuna\): /m);
    expect(all).toMatch(/^based on: +.*LLaMA/m);
    expect(all).toMatch(/^descendants: .*WizardVicunaLM/m);
    expect(all).toMatch(/^ancestors: +.*LLaMA/m);
    expect(all).toMatch(/^1\d\d models$/m);
    expect(all).toMatch(/^shared ancestors: .*LLaMA/m);

    for (const plot of ['family-tree.png', 'licenses-and-contributors.png', 'releases.png', 'ancestry.png']) {
      const file = path.join(PLOTS, plot);
      expect((await stat(file)).size, plot).toBeGreaterThan(10_000);
      expect((await readFile(file)).subarray(1, 4).toString('latin1'), plot).toBe('PNG');
    }
  }, 320_000);
});
