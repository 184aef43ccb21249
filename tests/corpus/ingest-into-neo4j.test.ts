import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { count, testDriver } from '../support/database.js';
import { corpusGraph } from '../support/corpus.js';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.close();
});

async function databaseGraph(driver: Driver) {
  const session = driver.session();
  try {
    const nodes = await session.run('MATCH (n:Entity) RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.aliases AS aliases, size(n.provenance) AS mentions');
    const edges = await session.run('MATCH (s:Entity)-[r]->(t:Entity) RETURN r.id AS id, type(r) AS type, s.id AS source, t.id AS target, r.derivedFrom AS derivedFrom');
    return {
      nodes: nodes.records.map((r) => r.toObject()).sort((a, b) => a.id.localeCompare(b.id)),
      edges: edges.records.map((r) => r.toObject()).sort((a, b) => a.id.localeCompare(b.id)),
    };
  } finally {
    await session.close();
  }
}

describe('the bundled corpus in Neo4j', () => {
  it('holds exactly the dry-run graph: same nodes, labels, names, edges', async () => {
    const graph = await corpusGraph();
    await loadGraph(driver, graph);
    const stored = await databaseGraph(driver);
    expect(stored.nodes).toEqual(
      [...graph.nodes]
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((n) => ({ id: n.id, labels: ['Entity', n.label], name: n.name, aliases: n.aliases, mentions: n.provenance.length })),
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
    expect(again).toEqual(before);
    expect(before.nodes).toBeGreaterThan(500);
  });
});
