import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { createApollo } from '../../src/graphql/apollo.js';
import { CurrentGeneration } from '../../src/queries/current-generation.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { testDriver } from '../support/database.js';
import { execute } from '../support/execute.js';

/**
 * The Cypher round trips of each representative request, pinned: a request whose selection is
 * known up front is one query, and every further level of nesting at most one batched query.
 * Before issue 10: 4, 5, 4, 1 and 4.
 */
let driver: Driver;
const apollo = createApollo(serverConfigFromEnv({}));

beforeAll(async () => {
  driver = testDriver();
  await loadGraph(driver, fixtureGraph());
  await apollo.start();
});
afterAll(async () => {
  await apollo.stop();
  await driver?.close();
});

async function queriesOf(query: string): Promise<{ executed: string[]; data: any }> {
  const { executed, data, errors } = await execute(apollo, driver, { query });
  expect(errors).toBeUndefined();
  return { executed, data };
}

describe('Cypher round trips of the representative requests', () => {
  it('besides its queries, a request reads the current generation once (the view it reads, the key of its cached answer)', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000 });
    const query = '{ a: model(name: "vicuna") { name derivatives { name } } b: search(query: "alpaca") { name } c: lineage(name: "LLaMA") { nodes { id } } }';
    const { executed } = await execute(apollo, driver, { query }, { current });
    expect(executed.sort()).toEqual(['lineageByName', 'nodeByName', 'search']);
    expect(current.reads).toBe(1);
  });

  it('a look-up with its relations is one query', async () => {
    const { executed, data } = await queriesOf('{ model(name: "vicuna") { name basedOn { name } contributors { name } derivatives { name } } }');
    expect(executed).toEqual(['nodeByName']);
    expect(data.model).toEqual({
      name: 'Vicuna',
      basedOn: [{ name: 'LLaMA-13B' }],
      contributors: [{ name: 'Stanford' }, { name: 'UC Berkley' }],
      derivatives: [{ name: 'WizardVicunaLM' }],
    });
  });

  it('a look-up that shows provenance and facts is still one query', async () => {
    const { executed, data } = await queriesOf(`{ model(name: "vicuna") { aliases url mainFeature sources { line }
      baseLinks { model { name releaseDate } derivation { kinds methods } relation { sources { line } } } } }`);
    expect(executed).toEqual(['nodeByName']);
    expect(data.model.sources).toEqual([{ line: 12 }]);
    expect(data.model.baseLinks).toEqual([{ model: { name: 'LLaMA-13B', releaseDate: null }, derivation: { kinds: ['FINETUNE'], methods: [] }, relation: { sources: [{ line: 2 }] } }]);
  });

  it('a lineage graph is one query whatever its depth, omitted included', async () => {
    for (const depth of [1, 3, 10]) {
      const { executed } = await queriesOf(`{ lineage(name: "LLaMA", direction: BOTH, maxDepth: ${depth}, attach: [FROM_CONTRIBUTOR]) {
        nodes { id name depth } edges { source target sources { line } } omitted } }`);
      expect(executed).toEqual(['lineageByName']);
    }
  });

  it('a path is one query, both names included', async () => {
    const { executed, data } = await queriesOf('{ path(from: "WizardVicunaLM", to: "LLaMA") { length nodes { name } } }');
    expect(executed).toEqual(['shortestPath']);
    expect(data.path.length).toBe(3);
  });

  it('a search is one query', async () => {
    expect((await queriesOf('{ search(query: "vicuna") { name kind score node { id } } }')).executed).toEqual(['search']);
  });

  it('a models page with its relations and its count is one query', async () => {
    const { executed, data } = await queriesOf('{ models(first: 100) { totalCount nodes { name basedOn { name } contributors { name } } } }');
    expect(executed).toEqual(['modelsPage']);
    expect(data.models.totalCount).toBe(9);
  });

  it('each further level of relations is one batched query, whatever the number of parents', async () => {
    const { executed } = await queriesOf('{ models(first: 100) { nodes { derivatives { contributors { name } basedOn { name } } } } }');
    expect(executed.sort()).toEqual(['modelsPage', 'neighbours', 'neighbours']);
  });

  it('a page of a hub, its count and its relations counted by type are one query each after the look-up', async () => {
    const { executed, data } = await queriesOf(`{ model(name: "llama") { relationCounts { type direction count }
      derivativesConnection(first: 1) { totalCount nodes { name } } descendantsConnection(first: 2) { totalCount nodes { depth model { name } } } } }`);
    expect(executed.sort()).toEqual(['derivativesPage', 'descendantsPage', 'nodeByName', 'relationCountsOf']);
    expect(data.model.derivativesConnection).toEqual({ totalCount: 2, nodes: [{ name: 'Alpaca' }] });
    expect(data.model.descendantsConnection.totalCount).toBe(5);
    expect(data.model.relationCounts[0]).toEqual({ type: 'BASED_ON', direction: 'INCOMING', count: 2 });
  });

  it('a field a partial node does not hold is read whole, once for all of them', async () => {
    const { executed, data } = await queriesOf('{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 1) { nodes { name node { aliases } } } }');
    expect(executed).toEqual(['lineageByName']);
    expect(data.lineage.nodes[0]).toEqual({ name: 'LLaMA', node: { aliases: ['Llama', 'LLaMA2'] } });
    const nested = await queriesOf('{ model(name: "llama") { derivatives { name } d2: derivatives { name aliases } } }');
    expect(nested.executed).toEqual(['nodeByName']);
    expect(nested.data.model.d2[0]).toEqual({ name: 'Alpaca', aliases: [] });
  });
});
