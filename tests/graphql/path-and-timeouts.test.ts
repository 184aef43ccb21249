import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { denseFamily, union } from '../support/dense-family.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { testDriver } from '../support/database.js';
import { dataOf, startTestServer, type TestServer } from '../support/server.js';

/**
 * The fixture plus a family of 10 layers of 8 models, each based on every model of the layer
 * above: 8^9 (134 million) paths from its bottom to its top, none of them to Dolly.
 */
let driver: Driver;
let server: TestServer;
const TIMEOUT_MS = 10_000;

beforeAll(async () => {
  driver = testDriver();
  await loadGraph(driver, union(fixtureGraph(), denseFamily(10, 8)));
  server = await startTestServer(driver, { CYPHER_TIMEOUT_MS: String(TIMEOUT_MS) });
});
afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

describe('path', () => {
  it('between two models that are not connected is null, not a timeout, however many paths each side has', async () => {
    for (const [from, to] of [['dense-9-0', 'Dolly'], ['Dolly', 'dense-0-3'], ['dense-9-7', 'Vicuna']]) {
      const started = performance.now();
      const data = await dataOf(server, `{ path(from: "${from}", to: "${to}") { length } }`);
      expect(data.path, `${from} → ${to}`).toBeNull();
      // A generous bound: well before the timeout, which is what the old search ran into.
      expect(performance.now() - started).toBeLessThan(TIMEOUT_MS / 2);
    }
  });

  it('through an intertwined family is the shortest, against the arrows too', async () => {
    const down = await dataOf(server, '{ path(from: "dense-9-0", to: "dense-0-5") { length nodes { name } } }');
    expect(down.path.length).toBe(9);
    const up = await dataOf(server, '{ path(from: "dense-0-5", to: "dense-9-0") { length nodes { name } } }');
    expect(up.path.nodes.map((n: { name: string }) => n.name)).toEqual([...down.path.nodes.map((n: { name: string }) => n.name)].reverse());
  });

  it('over any relation between nodes the lists do not connect is null', async () => {
    const data = await dataOf(server, '{ path(from: "dense-9-0", to: "Meta", anyRelation: true) { length } }');
    expect(data.path).toBeNull();
  });
});

describe('lineage on an intertwined family', () => {
  it('walks every node once, with its distance, at any depth', async () => {
    const data = await dataOf(server, `{ lineage(name: "dense-0-0", direction: DESCENDANTS, maxDepth: 10) {
      nodes { depth } edges { source } omitted truncated } }`);
    expect(data.lineage.nodes.length).toBe(1 + 9 * 8);
    expect(data.lineage.edges.length).toBe(8 + 8 * 8 * 8);
    expect(data.lineage.nodes.filter((n: { depth: number }) => n.depth === 9).length).toBe(8);
    expect([data.lineage.omitted, data.lineage.truncated]).toEqual([0, 0]);
  });

  it('keeps the nearest nodes within maxNodes and says how many it left out', async () => {
    const data = await dataOf(server, `{ lineage(name: "dense-0-0", direction: DESCENDANTS, maxDepth: 3, maxNodes: 12) {
      nodes { name depth } edges { source target } omitted truncated } }`);
    const lineage = data.lineage;
    expect(lineage.nodes.length).toBe(12);
    expect(lineage.nodes.filter((n: { depth: number }) => n.depth <= 1).length).toBe(9);
    expect(lineage.truncated).toBe(1 + 3 * 8 - 12);
    expect(lineage.omitted).toBe(8);
    const drawn = new Set(lineage.nodes.map((n: { name: string }) => `model:${n.name}`));
    for (const e of lineage.edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
  });
});

describe('models descending from a model, on an intertwined family', () => {
  it('are found from the ancestor down, each once, within the timeout (walking up every path of each model ran into it)', async () => {
    const none = await dataOf(server, '{ models(filter: { descendsFrom: "Dolly" }) { totalCount } }');
    expect(none.models.totalCount).toBe(0);
    const family = await dataOf(server, `{ models(filter: { descendsFrom: "dense-0-0" }, first: 100) { totalCount nodes { name } } }`);
    expect(family.models.totalCount).toBe(9 * 8);
    expect(new Set(family.models.nodes.map((n: { name: string }) => n.name)).size).toBe(9 * 8);
    const unspecified = await dataOf(server, '{ models(filter: { descendsFrom: "dense-0-0", derivation: [UNSPECIFIED] }) { totalCount } }');
    expect(unspecified.models.totalCount).toBe(9 * 8);
  });
});
