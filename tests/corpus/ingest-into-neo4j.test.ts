import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { count, emptyDatabase, testDriver, visibleGraph } from '../support/database.js';
import { corpusGraph } from '../support/corpus.js';

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await emptyDatabase(driver);
});
afterAll(async () => {
  await driver.close();
});

describe('the bundled corpus in Neo4j', () => {
  it('holds exactly the dry-run graph: same nodes, labels, names, edges', async () => {
    const graph = await corpusGraph();
    await loadGraph(driver, graph);
    const stored = await visibleGraph(driver);
    expect(stored.nodes).toEqual(
      [...graph.nodes]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((n) => ({ id: n.id, labels: ['Entity', n.label].sort(), name: n.name, aliases: n.aliases, mentions: n.provenance.length })),
    );
    expect(stored.edges).toEqual(
      [...graph.edges]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, derivedFrom: e.derivedFrom })),
    );
  });

  it('is unchanged by a second ingest', async () => {
    const graph = await corpusGraph();
    await loadGraph(driver, graph);
    const before = await count(driver);
    const again = await loadGraph(driver, graph);
    expect(await count(driver)).toEqual(before);
    expect(again).toMatchObject({ changed: false, nodes: graph.nodes.length, relationships: graph.edges.length });
    expect(again.nodes).toBeGreaterThan(500);
  });
});
