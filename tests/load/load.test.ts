import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { checkGraph } from '../../ingest/load/check.js';
import { checkServerVersion } from '../../ingest/load/server-version.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { nodesByIds } from '../../src/queries/nodes.js';
import { count, snapshot, testDriver, testRunner, visibleGraph } from '../support/database.js';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

describe('loadGraph', () => {
  it('writes every node and edge, and a second run writes nothing at all', async () => {
    const graph = fixtureGraph();
    const first = await loadGraph(driver, graph);
    expect(first).toMatchObject({ nodes: graph.nodes.length, relationships: graph.edges.length });
    expect((await visibleGraph(driver)).nodes.map((n) => n.id)).toEqual(graph.nodes.map((n) => n.id).sort());
    const before = await snapshot(driver);
    const second = await loadGraph(driver, graph);
    expect(second).toMatchObject({ changed: false, generation: first.generation, nodes: first.nodes, relationships: first.relationships });
    expect(await snapshot(driver)).toBe(before);
  });

  it('removes what the new graph no longer states', async () => {
    const graph = fixtureGraph();
    await loadGraph(driver, graph);
    const smaller = {
      nodes: graph.nodes.filter((n) => n.id !== 'model:dolly'),
      edges: graph.edges.filter((e) => e.source !== 'model:dolly'),
    };
    const result = await loadGraph(driver, smaller);
    expect(result.nodes).toBe(graph.nodes.length - 1);
    expect(result.relationships).toBe(graph.edges.length - 2);
    expect(result.summary.nodes).toEqual({ added: 0, removed: 1, changed: 0 });
    expect(result.summary.edges).toEqual({ added: 0, removed: 2, changed: 0 });
    expect((await visibleGraph(driver)).nodes.map((n) => n.id)).not.toContain('model:dolly');
  });

  it('leaves the graph as it was when a write fails part-way', async () => {
    const graph = fixtureGraph();
    await loadGraph(driver, graph);
    const before = await count(driver);
    const broken = fixtureGraph();
    broken.nodes[0].name = 'Renamed LLaMA';
    // Neo4j cannot store a map as a property: the write fails inside the transaction.
    broken.nodes[broken.nodes.length - 1].props = { nested: { not: 'storable' } } as never;
    const seen = await visibleGraph(driver);
    await expect(loadGraph(driver, broken)).rejects.toThrow();
    expect(await count(driver)).toEqual(before);
    expect(await visibleGraph(driver)).toEqual(seen);
    const llama = await nodesByIds(testRunner(driver), ['model:llama']);
    expect(llama.get('model:llama')?.name).toBe('LLaMA');
  });
});

describe('checkGraph', () => {
  it('names the edge whose end is missing', () => {
    const graph = fixtureGraph();
    graph.edges.push({ ...graph.edges[0], id: 'BASED_ON:model:x->model:nowhere', target: 'model:nowhere' });
    expect(() => checkGraph(graph)).toThrow(/BASED_ON:model:x->model:nowhere: no node with id model:nowhere/);
  });

  it('refuses an id used twice', () => {
    const graph = fixtureGraph();
    graph.nodes.push({ ...graph.nodes[0] });
    expect(() => checkGraph(graph)).toThrow(/model:llama: id used twice/);
  });
});

describe('checkServerVersion', () => {
  it('accepts 5.26 and later, calendar versions included', () => {
    for (const v of ['5.26.0', '5.26.30', '5.27.1', '2025.01.0', '2025.10.1']) expect(() => checkServerVersion(v)).not.toThrow();
  });

  it('refuses older servers with a message that says what is needed', () => {
    expect(() => checkServerVersion('5.25.1')).toThrow('Neo4j 5.25.1 is too old: llm-lineage needs Neo4j 5.26 or later');
    expect(() => checkServerVersion('4.4.30')).toThrow(/too old/);
    expect(() => checkServerVersion('banana')).toThrow(/Cannot read the Neo4j server version/);
  });
});
