import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { checkGraph } from '../../ingest/load/check.js';
import { checkServerVersion } from '../../ingest/load/server-version.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { count, testDriver } from '../support/database.js';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

describe('loadGraph', () => {
  it('writes every node and edge, and a second run changes nothing', async () => {
    const graph = fixtureGraph();
    const first = await loadGraph(driver, graph);
    expect(first).toEqual({ nodes: graph.nodes.length, relationships: graph.edges.length });
    const before = await count(driver);
    const second = await loadGraph(driver, graph);
    expect(second).toEqual(first);
    expect(await count(driver)).toEqual(before);
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
  });

  it('leaves the graph as it was when a write fails part-way', async () => {
    const graph = fixtureGraph();
    await loadGraph(driver, graph);
    const before = await count(driver);
    const broken = fixtureGraph();
    broken.nodes[0].name = 'Renamed LLaMA';
    // Neo4j cannot store a map as a property: the write fails inside the transaction.
    broken.nodes[broken.nodes.length - 1].props = { nested: { not: 'storable' } } as never;
    await expect(loadGraph(driver, broken)).rejects.toThrow();
    expect(await count(driver)).toEqual(before);
    const session = driver.session();
    try {
      const names = await session.run('MATCH (n:Entity {id: $id}) RETURN n.name AS name', { id: 'model:llama' });
      expect(names.records[0].get('name')).toBe('LLaMA');
    } finally {
      await session.close();
    }
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
