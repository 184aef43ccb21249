import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { union } from '../support/dense-family.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { hubGraph, hubKinds } from '../support/hub-graph.js';
import { testDriver } from '../support/database.js';
import { dataOf, startTestServer, type TestServer } from '../support/server.js';

/**
 * A hub: the fixture plus a base with 10,200 derivatives (102 of them with one of their own),
 * loaded into the test database like every other test graph (the next file's load replaces it).
 */
const SIZE = 10_200;
let driver: Driver;
let server: TestServer;

beforeAll(async () => {
  driver = testDriver();
  await loadGraph(driver, union(fixtureGraph(), hubGraph(SIZE)));
  server = await startTestServer(driver);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

/** Cypher's order of the names and ids: by the lower-cased name, then the id, code unit by code unit. */
const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) => {
  const [x, y] = [a.name.toLowerCase(), b.name.toLowerCase()];
  return x < y ? -1 : x > y ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

const derivativesOfHub = () =>
  Array.from({ length: SIZE }, (_, i) => ({ id: `model:hub-ft-${i}`, name: `Hub-FT-${i}` })).sort(byNameThenId);

/** Every page of a connection field of Hub-Base, `first` at a time, from the start. */
async function walkPages(field: string, args: string, pick: string, first = 100) {
  const pages: { edges: { cursor: string; node: any }[]; pageInfo: any; totalCount: number }[] = [];
  let after: string | null = null;
  do {
    const data = await dataOf(
      server,
      `query($after: String) { model(name: "Hub-Base") { ${field}(${args} first: ${first}, after: $after) {
        totalCount edges { cursor node { ${pick} } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`,
      { after },
    );
    const page = data.model[field];
    pages.push(page);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    expect(pages.length).toBeLessThanOrEqual(SIZE / first + 3);
  } while (after);
  return pages;
}

describe('a hub with ten thousand derivatives', () => {
  it('is counted by relation type and by derivation kind without listing it', async () => {
    const data = await dataOf(server, `{ model(name: "hub base") { relationCounts { type direction count }
      derivativeKinds { kind count } derivativesConnection(first: 3) { totalCount nodes { name } pageInfo { hasNextPage } } } }`);
    expect(data.model.relationCounts).toEqual([
      { type: 'BASED_ON', direction: 'INCOMING', count: SIZE },
      { type: 'FROM_CONTRIBUTOR', direction: 'OUTGOING', count: 1 },
    ]);
    const kinds = new Map<string, number>();
    for (let i = 0; i < SIZE; i++) for (const k of hubKinds(i)) kinds.set(k, (kinds.get(k) ?? 0) + 1);
    expect(data.model.derivativeKinds).toEqual([...kinds].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count));
    expect(data.model.derivativesConnection).toEqual({
      totalCount: SIZE,
      nodes: derivativesOfHub().slice(0, 3).map((d) => ({ name: d.name })),
      pageInfo: { hasNextPage: true },
    });
  });

  it('pages through all its derivatives, each once, in name order, with stable cursors', async () => {
    const pages = await walkPages('derivativesConnection', '', 'id name');
    expect(pages.length).toBe(Math.ceil(SIZE / 100));
    expect(pages.every((p) => p.totalCount === SIZE)).toBe(true);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual(pages.map((_, i) => i > 0));
    expect(pages.flatMap((p) => p.edges.map((e) => e.node))).toEqual(derivativesOfHub());
    // A cursor given out earlier still opens the same page.
    const again = await dataOf(server, `query($after: String) { model(name: "Hub-Base") { derivativesConnection(first: 100, after: $after) {
      edges { cursor node { id name } } } } }`, { after: pages[40].pageInfo.endCursor });
    expect(again.model.derivativesConnection.edges).toEqual(pages[41].edges);
  });

  it('pages through the derivatives of one kind', async () => {
    const pages = await walkPages('derivativesConnection', 'kinds: [ADAPTER],', 'id name');
    const adapters = derivativesOfHub().filter((d) => hubKinds(Number(d.id.split('-').at(-1)))[0] === 'ADAPTER');
    expect(pages[0].totalCount).toBe(adapters.length);
    expect(pages.flatMap((p) => p.edges.map((e) => e.node))).toEqual(adapters);
  });

  it('pages through all its descendants nearest first, each once', async () => {
    const pages = await walkPages('descendantsConnection', 'maxDepth: 2,', 'depth model { id name }');
    const steps = pages.flatMap((p) => p.edges.map((e) => e.node));
    const grandchildren = Array.from({ length: SIZE / 100 }, (_, i) => ({ id: `model:hub-gc-${i * 100}`, name: `Hub-GC-${i * 100}` }));
    expect(pages[0].totalCount).toBe(SIZE + grandchildren.length);
    expect(steps).toEqual([
      ...derivativesOfHub().map((model) => ({ depth: 1, model })),
      ...grandchildren.sort(byNameThenId).map((model) => ({ depth: 2, model })),
    ]);
    const one = await dataOf(server, '{ model(name: "Hub-Base") { descendantsConnection(maxDepth: 1, first: 1) { totalCount } } }');
    expect(one.model.descendantsConnection.totalCount).toBe(SIZE);
  });

  it('draws its lineage within maxNodes and says how many it left out', async () => {
    const data = await dataOf(server, `{ lineage(name: "Hub-Base", direction: DESCENDANTS, maxDepth: 2, maxNodes: 500) {
      nodes { id depth } edges { source target } truncated omitted } }`);
    const lineage = data.lineage;
    expect(lineage.nodes.length).toBe(500);
    expect(lineage.truncated).toBe(1 + SIZE + SIZE / 100 - 500);
    expect(lineage.nodes.every((n: { depth: number }) => n.depth <= 1)).toBe(true);
    const drawn = new Set(lineage.nodes.map((n: { id: string }) => n.id));
    expect(lineage.edges.length).toBe(499);
    for (const e of lineage.edges) expect(drawn.has(e.source) && drawn.has(e.target)).toBe(true);
  });

  it('refuses a cursor it did not give out', async () => {
    const { body } = await server.graphql('{ model(name: "Hub-Base") { derivativesConnection(after: "nope") { totalCount } } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });
});

describe('a request that runs past CYPHER_TIMEOUT_MS', () => {
  // Neo4j checks transaction timeouts every 100 ms (the embedded launcher's setting): reading a
  // graph of ten thousand models whole takes longer than that on any machine, and 1 ms is over.
  it('is stopped by Neo4j and answered TIMEOUT (504) in plain words, over GraphQL and over GET /export', async () => {
    const impatient = await startTestServer(driver, { CYPHER_TIMEOUT_MS: '1' });
    try {
      const { status, body } = await impatient.graphql('{ export { nodeCount } }');
      expect(status).toBe(504);
      expect(body.errors).toEqual([
        {
          message: 'The query ran past its timeout of 1 ms and was stopped; ask for less (a smaller maxDepth or first, fewer expensive fields).',
          locations: expect.any(Array),
          path: ['export'],
          extensions: { code: 'TIMEOUT' },
        },
      ]);
      const response = await fetch(`${impatient.url}/export?format=node-link`);
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual({ code: 'TIMEOUT', error: expect.stringMatching(/^The query ran past its timeout of 1 ms/) });
    } finally {
      await impatient.stop();
    }
  });
});
