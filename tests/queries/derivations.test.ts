import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { steps, walkLineage } from '../../src/lineage/walk.js';
import { DERIVATION_COUNTS, DESCENDANT_KINDS, derivationCounts, descendantKinds } from '../../src/queries/derivations.js';
import { neighbours } from '../../src/queries/edges.js';
import { modelsPage, type ModelFilterKeys } from '../../src/queries/models.js';
import { nodeByName } from '../../src/queries/nodes.js';
import { wholeGraph } from '../../src/queries/overview.js';
import { shortestPath } from '../../src/queries/path.js';
import { relationsPage } from '../../src/queries/relations.js';
import type { CypherRunner } from '../../src/queries/runner.js';
import { toDerivation } from '../../src/records/derivation.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { NO_FILTER } from '../support/model-filter.js';
import { queryGraph, testRunner } from '../support/database.js';

/**
 * The derivation kinds on BASED_ON edges, through every named query that returns or filters by
 * them, on the fixture graph: Vicuna fine-tuned from LLaMA-13B (a size variant of LLaMA),
 * Chinese-Vicuna a LoRA adapter of LLaMA, Alpaca fine-tuned from LLaMA, WizardVicunaLM
 * fine-tuned and DPO-aligned from Vicuna, Dolly from GPT-J with no kind stated.
 */

let driver: Driver;
let runner: CypherRunner;
const graph = fixtureGraph();

queryGraph(() => graph, (d, r) => {
  driver = d;
  runner = r;
});

const names = (nodes: { name: string }[]) => nodes.map((n) => n.name);
const listed = async (filter: Partial<ModelFilterKeys>) => names((await modelsPage(runner, { ...NO_FILTER, ...filter }, 'NAME', 0, 20)).nodes);

describe('edges carry their derivation', () => {
  it('reads kinds, methods and evidence back as the ingest wrote them (neighbours)', async () => {
    const [hop] = await neighbours(runner, ['model:chinesevicuna'], 'OUTGOING', ['BASED_ON']);
    const written = graph.edges.find((e) => e.id === hop.edge.id)!;
    expect(hop.edge.derivation).toEqual(written.derivation);
    expect(hop.edge.derivation).toEqual({
      kinds: ['ADAPTER'], methods: ['LoRA'],
      evidence: [{ kind: 'ADAPTER', words: 'LoRA', source: 'fixture.md', line: 13, from: 'text' }],
    });
  });

  it('gives other relations none, in every query that returns edges', async () => {
    const all = await wholeGraph(runner);
    for (const e of all.edges) {
      expect(e.derivation, e.id).toEqual(e.type === 'BASED_ON' ? graph.edges.find((g) => g.id === e.id)!.derivation : null);
    }
    const page = await relationsPage(runner, 'BASED_ON', null, 0, 10);
    expect(page.edges.map((e) => e.derivation?.kinds)).toEqual([
      ['FINETUNE'], ['ADAPTER'], ['UNSPECIFIED'], ['FINETUNE'], ['FINETUNE', 'ALIGNMENT'],
    ]);
    const { path } = await shortestPath(runner, { key: 'wizardvicunalm', labels: null }, { key: 'llama', labels: null }, ['BASED_ON', 'VARIANT_OF']);
    expect(path!.edges.map((e) => e.derivation?.kinds ?? null)).toEqual([['FINETUNE', 'ALIGNMENT'], ['FINETUNE'], null]);
  });

  it('reads a BASED_ON edge stored without kinds (an older load) as UNSPECIFIED', () => {
    expect(toDerivation('BASED_ON', {})).toEqual({ kinds: ['UNSPECIFIED'], methods: [], evidence: [] });
    expect(toDerivation('VARIANT_OF', { derivationKinds: ['FINETUNE'] })).toBeNull();
  });
});

