import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { parse, type OperationDefinitionNode } from 'graphql';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { createApollo } from '../../src/graphql/apollo.js';
import { execute } from '../support/execute.js';
import { operationCost } from '../../src/graphql/limits/cost.js';
import { buildSchema } from '../../src/graphql/schema.js';
import { API_DERIVATION_KINDS } from '../../src/records/derivation.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { dataOf, serveGraph, type TestServer } from '../support/server.js';

/** How models were made, over GraphQL on the fixture graph (see tests/queries/derivations.test.ts for its kinds). */

let driver: Driver;
let server: TestServer;

serveGraph(fixtureGraph, (d, s) => {
  driver = d;
  server = s;
});

const data = (query: string, variables?: Record<string, unknown>) => dataOf(server, query, variables);

const names = (items: { name: string }[]) => items.map((i) => i.name);

describe('Relation.derivation and GraphEdge.derivation', () => {
  it('give a BASED_ON relation its kinds, methods and evidence with file, line and where it was read', async () => {
    const { model } = await data(`{ model(name: "Chinese-Vicuna") { relations(direction: OUTGOING) {
      type target { name } derivation { kinds methods evidence { kind words source line from } } } } }`);
    expect(model.relations).toEqual([{
      type: 'BASED_ON', target: { name: 'LLaMA' },
      derivation: { kinds: ['ADAPTER'], methods: ['LoRA'], evidence: [{ kind: 'ADAPTER', words: 'LoRA', source: 'fixture.md', line: 13, from: 'TEXT' }] },
    }]);
    const { relations } = await data('{ relations(type: FROM_CONTRIBUTOR, first: 1) { nodes { derivation { kinds } } } }');
    expect(relations.nodes).toEqual([{ derivation: null }]);
  });

  it('say UNSPECIFIED, with no evidence, where the lists do not say how', async () => {
    const { model } = await data('{ model(name: "Dolly") { baseLinks { model { name } derivation { kinds methods evidence { words } } } } }');
    expect(model.baseLinks).toEqual([{ model: { name: 'GPT-J' }, derivation: { kinds: ['UNSPECIFIED'], methods: [], evidence: [] } }]);
  });

  it('come with the edges of a lineage graph and of a path', async () => {
    const { lineage, path } = await data(`{
      lineage(name: "WizardVicunaLM", direction: ANCESTORS, maxDepth: 5) { edges { id type derivation { kinds methods } } }
      path(from: "WizardVicunaLM", to: "Vicuna") { edges { derivation { evidence { kind words line from } } } } }`);
    expect(lineage.edges).toEqual([
      { id: 'BASED_ON:model:vicuna->model:llama13b', type: 'BASED_ON', derivation: { kinds: ['FINETUNE'], methods: [] } },
      { id: 'BASED_ON:model:wizardvicunalm->model:vicuna', type: 'BASED_ON', derivation: { kinds: ['FINETUNE', 'ALIGNMENT'], methods: ['DPO'] } },
      { id: 'VARIANT_OF:model:llama13b->model:llama', type: 'VARIANT_OF', derivation: null },
    ]);
    expect(path.edges[0].derivation.evidence).toEqual([
      { kind: 'FINETUNE', words: 'instruction tuning', line: 14, from: 'TEXT' },
      { kind: 'ALIGNMENT', words: 'DPO', line: 14, from: 'TEXT' },
    ]);
  });
});

