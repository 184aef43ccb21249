import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { loadGraph } from '../../ingest/load/load.js';
import { SWITCH_NOTICE_MS } from '../../ingest/load/cypher.js';
import { CURRENT_GENERATION, CurrentGeneration } from '../../src/queries/current-generation.js';
import { readCypher } from '../../src/queries/read-cypher.js';
import { testDriver } from '../support/database.js';
import { performance } from 'node:perf_hooks';
import { fixtureGraph } from '../support/fixture-graph.js';

let driver: Driver;
beforeAll(async () => {
  driver = testDriver();
  await loadGraph(driver, fixtureGraph());
});
afterAll(async () => {
  await driver?.close();
});

async function run(cypher: string): Promise<void> {
  const session = driver.session();
  try {
    await session.run(cypher);
  } finally {
    await session.close();
  }
}

describe('CurrentGeneration', () => {
  it('reads the store: its current generation and its epoch', async () => {
    const state = await new CurrentGeneration(driver, { timeoutMs: 10_000 }).read();
    expect(state.generation).toBeGreaterThan(0);
    expect(state.epoch).toMatch(/\S/);
  });

  it('serves the callers that come while a read is on its way with the next read, not that one', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000, keepMs: 0 });
    const first = current.read();
    const second = current.read();
    expect(second).not.toBe(first);
    await Promise.all([first, second]);
    expect(current.reads).toBe(2);
  });

  it('answers sixteen callers at once with two reads', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000, keepMs: 0 });
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

  it('keeps a state read: the callers after it get it with no read', async () => {
    const current = new CurrentGeneration(driver, { timeoutMs: 10_000, keepMs: 60_000 });
    const first = await current.read();
    expect(await current.read()).toBe(first);
    expect(current.reads).toBe(1);
  });

  it('keeps a state no longer than until the switch announced, and not at all after an announcement left in the past', async () => {
    await run(`MATCH (m:LineageStore) SET m.switchAt = timestamp() + 30`);
    try {
      const current = new CurrentGeneration(driver, { timeoutMs: 10_000, keepMs: 60_000 });
      await current.read();
      await new Promise((resolve) => setTimeout(resolve, 40));
      await current.read();
      expect(current.reads).toBe(2);
      // A killed load's announcement: nothing is kept until the next take.
      await run(`MATCH (m:LineageStore) SET m.switchAt = timestamp() - 1000`);
      await current.read();
      await current.read();
      expect(current.reads).toBe(4);
    } finally {
      await run(`MATCH (m:LineageStore) SET m.switchAt = null`);
    }
  });

  it('never lets a load switch while a reader may still keep the generation before it', async () => {
    const samples: { sentAt: number; backAt: number; generation: number; keptUntil: number }[] = [];
    let loading = true;
    const poll = (async () => {
      while (loading) {
        const sentAt = performance.now();
        const [row] = await readCypher(driver, { timeoutMs: 10_000 }, CURRENT_GENERATION, {});
        const untilSwitch = row.untilSwitch === null ? Infinity : Number(row.untilSwitch);
        samples.push({ sentAt, backAt: performance.now(), generation: Number(row.g), keptUntil: sentAt + Math.max(0, Math.min(SWITCH_NOTICE_MS, untilSwitch)) });
      }
    })();
    const before = samples.length ? samples[0].generation : Number((await readCypher(driver, { timeoutMs: 10_000 }, CURRENT_GENERATION, {}))[0].g);
    await loadGraph(driver, { ...fixtureGraph(), nodes: fixtureGraph().nodes.map((n) => (n.id === 'model:vicuna' ? { ...n, aliases: [...n.aliases, 'Vicuna-Switch'] } : n)) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    loading = false;
    await poll;
    const old = samples.filter((s) => s.generation === before);
    const after = samples.filter((s) => s.generation === before + 1);
    expect(old.length).toBeGreaterThan(0);
    expect(after.length).toBeGreaterThan(0);
    const firstSeen = Math.min(...after.map((s) => s.backAt));
    // Every state of the old generation was to be kept only until before the new one could be read.
    expect(Math.max(...old.map((s) => s.keptUntil))).toBeLessThan(firstSeen);
  });
});
