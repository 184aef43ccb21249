import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { CurrentGeneration } from '../../src/queries/current-generation.js';
import { nodeByName } from '../../src/queries/nodes.js';
import { CypherRunner } from '../../src/queries/runner.js';
import { emptyDatabase, testDriver } from '../support/database.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { HeldReads } from '../support/held-reads.js';

/**
 * CypherRunner's queries of the current graph start at the last state known, beside the
 * request's own read of the state, and are used only when that read agrees.
 */

/** The fixture with one more alias for Vicuna: a load that changes one answer. */
function withAlias(alias: string) {
  const graph = fixtureGraph();
  return { ...graph, nodes: graph.nodes.map((n) => (n.id === 'model:vicuna' ? { ...n, aliases: [...n.aliases, alias] } : n)) };
}

let driver: Driver;
const options = () => ({ database: inject('neo4j').database, timeoutMs: 20_000 });
beforeAll(async () => {
  driver = testDriver();
  await emptyDatabase(driver);
  await loadGraph(driver, fixtureGraph());
}, 120_000);
afterAll(async () => {
  await driver?.close();
});

describe('CypherRunner', () => {
  it('sends a query of the current graph before the read of the state answers, and uses its rows when the read agrees', async () => {
    const current = new HeldReads(driver, options());
    await current.read();
    current.hold = true;
    const runner = new CypherRunner(driver, { ...options(), current });
    const answer = nodeByName(runner, 'vicuna', null);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(runner.executed).toEqual(['nodeByName']); // sent while the state read is still held
    current.release();
    expect((await answer)?.name).toBe('Vicuna');
    expect(runner.executed).toEqual(['nodeByName']);
  });

  it('runs the query again at the new generation when a load switched since the state was last read', async () => {
    const current = new CurrentGeneration(driver, options());
    const before = await current.read();
    await loadGraph(driver, withAlias('Vicuna-Next'));
    const runner = new CypherRunner(driver, { ...options(), current });
    const vicuna = await nodeByName(runner, 'vicuna', null);
    expect(vicuna?.aliases).toContain('Vicuna-Next');
    expect(runner.executed).toEqual(['nodeByName', 'nodeByName']);
    expect((await runner.storeState()).generation).toBe(before.generation + 1);
    // Its state known, the request's next query waits for nothing and runs once.
    await nodeByName(runner, 'alpaca', null);
    expect(runner.executed).toHaveLength(3);
  });

  it('does not take rows read in another epoch, though its generation has the same number', async () => {
    await emptyDatabase(driver);
    await loadGraph(driver, fixtureGraph());
    const current = new HeldReads(driver, options());
    const before = await current.read();
    current.hold = true;
    await emptyDatabase(driver);
    const runner = new CypherRunner(driver, { ...options(), current });
    const answer = nodeByName(runner, 'vicuna', null); // its early query finds an empty database
    await new Promise((resolve) => setTimeout(resolve, 200));
    await loadGraph(driver, withAlias('Vicuna-Reloaded'));
    current.release();
    expect((await answer)?.aliases).toContain('Vicuna-Reloaded');
    expect((await runner.storeState()).generation).toBe(before.generation);
  });

  it("fails with the state read's error when that read fails, not with the early query's rows", async () => {
    const current = new CurrentGeneration(driver, options());
    await current.read();
    const runner = new CypherRunner(driver, { ...options(), current, state: Promise.reject(new Error('state read failed')) });
    await expect(nodeByName(runner, 'vicuna', null)).rejects.toThrow('state read failed');
    // A failed read is not pinned: the request's next query reads the state again.
    expect((await nodeByName(runner, 'vicuna', null))?.name).toBe('Vicuna');
  });
});
