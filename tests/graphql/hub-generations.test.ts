import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { createApollo } from '../../src/graphql/apollo.js';
import { union } from '../support/dense-family.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { hubGraph } from '../support/hub-graph.js';
import { testDriver } from '../support/database.js';
import { execute } from '../support/execute.js';

/**
 * The single-statement reads see one generation of the store: a hub of 300 derivatives loaded in
 * January, then the same lists with 100 of them gone in June. Today's answers count 200, the
 * graph as of March 300, through the look-up with its relations, the hub's pages and counts, the
 * models filter and the lineage walk, each still the queries it was.
 */
let driver: Driver;
const apollo = createApollo(serverConfigFromEnv({}));
const MARCH = '2024-03-01T00:00:00.000Z';

beforeAll(async () => {
  driver = testDriver();
  await loadGraph(driver, union(fixtureGraph(), hubGraph(300)), { date: '2024-01-01T00:00:00.000Z' });
  await loadGraph(driver, union(fixtureGraph(), hubGraph(200)), { date: '2024-06-01T00:00:00.000Z' });
  await apollo.start();
}, 120_000);
afterAll(async () => {
  await apollo.stop();
  await driver?.close();
});

async function run(query: string): Promise<{ executed: string[]; data: any }> {
  const { executed, data, errors } = await execute(apollo, driver, { query });
  expect(errors).toBeUndefined();
  return { executed, data };
}

const hub = (asOf: string) => `model(name: "Hub-Base"${asOf}) {
  derivatives { id } relationCounts { type direction count }
  derivativesConnection(first: 100) { totalCount } descendantsConnection(maxDepth: 2, first: 1) { totalCount } }`;

describe('hub reads on a store with two generations', () => {
  it('count and page the current generation, or the graph as of a date', async () => {
    const now = await run(`{ ${hub('')} }`);
    const then = await run(`{ ${hub(`, asOf: "${MARCH}"`)} }`);
    for (const [{ data }, size] of [[now, 200], [then, 300]] as const) {
      expect(data.model.derivatives.length).toBe(size);
      expect(data.model.relationCounts).toContainEqual({ type: 'BASED_ON', direction: 'INCOMING', count: size });
      expect(data.model.derivativesConnection.totalCount).toBe(size);
      expect(data.model.descendantsConnection.totalCount).toBe(size + size / 100);
    }
    expect(then.executed.sort()).toEqual(['derivativesPage', 'descendantsPage', 'nodeByName', 'relationCountsOf']);
  });

  it('filter models and walk lineage in the generation asked for, in one query each', async () => {
    const { data, executed } = await run(`{
      now: models(filter: { basedOn: "Hub-Base" }) { totalCount }
      then: models(filter: { basedOn: "Hub-Base" }, asOf: "${MARCH}") { totalCount }
      family: models(filter: { descendsFrom: "Hub-Base" }, asOf: "${MARCH}") { totalCount }
      lineage(name: "Hub-Base", direction: DESCENDANTS, maxDepth: 1, asOf: "${MARCH}") { nodes { id } }
    }`);
    expect([data.now.totalCount, data.then.totalCount, data.family.totalCount]).toEqual([200, 300, 303]);
    expect(data.lineage.nodes.length).toBe(301);
    expect(executed.sort()).toEqual(['lineageByName', 'modelsPage', 'modelsPage', 'modelsPage']);
  });
});
