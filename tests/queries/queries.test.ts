import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { nameKey } from '../../ingest/graph/name-key.js';
import { commonAncestors, steps, walkLineage } from '../../src/lineage/walk.js';
import { neighbours } from '../../src/queries/edges.js';
import { modelsPage } from '../../src/queries/models.js';
import { nodeByName, nodesByIds } from '../../src/queries/nodes.js';
import { organizationsPage } from '../../src/queries/organizations.js';
import { NODE_COUNTS, RELATION_COUNTS, TOP_BASE_MODELS, TOP_CONTRIBUTORS, countsBy, ranked, wholeGraph } from '../../src/queries/overview.js';
import { shortestPath } from '../../src/queries/path.js';
import { relationsPage } from '../../src/queries/relations.js';
import { luceneQuery, search } from '../../src/queries/search.js';
import { CypherRunner } from '../../src/queries/runner.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { NO_FILTER as noFilter } from '../support/model-filter.js';
import { queryGraph, testRunner } from '../support/database.js';

let driver: Driver;
let runner: CypherRunner;
const graph = fixtureGraph();

queryGraph(() => graph, (d, r) => {
  driver = d;
  runner = r;
});

const names = (nodes: { name: string }[]) => nodes.map((n) => n.name);

describe('nodeByName / nodesByIds', () => {
  it('matches names case-, space- and punctuation-insensitively, aliases included', async () => {
    expect((await nodeByName(runner, nameKey(' VICUNA '), ['Model']))?.id).toBe('model:vicuna');
    expect((await nodeByName(runner, nameKey('llama-2'), ['Model']))?.id).toBe('model:llama');
    expect((await nodeByName(runner, nameKey('ucb'), ['Organization']))?.name).toBe('UC Berkley');
  });

  it('gives null for an unknown name or the wrong kind', async () => {
    expect(await nodeByName(runner, nameKey('no such model'), null)).toBeNull();
    expect(await nodeByName(runner, nameKey('Meta'), ['Model'])).toBeNull();
  });

  it('reads provenance back as it was written', async () => {
    const found = await nodesByIds(runner, ['model:vicuna', 'model:missing']);
    expect([...found.keys()]).toEqual(['model:vicuna']);
    expect(found.get('model:vicuna')?.provenance).toEqual([
      { source: 'fixture.md', line: 12, section: ['Fixture'], derivedFrom: 'table' },
    ]);
    expect(found.get('model:vicuna')?.props.mainFeature).toMatch(/90% ChatGPT/);
  });
});

describe('neighbours', () => {
  it('follows one relation type in one direction for many nodes at once', async () => {
    const hops = await neighbours(runner, ['model:llama', 'model:vicuna'], 'INCOMING', ['BASED_ON']);
    const byFrom = (id: string) => hops.filter((h) => h.from === id).map((h) => h.node.name);
    expect(byFrom('model:llama')).toEqual(['Alpaca', 'Chinese-Vicuna']);
    expect(byFrom('model:vicuna')).toEqual(['WizardVicunaLM']);
  });

  it('gives each hop its edge with provenance', async () => {
    const [hop] = await neighbours(runner, ['model:dolly'], 'OUTGOING', ['BASED_ON']);
    expect(hop.edge).toMatchObject({ type: 'BASED_ON', source: 'model:dolly', target: 'model:gptj', derivedFrom: 'text' });
    expect(hop.edge.provenance[0].text).toBe('a sentence');
  });
});

describe('lineage walk', () => {
  it('finds descendants with their distance and counts what lies beyond maxDepth', async () => {
    const llama = (await nodeByName(runner, 'llama', null))!;
    const walk = await walkLineage(runner, llama, 'DESCENDANTS', 2);
    expect(steps(walk).map((s) => [s.node.name, s.depth])).toEqual([
      ['Alpaca', 1], ['Chinese-Vicuna', 1], ['LLaMA-13B', 1], ['Vicuna', 2],
    ]);
    expect(walk.omitted).toBe(1);
  });

  it('finds ancestors', async () => {
    const wizard = (await nodeByName(runner, 'wizardvicunalm', null))!;
    const walk = await walkLineage(runner, wizard, 'ANCESTORS', 10);
    expect(steps(walk).map((s) => s.node.name)).toEqual(['Vicuna', 'LLaMA-13B', 'LLaMA']);
  });

  it('finds common ancestors, nearest first', async () => {
    const [alpaca, wizard] = await Promise.all([nodeByName(runner, 'alpaca', null), nodeByName(runner, 'wizardvicunalm', null)]);
    expect(names(await commonAncestors(runner, alpaca!, wizard!, 10))).toEqual(['LLaMA']);
  });
});

