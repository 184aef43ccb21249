import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { derivativesPage, descendantsPage, relationCountsOf } from '../../src/queries/hub.js';
import { FULL, LEAN } from '../../src/queries/projections.js';
import type { CypherRunner } from '../../src/queries/runner.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { queryGraph } from '../support/database.js';

/** The named queries of queries/hub.ts on the fixture, whose answers are known. */
let driver: Driver;
let runner: CypherRunner;

queryGraph(fixtureGraph, (d, r) => {
  driver = d;
  runner = r;
});

const window = (skip: number, limit: number, detail = LEAN) => ({ skip, limit, detail });

describe('derivativesPage', () => {
  it('gives a page of the derivatives in name order and how many there are', async () => {
    const first = await derivativesPage(runner, 'model:llama', null, window(0, 1));
    expect(first.total).toBe(2);
    expect(first.items.map((n) => n.name)).toEqual(['Alpaca']);
    expect(first.items[0].partial).toBe(true);
    const second = await derivativesPage(runner, 'model:llama', null, window(1, 1, FULL));
    expect(second.items.map((n) => [n.name, n.partial ?? false])).toEqual([['Chinese-Vicuna', false]]);
    expect((await derivativesPage(runner, 'model:llama', null, window(2, 1))).items).toEqual([]);
  });

  it('counts and pages only the kinds asked for', async () => {
    const adapters = await derivativesPage(runner, 'model:llama', ['ADAPTER'], window(0, 10));
    expect([adapters.total, adapters.items.map((n) => n.name)]).toEqual([1, ['Chinese-Vicuna']]);
  });

  it('gives nothing for an unknown id', async () => {
    expect(await derivativesPage(runner, 'model:missing', null, window(0, 10))).toEqual({ total: 0, items: [] });
  });
});

describe('descendantsPage', () => {
  it('gives the descendants within the depth nearest first, then by name, with their distance', async () => {
    const all = await descendantsPage(runner, 'model:llama', 3, window(0, 10));
    expect(all.total).toBe(5);
    expect(all.items.map((s) => [s.node.name, s.depth])).toEqual([
      ['Alpaca', 1], ['Chinese-Vicuna', 1], ['LLaMA-13B', 1], ['Vicuna', 2], ['WizardVicunaLM', 3],
    ]);
    const shallow = await descendantsPage(runner, 'model:llama', 2, window(3, 10));
    expect([shallow.total, shallow.items.map((s) => s.node.name)]).toEqual([4, ['Vicuna']]);
  });
});

describe('relationCountsOf', () => {
  it('counts the relations of many nodes by type and way, most first', async () => {
    const counts = await relationCountsOf(runner, ['model:vicuna', 'organization:stanford', 'model:missing']);
    expect(counts.get('model:vicuna')).toEqual([
      { type: 'FROM_CONTRIBUTOR', direction: 'OUTGOING', count: 2 },
      { type: 'BASED_ON', direction: 'INCOMING', count: 1 },
      { type: 'BASED_ON', direction: 'OUTGOING', count: 1 },
      { type: 'HAS_LANGUAGE', direction: 'OUTGOING', count: 1 },
      { type: 'TRAINED_WITH', direction: 'OUTGOING', count: 1 },
    ]);
    expect(counts.get('organization:stanford')).toEqual([{ type: 'FROM_CONTRIBUTOR', direction: 'INCOMING', count: 2 }]);
    expect(counts.has('model:missing')).toBe(false);
  });
});
