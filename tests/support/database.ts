import { afterAll, beforeAll, inject } from 'vitest';
import type { Graph } from '../../ingest/graph/types.js';
import { SWITCH_NOTICE_MS } from '../../ingest/load/cypher.js';
import { loadGraph } from '../../ingest/load/load.js';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/neo4j/driver.js';
import { CypherRunner } from '../../src/queries/runner.js';

/** A driver for the real Neo4j that the vitest global setup started (or NEO4J_TEST_URI). */
export function testDriver(): Driver {
  return createDriver(inject('neo4j'));
}

export function testRunner(driver: Driver): CypherRunner {
  return new CypherRunner(driver, { database: inject('neo4j').database, timeoutMs: 20_000 });
}

/**
 * For a test file of named queries: loads `graph` into the test Neo4j before its tests and hands
 * the driver and a query runner to `use`; closes the driver after them.
 */
export function queryGraph(graph: () => Graph | Promise<Graph>, use: (driver: Driver, runner: CypherRunner) => void): void {
  let driver: Driver | undefined;
  beforeAll(async () => {
    driver = testDriver();
    const runner = testRunner(driver);
    await loadGraph(driver, await graph());
    use(driver, runner);
  }, 120_000);
  afterAll(async () => {
    await driver?.close();
  });
}

async function run(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, any>[]> {
  const session = driver.session({ database: inject('neo4j').database });
  try {
    return (await session.run(cypher, params)).records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** Everything the database stores (every version, the store's own nodes): a write of any kind changes it. */
export async function count(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const [row] = await run(driver, 'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships');
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

/** Every property of every node and relationship, in a stable order: two equal snapshots mean nothing was written. */
export async function snapshot(driver: Driver): Promise<string> {
  const nodes = await run(driver, 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS props');
  const rels = await run(driver, 'MATCH (s)-[r]->(t) RETURN type(r) AS type, properties(r) AS props, elementId(s) AS s, elementId(t) AS t');
  const lines = [...nodes, ...rels].map((r) => JSON.stringify(r, Object.keys(r).sort()));
  return lines.sort().join('\n');
}

/** The graph readers see now (the current generation): nodes and edges with what identifies them. */
export async function visibleGraph(driver: Driver) {
  const visible = (v: string) => `${v}.gFrom <= g AND g < ${v}.gTo`;
  const head = `OPTIONAL MATCH (m:LineageStore {key: 'lineage'}) WITH coalesce(m.current, 0) AS g`;
  const nodes = await run(driver, `${head} MATCH (n:Entity) WHERE ${visible('n')}
    RETURN n.id AS id, labels(n) AS labels, n.name AS name, n.aliases AS aliases, size(n.provenance) AS mentions`);
  const edges = await run(driver, `${head} MATCH (s:Entity)-[r]->(t:Entity) WHERE ${visible('r')}
    RETURN r.id AS id, type(r) AS type, s.id AS source, t.id AS target, r.derivedFrom AS derivedFrom`);
  const byId = (a: Record<string, any>, b: Record<string, any>) => String(a.id).localeCompare(String(b.id));
  return {
    nodes: nodes.map((n) => ({ ...n, labels: [...(n.labels as string[])].sort() })).sort(byId) as { id: string; labels: string[]; name: string; aliases: string[]; mentions: number }[],
    edges: edges.sort(byId) as { id: string; type: string; source: string; target: string; derivedFrom: string }[],
  };
}

/** Removes everything, so that a test starts from an empty store (no ids remembered, no history). */
export async function emptyDatabase(driver: Driver): Promise<void> {
  await run(driver, 'MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  // Not a switch a load announces: readers may keep the state they read before for the notice.
  await new Promise((resolve) => setTimeout(resolve, SWITCH_NOTICE_MS));
}

/**
 * The graph readers see now, read through the API's own query (wholeGraph), as comparable
 * values: what the lists state of each node and edge, with ids.
 */
export async function servedGraph(driver: Driver) {
  const { wholeGraph } = await import('../../src/queries/overview.js');
  const { nodes, edges } = await wholeGraph(testRunner(driver));
  return {
    nodes: nodes.map((n) => ({ id: n.id, label: n.label, name: n.name, aliases: n.aliases, props: n.props, provenance: n.provenance })),
    edges: edges.map((e) => ({ id: e.id, type: e.type, source: e.source, target: e.target, derivedFrom: e.derivedFrom, provenance: e.provenance })),
  };
}
