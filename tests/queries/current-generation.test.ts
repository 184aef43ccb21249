import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { CurrentGeneration } from '../../src/queries/current-generation.js';
import { testDriver } from '../support/database.js';
import { fixtureGraph } from '../support/fixture-graph.js';

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await loadGraph(driver, fixtureGraph());
});
afterAll(async () => {
  await driver?.close();
});

describe('CurrentGeneration', () => {
  it('reads the store: its current generation and its epoch', async () => {
    const state = await new CurrentGeneration(driver, { timeoutMs: 10_000 }).read();
    expect(state.generation).toBeGreaterThan(0);
    expect(state.epoch).toMatch(/\S/);
  });

  it('serves the callers that come while a read is on its way with the next read, not that one', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000 });
    const first = current.read();
    const second = current.read();
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
    expect(current.reads).toBe(2);
  });

  it('answers sixteen callers at once with two reads', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000 });
    const states = await Promise.all(Array.from({ length: 16 }, () => current.read()));
    expect(current.reads).toBe(2);
    expect(new Set(states.map((s) => `${s.epoch}:${s.generation}`)).size).toBe(1);
  });

  it('sees a switch made while a caller waited for the next read', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000 });
    const before = await current.read();
    const onItsWay = current.read(); // sent before the switch, maybe still on its way after it
    await loadGraph(driver, { ...fixtureGraph(), nodes: fixtureGraph().nodes.map((n) => (n.id === 'model:vicuna' ? { ...n, aliases: [...n.aliases, 'Vicuna-X'] } : n)) });
    const after = await current.read();
    await onItsWay;
    expect(after.generation).toBe(before.generation + 1);
  });
});