describe('shortestPath', () => {
  const by = (name: string) => ({ key: nameKey(name), labels: null });
  const path = async (from: string, to: string, types: string[] | null) => (await shortestPath(runner, by(from), by(to), types)).path;

  it('follows lineage downward from WizardVicunaLM to LLaMA through Vicuna', async () => {
    const found = await path('WizardVicunaLM', 'LLaMA', ['BASED_ON', 'VARIANT_OF']);
    expect(names(found!.nodes)).toEqual(['WizardVicunaLM', 'Vicuna', 'LLaMA-13B', 'LLaMA']);
    expect(found!.edges.map((e) => e.type)).toEqual(['BASED_ON', 'BASED_ON', 'VARIANT_OF']);
  });

  it('gives the path in the asked order when it runs against the arrows', async () => {
    const found = await path('LLaMA', 'Vicuna', ['BASED_ON', 'VARIANT_OF']);
    expect(names(found!.nodes)).toEqual(['LLaMA', 'LLaMA-13B', 'Vicuna']);
  });

  it('walks any relation when types is null, and gives null when nothing connects', async () => {
    const viaOrg = await path('Alpaca', 'UCB', null);
    expect(names(viaOrg!.nodes)).toEqual(['Alpaca', 'Stanford', 'Vicuna', 'UC Berkley']);
    expect(await path('Dolly', 'LLaMA', ['BASED_ON'])).toBeNull();
  });

  it('finds both ends by name in the same query and says which one is unknown', async () => {
    const counting = testRunner(driver);
    const answer = await shortestPath(counting, by('Vicuna'), by('no such model'), null);
    expect([answer.fromFound, answer.toFound, answer.path]).toEqual([true, false, null]);
    expect((await shortestPath(counting, by('Vicuna'), by('vicuna'), null)).path!.nodes.map((n) => n.id)).toEqual(['model:vicuna']);
    expect(counting.executed).toEqual(['shortestPath', 'shortestPath']);
  });
});

describe('search', () => {
  it('ranks the exact name first', async () => {
    const hits = await search(runner, 'vicuna', 'vicuna', null, 10);
    expect(hits[0].node.name).toBe('Vicuna');
    expect(names(hits.map((h) => h.node))).toContain('Chinese-Vicuna');
  });

  it('tolerates a typo and filters by kind', async () => {
    expect((await search(runner, 'vicunna', 'vicunna', ['Model'], 5))[0]?.node.name).toBe('Vicuna');
    expect(await search(runner, 'vicuna', 'vicuna', ['Dataset'], 5)).toEqual([]);
  });

  it('treats Lucene syntax in the query as text', () => {
    expect(luceneQuery('a:b (c')).toBe('(a\\:b^3 OR a\\:b* OR a\\:b~) AND (\\(c^3 OR \\(c* OR \\(c~)');
  });
});

