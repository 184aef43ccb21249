import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { nameKey } from '../../ingest/graph/name-key.js';
import { corpusGraph } from '../support/corpus.js';
import { nestedModelQuery } from '../support/nested-query.js';
import { serveGraph, type TestServer } from '../support/server.js';

let driver: Driver;
let server: TestServer;

serveGraph(corpusGraph, (d, s) => {
  driver = d;
  server = s;
});

const keys = (items: { name: string }[]) => items.map((i) => nameKey(i.name));

async function data(query: string) {
  const { status, body } = await server.graphql(query);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

describe('the issue-2 queries on the bundled corpus, over HTTP', () => {
  it('Vicuna is based on LLaMA and comes from UC Berkley, Stanford and CMU, with its sources', async () => {
    const { model } = await data(`{ model(name: "vicuna") { name aliases contributors { name aliases } basedOn { name }
      derivatives { name } sources { file line section } } }`);
    expect(model.name).toBe('Vicuna');
    expect(keys(model.basedOn)).toContain('llama');
    const contributorNames = model.contributors.flatMap((c: { name: string; aliases: string[] }) => [c.name, ...c.aliases].map(nameKey));
    expect(contributorNames).toEqual(expect.arrayContaining(['ucberkley', 'stanford', 'cmu']));
    expect(model.contributors).toHaveLength(3);
    expect(keys(model.derivatives)).toContain('wizardvicunalm');
    expect(model.sources).toContainEqual({ file: 'open-source-chatgpt-list.md', line: 145, section: 'General Domain Instruction Models' });
  });

  it('LLaMA has at least 40 descendants within depth 3, drawn as nodes and edges', async () => {
    const { lineage } = await data(`{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 3) {
      nodes { id name label } edges { type source target } } }`);
    expect(lineage.nodes.length - 1).toBeGreaterThanOrEqual(40);
    const ids = new Set(lineage.nodes.map((n: { id: string }) => n.id));
    for (const edge of lineage.edges) {
      expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
    }
    for (const edge of lineage.edges) expect(['BASED_ON', 'VARIANT_OF']).toContain(edge.type);
    expect(lineage.edges.length).toBeGreaterThanOrEqual(40);
  });

  it('Meta contributed LLaMA and OPT', async () => {
    const { organization } = await data('{ organization(name: "meta") { name models { name } } }');
    expect(organization.name).toBe('Meta');
    expect(keys(organization.models)).toEqual(expect.arrayContaining(['llama', 'opt']));
  });
});

describe('the issue-4 answers on the bundled corpus', () => {
  it('the path from WizardVicunaLM to LLaMA passes through Vicuna', async () => {
    const { path } = await data('{ path(from: "WizardVicunaLM", to: "LLaMA") { nodes { name } edges { type } } }');
    const names = keys(path.nodes);
    expect(names[0]).toBe('wizardvicunalm');
    expect(names.at(-1)).toBe('llama');
    expect(names).toContain('vicuna');
  });

  it('the common ancestors of Alpaca and Vicuna include LLaMA', async () => {
    const { commonAncestors } = await data('{ commonAncestors(a: "Alpaca", b: "Vicuna") { name } }');
    expect(keys(commonAncestors)).toContain('llama');
  });

  it('LLaMA has at least 60 descendants within depth 2', async () => {
    const { model } = await data('{ model(name: "LLaMA") { descendants(maxDepth: 2) { model { name } depth } } }');
    expect(model.descendants.length).toBeGreaterThanOrEqual(60);
    expect(Math.max(...model.descendants.map((d: { depth: number }) => d.depth))).toBeLessThanOrEqual(2);
  });

  it('search("vicuna") ranks Vicuna first', async () => {
    const { search } = await data('{ search(query: "vicuna") { name kind score } }');
    expect(search[0]).toMatchObject({ name: 'Vicuna', kind: 'MODEL' });
    expect(search[0].score).toBeGreaterThan(search[1].score);
  });

  it('refuses maxDepth: 100000 with BAD_USER_INPUT', async () => {
    const { body } = await server.graphql('{ lineage(name: "LLaMA", maxDepth: 100000) { nodes { id } } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a 30-level nested query', async () => {
    const { status, body } = await server.graphql(nestedModelQuery('LLaMA', 'derivatives', 29));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(body.errors[0].message).toMatch(/^Query depth limit of 12 exceeded/);
  });

  it('answers "which models were trained with a dataset" and "who uses a method"', async () => {
    const { dataset } = await data('{ dataset(name: "Alpaca data") { name models { name } } }');
    expect(keys(dataset.models)).toEqual(expect.arrayContaining(['dolly', 'baize']));
    const { models } = await data('{ models(filter: { contributor: "THU" }, first: 50) { totalCount nodes { name } } }');
    expect(keys(models.nodes)).toContain('chatglm'); // ChatGLM-6B, its only size with a row, is the ChatGLM node
  });
});