describe('modelsPage by derivation (ModelFilter.derivation)', () => {
  it('lists the adapters and the fine-tunes of a base, size variants counting as the family', async () => {
    expect(await listed({ basedOn: 'llama', derivation: ['ADAPTER'] })).toEqual(['Chinese-Vicuna']);
    expect(await listed({ basedOn: 'llama', derivation: ['FINETUNE'] })).toEqual(['Alpaca', 'Vicuna']);
    expect(await listed({ basedOn: 'llama', derivation: ['QUANTIZATION'] })).toEqual([]);
  });

  it('with descendsFrom, judges each model by its own relation into the family', async () => {
    expect(await listed({ descendsFrom: 'llama', derivation: ['ALIGNMENT'] })).toEqual(['WizardVicunaLM']);
    expect(await listed({ descendsFrom: 'llama', derivation: ['FINETUNE'] })).toEqual(['Alpaca', 'Vicuna', 'WizardVicunaLM']);
    // Dolly is nobody's in LLaMA's family, whatever its kind.
    expect(await listed({ descendsFrom: 'llama', derivation: ['UNSPECIFIED'] })).toEqual([]);
  });

  it('alone, any base will do; several kinds mean any of them', async () => {
    expect(await listed({ derivation: ['UNSPECIFIED'] })).toEqual(['Dolly']);
    expect(await listed({ derivation: ['ADAPTER', 'ALIGNMENT'] })).toEqual(['Chinese-Vicuna', 'WizardVicunaLM']);
    const page = await modelsPage(runner, { ...NO_FILTER, derivation: ['FINETUNE'] }, 'NAME', 0, 2);
    expect(page.total).toBe(3);
  });

  it('the relation to basedOn must itself have the kind', async () => {
    // WizardVicunaLM is aligned from Vicuna, but Vicuna is not aligned from LLaMA.
    expect(await listed({ basedOn: 'vicuna', derivation: ['ALIGNMENT'] })).toEqual(['WizardVicunaLM']);
    expect(await listed({ basedOn: 'llama', derivation: ['ALIGNMENT'] })).toEqual([]);
  });
});

describe(`${DESCENDANT_KINDS.name} and ${DERIVATION_COUNTS.name}`, () => {
  it('counts every descendant under the kinds of its own relations into the family, for many models in one query', async () => {
    const counting = testRunner(driver);
    const found = await descendantKinds(counting, ['model:llama', 'model:vicuna', 'model:gptj', 'model:alpaca']);
    expect(counting.executed).toEqual(['descendantKinds']);
    // LLaMA-13B is a size variant: it counts under none; Vicuna and WizardVicunaLM, below it, do.
    expect(found.get('model:llama')).toEqual([
      { kind: 'FINETUNE', count: 3 }, { kind: 'ADAPTER', count: 1 }, { kind: 'ALIGNMENT', count: 1 },
    ]);
    expect(found.get('model:vicuna')).toEqual([{ kind: 'FINETUNE', count: 1 }, { kind: 'ALIGNMENT', count: 1 }]);
    expect(found.get('model:gptj')).toEqual([{ kind: 'UNSPECIFIED', count: 1 }]);
    expect(found.get('model:alpaca')).toBeUndefined();
  });

  it('counts the BASED_ON relations of the graph by kind, most first', async () => {
    expect(await derivationCounts(runner)).toEqual([
      { kind: 'FINETUNE', count: 3 }, { kind: 'ADAPTER', count: 1 }, { kind: 'ALIGNMENT', count: 1 }, { kind: 'UNSPECIFIED', count: 1 },
    ]);
  });
});

describe('the lineage walk by kinds', () => {
  it('follows only BASED_ON edges of the kinds asked for, and VARIANT_OF as ever', async () => {
    const llama = (await nodeByName(runner, 'llama', null))!;
    const adapters = await walkLineage(runner, llama, 'DESCENDANTS', 5, ['BASED_ON', 'VARIANT_OF'], ['ADAPTER']);
    expect(steps(adapters).map((s) => s.node.name)).toEqual(['Chinese-Vicuna', 'LLaMA-13B']);
    expect([...adapters.edges.keys()].sort()).toEqual(['BASED_ON:model:chinesevicuna->model:llama', 'VARIANT_OF:model:llama13b->model:llama']);

    const finetunes = await walkLineage(runner, llama, 'DESCENDANTS', 5, ['BASED_ON', 'VARIANT_OF'], ['FINETUNE']);
    expect(steps(finetunes).map((s) => [s.node.name, s.depth])).toEqual([['Alpaca', 1], ['LLaMA-13B', 1], ['Vicuna', 2], ['WizardVicunaLM', 3]]);
    // Without VARIANT_OF, Vicuna (a fine-tune of LLaMA-13B) is out of reach.
    const direct = await walkLineage(runner, llama, 'DESCENDANTS', 5, ['BASED_ON'], ['FINETUNE']);
    expect(steps(direct).map((s) => s.node.name)).toEqual(['Alpaca']);
  });

  it('counts as omitted only what the kinds would reach', async () => {
    const llama = (await nodeByName(runner, 'llama', null))!;
    expect((await walkLineage(runner, llama, 'DESCENDANTS', 2, ['BASED_ON', 'VARIANT_OF'], ['FINETUNE'])).omitted).toBe(1);
    expect((await walkLineage(runner, llama, 'DESCENDANTS', 2, ['BASED_ON', 'VARIANT_OF'], ['ALIGNMENT'])).omitted).toBe(0);
  });
});
