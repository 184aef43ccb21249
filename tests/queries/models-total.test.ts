import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { modelsPage } from '../../src/queries/models.js';
import { CypherRunner } from '../../src/queries/runner.js';
import { emptyDatabase, testDriver } from '../support/database.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { NO_FILTER } from '../support/model-filter.js';

/**
 * The total of an unfiltered `models` page is the count a load kept on its generation
 * (ingest/load/cypher.ts COUNT_MODELS), and a count of the models where none was kept.
 */
let driver: Driver;
let generation: number;
const runner = () => new CypherRunner(driver, { database: inject('neo4j').database, timeoutMs: 20_000 });
const total = async (view?: { asOf: string | null; generation: number | null }) => (await modelsPage(runner(), NO_FILTER, 'NAME', 0, 1, { view })).total;
const modelsOfFixture = fixtureGraph().nodes.filter((n) => n.label === 'Model').length;

async function run(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const session = driver.session({ database: inject('neo4j').database });
  try {
    return (await session.run(cypher, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

beforeAll(async () => {
  driver = testDriver();
  await emptyDatabase(driver);
  generation = (await loadGraph(driver, fixtureGraph())).generation;
}, 120_000);
afterAll(async () => {
  await driver?.close();
});

describe('the total of an unfiltered models page', () => {
  it('is kept by the load on the generation it wrote', async () => {
    const [{ models }] = await run('MATCH (g:Generation {number: $g}) RETURN g.models AS models', { g: generation });
    expect(models).toBe(modelsOfFixture);
    expect(await total()).toBe(modelsOfFixture);
  });

  it('is read from the generation, not counted, and counted where a generation has none or the view is dated', async () => {
    await run('MATCH (g:Generation {number: $g}) SET g.models = 12345', { g: generation });
    try {
      expect(await total()).toBe(12345);
      expect(await total({ asOf: '2999-01-01T00:00:00.000Z', generation: null })).toBe(modelsOfFixture);
      await run('MATCH (g:Generation {number: $g}) REMOVE g.models', { g: generation });
      expect(await total()).toBe(modelsOfFixture);
    } finally {
      await run('MATCH (g:Generation {number: $g}) SET g.models = $n', { g: generation, n: modelsOfFixture });
    }
  });

  it('is still counted when a filter is set', async () => {
    const page = await modelsPage(runner(), { ...NO_FILTER, contributor: 'stanford' }, 'NAME', 0, 10);
    expect(page.total).toBe(page.nodes.length);
    expect(page.total).toBeLessThan(modelsOfFixture);
  });
});