describe('Model: bases and derivatives with their kinds', () => {
  it('basedOn and derivatives stay lists of models, narrowed by kinds on request', async () => {
    const { model, wizard } = await data(`{ model(name: "LLaMA") { derivatives { name } adapters: derivatives(kinds: [ADAPTER]) { name }
      tuned: derivatives(kinds: [FINETUNE, QUANTIZATION]) { name } } wizard: model(name: "WizardVicunaLM") {
      basedOn { name } aligned: basedOn(kinds: [ALIGNMENT]) { name } merged: basedOn(kinds: [MERGE]) { name } } }`);
    expect(names(model.derivatives)).toEqual(['Alpaca', 'Chinese-Vicuna']);
    expect(names(model.adapters)).toEqual(['Chinese-Vicuna']);
    expect(names(model.tuned)).toEqual(['Alpaca']);
    expect(wizard).toEqual({ basedOn: [{ name: 'Vicuna' }], aligned: [{ name: 'Vicuna' }], merged: [] });
  });

  it('baseLinks and derivativeLinks give each model with its derivation and the relation itself', async () => {
    const { vicuna, llama } = await data(`{
      vicuna: model(name: "Vicuna") { baseLinks { model { name } derivation { kinds evidence { words from } } relation { id derivedFrom sources { line column } } }
        derivativeLinks(kinds: [ALIGNMENT]) { model { name } derivation { kinds methods } } }
      llama: model(name: "LLaMA") { derivativeLinks { model { name } derivation { kinds } } } }`);
    expect(vicuna.baseLinks).toEqual([{
      model: { name: 'LLaMA-13B' },
      derivation: { kinds: ['FINETUNE'], evidence: [{ words: 'fine-tuned', from: 'COLUMN' }] },
      relation: { id: 'BASED_ON:model:vicuna->model:llama13b', derivedFrom: 'TABLE', sources: [{ line: 2, column: null }] },
    }]);
    expect(vicuna.derivativeLinks).toEqual([{ model: { name: 'WizardVicunaLM' }, derivation: { kinds: ['FINETUNE', 'ALIGNMENT'], methods: ['DPO'] } }]);
    expect(llama.derivativeLinks).toEqual([
      { model: { name: 'Alpaca' }, derivation: { kinds: ['FINETUNE'] } },
      { model: { name: 'Chinese-Vicuna' }, derivation: { kinds: ['ADAPTER'] } },
    ]);
  });

  it('counts direct derivatives and all descendants by kind, as the Hugging Face model tree does', async () => {
    const { llama, vicuna, gptj } = await data(`{
      llama: model(name: "LLaMA") { derivativeKinds { kind count } descendantKinds { kind count } }
      vicuna: model(name: "Vicuna") { derivativeKinds { kind count } descendantKinds { kind count } }
      gptj: model(name: "GPT-J") { derivativeKinds { kind count } } }`);
    // Vicuna hangs from LLaMA-13B, a size variant: not a direct derivative of LLaMA, but a descendant.
    expect(llama.derivativeKinds).toEqual([{ kind: 'FINETUNE', count: 1 }, { kind: 'ADAPTER', count: 1 }]);
    expect(llama.descendantKinds).toEqual([{ kind: 'FINETUNE', count: 3 }, { kind: 'ADAPTER', count: 1 }, { kind: 'ALIGNMENT', count: 1 }]);
    expect(vicuna.derivativeKinds).toEqual([{ kind: 'FINETUNE', count: 1 }, { kind: 'ALIGNMENT', count: 1 }]);
    expect(vicuna.descendantKinds).toEqual(vicuna.derivativeKinds);
    expect(gptj.derivativeKinds).toEqual([{ kind: 'UNSPECIFIED', count: 1 }]);
  });
});

