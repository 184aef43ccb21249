import { describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { createApollo } from '../../src/graphql/apollo.js';
import { execute } from '../support/execute.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { nestedModelQuery } from '../support/nested-query.js';
import { serveGraph, startTestServer, type TestServer } from '../support/server.js';

let driver: Driver;
let server: TestServer;

serveGraph(fixtureGraph, (d, s) => {
  driver = d;
  server = s;
});

describe('GraphQL over HTTP on the fixture graph', () => {
  it('answers a model with its relations and provenance', async () => {
    const { status, body } = await server.graphql(`{ model(name: "vicuna") {
      name contributors { name organizationKind } basedOn { name variantOf { name } } derivatives { name }
      datasets { name } languages { name } siblings { name } sources { file line section derivedFrom } } }`);
    expect(status).toBe(200);
    expect(body.data.model).toEqual({
      name: 'Vicuna',
      contributors: [
        { name: 'Stanford', organizationKind: 'INSTITUTION' },
        { name: 'UC Berkley', organizationKind: 'INSTITUTION' },
      ],
      basedOn: [{ name: 'LLaMA-13B', variantOf: [{ name: 'LLaMA' }] }],
      derivatives: [{ name: 'WizardVicunaLM' }],
      datasets: [{ name: 'ShareGPT' }],
      languages: [{ name: 'en' }],
      siblings: [],
      sources: [{ file: 'fixture.md', line: 12, section: 'Fixture', derivedFrom: 'TABLE' }],
    });
  });

  it('gives null for an unknown model and NOT_FOUND naming the input for an unknown lineage root', async () => {
    expect((await server.graphql('{ model(name: "nope") { name } }')).body.data.model).toBeNull();
    const { body } = await server.graphql('{ lineage(name: "Nonexistent-LM") { nodes { id } } }');
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
    expect(body.errors[0].message).toContain('Nonexistent-LM');
  });

  it('draws a lineage graph with depths and provenance on edges', async () => {
    const { body } = await server.graphql(`{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 2) {
      root { id } nodes { id name label depth } edges { type source target derivedFrom } omitted } }`);
    const lineage = body.data.lineage;
    expect(lineage.root.id).toBe('model:llama');
    expect(lineage.nodes.map((n: any) => [n.name, n.depth])).toEqual([
      ['LLaMA', 0], ['Alpaca', 1], ['Chinese-Vicuna', 1], ['LLaMA-13B', 1], ['Vicuna', 2],
    ]);
    expect(lineage.edges).toContainEqual({ type: 'BASED_ON', source: 'model:vicuna', target: 'model:llama13b', derivedFrom: 'TABLE' });
    expect(lineage.omitted).toBe(1);
  });

  it('attaches contributors and datasets to every node of a lineage graph without walking them', async () => {
    const { body } = await server.graphql(`{ lineage(name: "WizardVicunaLM", direction: ANCESTORS, maxDepth: 5,
      attach: [FROM_CONTRIBUTOR, TRAINED_WITH]) { nodes { name depth } edges { type source target } omitted } }`);
    const lineage = body.data.lineage;
    expect(lineage.nodes).toEqual([
      { name: 'WizardVicunaLM', depth: 0 }, { name: 'Vicuna', depth: 1 }, { name: 'LLaMA-13B', depth: 2 }, { name: 'LLaMA', depth: 3 },
      { name: 'Meta', depth: null }, { name: 'ShareGPT', depth: null }, { name: 'Stanford', depth: null }, { name: 'UC Berkley', depth: null },
    ]);
    expect(lineage.edges).toContainEqual({ type: 'TRAINED_WITH', source: 'model:vicuna', target: 'dataset:sharegpt' });
    expect(lineage.edges).toContainEqual({ type: 'FROM_CONTRIBUTOR', source: 'model:llama', target: 'organization:meta' });
    expect(lineage.omitted).toBe(0);
  });

  it('refuses a lineage maxDepth beyond the cap with BAD_USER_INPUT', async () => {
    const { status, body } = await server.graphql('{ lineage(name: "LLaMA", maxDepth: 100000) { nodes { id } } }');
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/maxDepth must be between 1 and 10/);
    expect(status).toBe(200);
  });

  it('refuses a query nested beyond the depth limit before running it', async () => {
    const { status, body } = await server.graphql(nestedModelQuery('vicuna', 'basedOn', 30));
    expect(status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' });
    expect(body.errors[0].message).toBe('Query depth limit of 12 exceeded, found 32.');
  });

  it('answers a refused request with 200 to legacy application/json clients, as the spec asks', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: nestedModelQuery('vicuna', 'basedOn', 20) }),
    });
    expect(response.status).toBe(200);
    expect((await response.json()).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const noQuery = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query: 42 }),
    });
    expect(noQuery.status).toBe(400);
  });

  it('refuses a query over the cost budget and a page larger than the cap', async () => {
    const costly = await server.graphql(
      '{ models(first: 100) { nodes { derivatives { derivatives { derivatives { derivatives { name } } } } } } }',
    );
    expect(costly.status).toBe(400);
    expect(costly.body.errors[0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit: 'cost' });
    expect(costly.body.errors[0].message).toMatch(/budget of 50000/);
    // Three levels of a batched relation under a full page are affordable (four Cypher queries).
    const affordable = await server.graphql('{ models(first: 100) { nodes { derivatives { derivatives { derivatives { name } } } } } }');
    expect(affordable.body.errors).toBeUndefined();
    const big = await server.graphql('{ models(first: 1000) { totalCount } }');
    expect(big.body.errors[0].message).toMatch(/first must be between 1 and 100/);
  });

  it('finds paths and common ancestors', async () => {
    const { body } = await server.graphql(`{
      path(from: "WizardVicunaLM", to: "LLaMA") { length nodes { name } edges { type source target } }
      commonAncestors(a: "Alpaca", b: "WizardVicunaLM") { name } }`);
    expect(body.data.path.nodes.map((n: any) => n.name)).toEqual(['WizardVicunaLM', 'Vicuna', 'LLaMA-13B', 'LLaMA']);
    expect(body.data.path.length).toBe(3);
    expect(body.data.commonAncestors).toEqual([{ name: 'LLaMA' }]);
  });

  it('pages models with cursors', async () => {
    const first = await server.graphql('{ models(first: 4) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }');
    const page = first.body.data.models;
    expect(page.totalCount).toBe(9);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await server.graphql('query($after: String) { models(first: 4, after: $after) { nodes { name } } }', {
      after: page.pageInfo.endCursor,
    });
    expect(next.body.data.models.nodes.map((n: any) => n.name)).toEqual(['GPT-J', 'LLaMA', 'LLaMA-13B', 'Vicuna']);
  });

  it('reads relations with provenance and overview counts', async () => {
    const { body } = await server.graphql(`{
      relations(derivedFrom: TEXT) { totalCount nodes { type source { name } target { name } sources { text derivedFrom } } }
      overview { topBaseModels(first: 1) { model { name } descendants } topContributors(first: 1) { organization { name } models } } }`);
    expect(body.data.relations).toEqual({
      totalCount: 1,
      nodes: [{ type: 'BASED_ON', source: { name: 'Dolly' }, target: { name: 'GPT-J' }, sources: [{ text: 'a sentence', derivedFrom: 'TEXT' }] }],
    });
    expect(body.data.overview.topBaseModels).toEqual([{ model: { name: 'LLaMA' }, descendants: 5 }]);
    expect(body.data.overview.topContributors).toEqual([{ organization: { name: 'Stanford' }, models: 2 }]);
  });

  it('exports a lineage subgraph as node-link JSON over GraphQL and as GraphML over GET', async () => {
    const { body } = await server.graphql('{ export(name: "Vicuna", direction: ANCESTORS, maxDepth: 2) { mediaType nodeCount edgeCount content } }');
    const exported = body.data.export;
    expect(exported).toMatchObject({ mediaType: 'application/json', nodeCount: 3, edgeCount: 2 });
    const data = JSON.parse(exported.content);
    expect(data.nodes.map((n: any) => n.id).sort()).toEqual(['model:llama', 'model:llama13b', 'model:vicuna']);
    expect(data.links).toContainEqual(expect.objectContaining({ source: 'model:vicuna', target: 'model:llama13b', type: 'BASED_ON' }));

    const response = await fetch(`${server.url}/export?format=graphml`);
    expect(response.headers.get('content-type')).toMatch(/graphml/);
    const xml = await response.text();
    expect(xml).toContain('<edge id="BASED_ON:model:vicuna-&#62;model:llama13b"');
    expect(xml.match(/<node /g)?.length).toBe(fixtureGraph().nodes.length);
    const bad = await fetch(`${server.url}/export?format=xlsx`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/format must be one of/);
  });

  it('serves health and readiness', async () => {
    expect(await (await fetch(`${server.url}/health`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(200);
  });

  it('answers GET for queries but refuses mutations-by-GET-style CSRF without a preflight header', async () => {
    const query = encodeURIComponent('{ model(name: "alpaca") { name } }');
    const blocked = await fetch(`${server.url}/graphql?query=${query}`);
    expect(blocked.status).toBe(400);
    const allowed = await fetch(`${server.url}/graphql?query=${query}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect((await allowed.json()).data.model.name).toBe('Alpaca');
  });
});

describe('DataLoader batching', () => {
  it('resolves many models with their bases and contributors in a fixed number of Cypher queries', async () => {
    const apollo = createApollo(serverConfigFromEnv({}));
    await apollo.start();
    try {
      const query = '{ models(first: 100) { nodes { name basedOn { name } contributors { name } } } }';
      const { data, errors, executed } = await execute(apollo, driver, { query });
      expect(errors).toBeUndefined();
      expect(data.models.nodes.length).toBe(9);
      // The page with every model's bases and contributors: one query (it was four: count, page, bases, contributors).
      expect(executed).toEqual(['modelsPage']);
    } finally {
      await apollo.stop();
    }
  });
});

describe('HTTP modes', () => {
  it('in production hides stack traces and keeps introspection on (the schema is the documentation)', async () => {
    const production = await startTestServer(driver, { NODE_ENV: 'production' });
    try {
      const introspection = await production.graphql('{ __type(name: "Model") { name } }');
      expect(introspection.body.data.__type.name).toBe('Model');
      const failing = await production.graphql('{ lineage(name: "nope") { nodes { id } } }');
      expect(failing.body.errors[0].extensions.code).toBe('NOT_FOUND');
      expect(failing.body.errors[0].extensions.stacktrace).toBeUndefined();
    } finally {
      await production.stop();
    }
  });

  it('answers the full introspection query the playgrounds send, however deep its ofType chain', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const query = getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true, schemaDescription: true });
    const { status, body } = await server.graphql(query);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain('Model');
  });

  it('turns introspection off when INTROSPECTION=false', async () => {
    const closed = await startTestServer(driver, { INTROSPECTION: 'false' });
    try {
      const introspection = await closed.graphql('{ __schema { types { name } } }');
      expect(introspection.body.errors[0].message).toMatch(/introspection/i);
    } finally {
      await closed.stop();
    }
  });

  it('keeps introspection on in development, with the schema descriptions', async () => {
    const { body } = await server.graphql('{ __type(name: "Model") { fields { name description } } }');
    const basedOn = body.data.__type.fields.find((f: { name: string }) => f.name === 'basedOn');
    expect(basedOn.description).toMatch(/BASED_ON/);
  });

  it('answers automatic persisted queries: unknown hash first, then by hash alone', async () => {
    const query = '{ model(name: "dolly") { name } }';
    const { createHash } = await import('node:crypto');
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const persisted = { persistedQuery: { version: 1, sha256Hash } };
    const post = (body: unknown) =>
      fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
    expect((await post({ extensions: persisted })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions: persisted })).data.model.name).toBe('Dolly');
    expect((await post({ extensions: persisted })).data.model.name).toBe('Dolly');
  });

  it('allows only the configured CORS origins', async () => {
    const restricted = await startTestServer(driver, { CORS_ORIGINS: 'https://notebooks.example' });
    try {
      const preflight = (origin: string) =>
        fetch(`${restricted.url}/graphql`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
        });
      expect((await preflight('https://notebooks.example')).headers.get('access-control-allow-origin')).toBe('https://notebooks.example');
      expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await restricted.stop();
    }
  });
});