describe('modelsPage', () => {
  it('filters by contributor and by base (size variants count as the family)', async () => {
    expect(names((await modelsPage(runner, { ...noFilter, contributor: 'stanford' }, 'NAME', 0, 10)).nodes)).toEqual(['Alpaca', 'Vicuna']);
    expect(names((await modelsPage(runner, { ...noFilter, basedOn: 'llama' }, 'NAME', 0, 10)).nodes)).toEqual([
      'Alpaca', 'Chinese-Vicuna', 'Vicuna',
    ]);
    expect(names((await modelsPage(runner, { ...noFilter, descendsFrom: 'llama' }, 'NAME', 0, 10)).nodes)).toContain('WizardVicunaLM');
    expect(names((await modelsPage(runner, { ...noFilter, dataset: 'sharegpt', language: 'en' }, 'NAME', 0, 10)).nodes)).toEqual(['Vicuna']);
  });

  it('pages with a total count', async () => {
    const page = await modelsPage(runner, noFilter, 'NAME', 2, 3);
    expect(page.total).toBe(9);
    expect(names(page.nodes)).toEqual(['Chinese-Vicuna', 'Dolly', 'GPT-J']);
  });

  it('filters by release date (ISO prefixes compare as dates) and by parameter count', async () => {
    expect(names((await modelsPage(runner, { ...noFilter, releasedAfter: '2023-03' }, 'NAME', 0, 10)).nodes)).toEqual(['Vicuna']);
    expect(names((await modelsPage(runner, { ...noFilter, releasedBefore: '2023-02' }, 'NAME', 0, 10)).nodes)).toEqual(['GPT-J', 'LLaMA']);
    expect(names((await modelsPage(runner, { ...noFilter, minParameters: 30 }, 'NAME', 0, 10)).nodes)).toEqual(['LLaMA']);
    expect(names((await modelsPage(runner, { ...noFilter, maxParameters: 6.5 }, 'NAME', 0, 10)).nodes)).toEqual(['GPT-J']);
  });

  it('orders by release, newest first, and by size, largest first; models without one last', async () => {
    expect(names((await modelsPage(runner, noFilter, 'RELEASE_DATE', 0, 3)).nodes)).toEqual(['Vicuna', 'LLaMA', 'GPT-J']);
    expect(names((await modelsPage(runner, noFilter, 'PARAMETERS', 0, 4)).nodes)).toEqual(['LLaMA', 'LLaMA-13B', 'Vicuna', 'GPT-J']);
  });

  it('orders by number of direct descendants', async () => {
    const page = await modelsPage(runner, noFilter, 'DESCENDANTS', 0, 1);
    expect(names(page.nodes)).toEqual(['LLaMA']);
  });
});

describe('organizationsPage, relationsPage, overview', () => {
  it('lists organizations most prolific first, by kind', async () => {
    const all = await organizationsPage(runner, null, 0, 10);
    expect(all.nodes[0]).toMatchObject({ models: 2 });
    expect(all.nodes[0].node.name).toBe('Stanford');
    expect(names((await organizationsPage(runner, 'account', 0, 10)).nodes.map((n) => n.node))).toEqual(['@tloen']);
  });

  it('filters relations by how they were read', async () => {
    const text = await relationsPage(runner, null, 'text', 0, 10);
    expect(text.total).toBe(1);
    expect(text.edges[0].id).toBe('BASED_ON:model:dolly->model:gptj');
    expect((await relationsPage(runner, 'FROM_CONTRIBUTOR', null, 0, 2)).total).toBe(4);
  });

  it('counts by kind and type and ranks bases and contributors', async () => {
    expect(await countsBy(runner, NODE_COUNTS)).toContainEqual({ key: 'Model', count: 9 });
    expect(await countsBy(runner, RELATION_COUNTS)).toContainEqual({ key: 'BASED_ON', count: 5 });
    const [top] = await ranked(runner, TOP_BASE_MODELS, 1);
    expect([top.node.name, top.value]).toEqual(['LLaMA', 5]);
    const [org] = await ranked(runner, TOP_CONTRIBUTORS, 1);
    expect([org.node.name, org.value]).toEqual(['Stanford', 2]);
  });

  it('reads the whole graph back', async () => {
    const all = await wholeGraph(runner);
    expect(all.nodes.length).toBe(graph.nodes.length);
    expect(all.edges.map((e) => e.id).sort()).toEqual(graph.edges.map((e) => e.id).sort());
  });
});

describe('CypherRunner', () => {
  it('has Neo4j stop a query that runs past the transaction timeout', async () => {
    const impatient = new CypherRunner(driver, { timeoutMs: 50 });
    const slow = { name: 'slow', cypher: 'UNWIND range(1, 200000000) AS x RETURN count(x) AS n' };
    await expect(impatient.read(slow)).rejects.toThrow(/timeout|terminated/i);
  });

  it('counts the queries it runs, by name', async () => {
    const counting = testRunner(driver);
    await nodeByName(counting, 'vicuna', null);
    await nodesByIds(counting, ['model:llama']);
    expect(counting.queryCount).toBe(2);
    expect(counting.executed).toEqual(['nodeByName', 'nodesByIds']);
  });
});