describe('walking and listing by kind', () => {
  it('lineage(kinds) walks only BASED_ON edges of those kinds, VARIANT_OF unless types leaves it out', async () => {
    const { adapters, tunes, onlyBased } = await data(`{
      adapters: lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 5, kinds: [ADAPTER]) { nodes { name } edges { type derivation { kinds } } }
      tunes: lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 5, kinds: [FINETUNE]) { nodes { name } }
      onlyBased: lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 5, kinds: [FINETUNE], types: [BASED_ON]) { nodes { name } } }`);
    expect(names(adapters.nodes)).toEqual(['LLaMA', 'Chinese-Vicuna', 'LLaMA-13B']);
    expect(adapters.edges).toContainEqual({ type: 'BASED_ON', derivation: { kinds: ['ADAPTER'] } });
    expect(names(tunes.nodes)).toEqual(['LLaMA', 'Alpaca', 'LLaMA-13B', 'Vicuna', 'WizardVicunaLM']);
    expect(names(onlyBased.nodes)).toEqual(['LLaMA', 'Alpaca']);
  });

  it('models(filter: { basedOn, derivation }) lists a base\'s adapters, one kind without brackets', async () => {
    const { adapters, aligned, tunes } = await data(`{
      adapters: models(filter: { basedOn: "LLaMA", derivation: ADAPTER }) { totalCount nodes { name } }
      aligned: models(filter: { descendsFrom: "llama", derivation: [ALIGNMENT] }) { nodes { name } }
      tunes: models(filter: { derivation: [FINETUNE], contributor: "Stanford" }) { nodes { name } } }`);
    expect(adapters).toEqual({ totalCount: 1, nodes: [{ name: 'Chinese-Vicuna' }] });
    expect(names(aligned.nodes)).toEqual(['WizardVicunaLM']);
    expect(names(tunes.nodes)).toEqual(['Alpaca', 'Vicuna']);
  });

  it('overview counts BASED_ON relations by kind', async () => {
    const { overview } = await data('{ overview { derivationCounts { kind count } } }');
    expect(overview.derivationCounts).toEqual([
      { kind: 'FINETUNE', count: 3 }, { kind: 'ADAPTER', count: 1 }, { kind: 'ALIGNMENT', count: 1 }, { kind: 'UNSPECIFIED', count: 1 },
    ]);
  });

  it('refuses a kind that does not exist before running anything, naming it', async () => {
    const { status, body } = await server.graphql('{ models(filter: { derivation: LORA }) { totalCount } }');
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors[0].message).toContain('LORA');
  });
});

describe('the schema and the limits', () => {
  it('has one DerivationKind per kind the ingest reads, plus UNSPECIFIED', async () => {
    const { __type } = await data('{ __type(name: "DerivationKind") { enumValues { name description } } }');
    expect(__type.enumValues.map((v: { name: string }) => v.name)).toEqual([...API_DERIVATION_KINDS]);
    for (const v of __type.enumValues) expect(v.description, v.name).toBeTruthy();
  });

  it('resolves a page of models with kinds, links and counts in a fixed number of Cypher queries', async () => {
    const apollo = createApollo(serverConfigFromEnv({}));
    await apollo.start();
    try {
      const query = `{ models(first: 100) { nodes { name basedOn(kinds: [FINETUNE]) { name } baseLinks { derivation { kinds } }
        derivatives { name } derivativeLinks { model { name } relation { id } } derivativeKinds { kind count } descendantKinds { kind count } } } }`;
      const { errors, executed } = await execute(apollo, driver, { query });
      expect(errors).toBeUndefined();
      // The page with every model's bases and derivatives, then all descendant counts.
      expect(executed.sort()).toEqual(['descendantKinds', 'modelsPage']);
    } finally {
      await apollo.stop();
    }
  });

  it("keeps the explorer's lineage walk with kinds, and a full page of models with their counts, inside the cost budget", () => {
    const schema = buildSchema();
    const limits = serverConfigFromEnv({}).limits;
    const cost = (query: string) => {
      const document = parse(query);
      const operation = document.definitions[0] as OperationDefinitionNode;
      return operationCost(schema, document, operation, {}, { maxLineageDepth: limits.maxLineageDepth, maxPageSize: limits.maxPageSize });
    };
    const explorer = `{ lineage(name: "x", direction: BOTH, maxDepth: 10, types: [BASED_ON, VARIANT_OF]) { root { id name } nodes { id name kind depth }
      edges { id type source target derivedFrom sources { file line section text } derivation { kinds } } omitted } }`;
    expect(cost(explorer)).toBeLessThan(limits.maxQueryCost);
    const page = '{ models(first: 100) { nodes { name derivativeKinds { kind count } descendantKinds { kind count } derivativeLinks { model { name } derivation { kinds } } } } }';
    expect(cost(page)).toBeLessThan(limits.maxQueryCost);
    // Evidence is charged per item: asking for it on a whole walk costs more than kinds alone.
    expect(cost(explorer.replace('derivation { kinds }', 'derivation { kinds evidence { kind words source line from } }'))).toBeGreaterThan(cost(explorer));
  });
});
