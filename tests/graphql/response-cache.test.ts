import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { Graph } from '../../ingest/graph/types.js';
import { loadGraph } from '../../ingest/load/load.js';
import type { ApolloServer } from '@apollo/server';
import { serverConfigFromEnv, type ServerConfig } from '../../src/config/server-config.js';
import { createApollo } from '../../src/graphql/apollo.js';
import { createContext, type Context } from '../../src/graphql/context.js';
import { CurrentGeneration } from '../../src/queries/current-generation.js';
import { emptyDatabase, testDriver } from '../support/database.js';
import { execute } from '../support/execute.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { HeldReads } from '../support/held-reads.js';
import { dataOf, startTestServer, type TestServer } from '../support/server.js';

/**
 * Answers kept per generation (src/graphql/plugins/response-cache.ts): a request asked again is
 * served without its Cypher, and never with an answer of a graph that is no longer current.
 */
const VICUNA = '{ model(name: "vicuna") { name basedOn { name } derivatives { name } } }';

/** The fixture without WizardVicunaLM: Vicuna has no derivative left. */
function withoutWizard(): Graph {
  const graph = fixtureGraph();
  const gone = 'model:wizardvicunalm';
  return { ...graph, nodes: graph.nodes.filter((n) => n.id !== gone), edges: graph.edges.filter((e) => e.source !== gone && e.target !== gone) };
}

let driver: Driver;
let server: TestServer;
beforeAll(async () => {
  driver = testDriver();
  await emptyDatabase(driver);
  await loadGraph(driver, fixtureGraph());
  server = await startTestServer(driver);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

/** A started Apollo server with `config`, stopped after `use`. */
async function withApollo(config: ServerConfig, use: (apollo: ApolloServer<Context>) => Promise<void>): Promise<void> {
  const apollo = createApollo(config);
  await apollo.start();
  try {
    await use(apollo);
  } finally {
    await apollo.stop();
  }
}

describe('the response cache', () => {
  it('serves a request asked again without its Cypher, and reads the current generation for each request', async () => {
    await withApollo(serverConfigFromEnv({}), async (apollo) => {
      const current = new CurrentGeneration(driver, { timeoutMs: 10_000, keepMs: 0 });
      const first = await execute(apollo, driver, { query: VICUNA }, { current });
      const again = await execute(apollo, driver, { query: VICUNA }, { current });
      expect(first.executed).toEqual(['nodeByName']);
      expect(again.executed).toEqual([]);
      expect(again.data).toEqual(first.data);
      expect(current.reads).toBe(2);
      // Other variables, another answer.
      const other = await execute(apollo, driver, { query: 'query($n: String!) { model(name: $n) { name } }', variables: { n: 'alpaca' } }, { current });
      expect(other.executed).toEqual(['nodeByName']);
    });
  });

  it('answers a request asked again while the state read is kept with no round trip at all', async () => {
    await withApollo(serverConfigFromEnv({}), async (apollo) => {
      // Kept longer than the switch notice: nothing switches in this test.
      const current = new CurrentGeneration(driver, { timeoutMs: 10_000, keepMs: 60_000 });
      const first = await execute(apollo, driver, { query: VICUNA }, { current });
      const again = await execute(apollo, driver, { query: VICUNA }, { current });
      expect(first.executed).toEqual(['nodeByName']);
      expect(again.executed).toEqual([]);
      expect(again.data).toEqual(first.data);
      expect(current.reads).toBe(1);
    });
  });

  it('runs a request it has nothing for without waiting for the state read, and keeps the answer under the state that read found', async () => {
    await withApollo(serverConfigFromEnv({}), async (apollo) => {
      const current = new HeldReads(driver, { timeoutMs: 10_000 });
      await current.read();
      current.hold = true;
      const context = createContext(driver, serverConfigFromEnv({}).limits, undefined, undefined, current);
      const asked = apollo.executeOperation({ query: VICUNA }, { contextValue: context });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(current.reads).toBe(1); // the request's own read is held,
      expect(context.runner.executed).toEqual(['nodeByName']); // and its query is on its way
      current.release();
      const first = await asked;
      expect(first.body.kind === 'single' && first.body.singleResult.data).toEqual({ model: { name: 'Vicuna', basedOn: [{ name: 'LLaMA-13B' }], derivatives: [{ name: 'WizardVicunaLM' }] } });
      expect(context.runner.executed).toEqual(['nodeByName']);
      expect(current.reads).toBe(2);
      const again = await execute(apollo, driver, { query: VICUNA }, { current });
      expect(again.executed).toEqual([]);
      expect(again.data).toEqual({ model: { name: 'Vicuna', basedOn: [{ name: 'LLaMA-13B' }], derivatives: [{ name: 'WizardVicunaLM' }] } });
    });
  });

  it('gives the new answer as soon as a load switches generation', async () => {
    const before = await dataOf(server, VICUNA);
    expect(before.model.derivatives).toEqual([{ name: 'WizardVicunaLM' }]);
    expect(await dataOf(server, VICUNA)).toEqual(before);
    await loadGraph(driver, withoutWizard());
    expect((await dataOf(server, VICUNA)).model.derivatives).toEqual([]);
    await loadGraph(driver, fixtureGraph());
    expect(await dataOf(server, VICUNA)).toEqual(before);
  });

  it('tells a database emptied and loaded again from the one before, though both are at generation 1', async () => {
    await emptyDatabase(driver);
    await loadGraph(driver, fixtureGraph());
    expect((await dataOf(server, VICUNA)).model.derivatives).toEqual([{ name: 'WizardVicunaLM' }]);
    await emptyDatabase(driver);
    await loadGraph(driver, withoutWizard());
    expect((await dataOf(server, VICUNA)).model.derivatives).toEqual([]);
  });

  it('does not keep an answer with errors', async () => {
    await withApollo(serverConfigFromEnv({}), async (apollo) => {
      const query = '{ a: model(name: "vicuna") { name } b: lineage(name: "LLaMA", maxDepth: 0) { nodes { id } } }';
      for (let i = 0; i < 2; i++) {
        const { errors, executed } = await execute(apollo, driver, { query });
        expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(executed).toContain('nodeByName');
      }
    });
  });

  it('keeps nothing when RESPONSE_CACHE_MB is 0', async () => {
    await withApollo(serverConfigFromEnv({ RESPONSE_CACHE_MB: '0' }), async (apollo) => {
      for (let i = 0; i < 2; i++) expect((await execute(apollo, driver, { query: VICUNA })).executed).toEqual(['nodeByName']);
    });
  });
});
