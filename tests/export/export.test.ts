import type { Driver } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { MODEL_COLUMNS, RELATION_COLUMNS } from '../../src/export/tables.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { checkPython, PYTHON_SKIP_NOTE, runPython } from '../support/python.js';
import { serveGraph, type TestServer } from '../support/server.js';

/** The exports on the fixture graph: orientation, one spelling of enums, flat tables, GraphML read back by networkx. */

let driver: Driver;
let server: TestServer;

serveGraph(fixtureGraph, (d, s) => {
  driver = d;
  server = s;
});

async function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${server.url}${path}`);
  return { status: response.status, type: response.headers.get('content-type') ?? '', body: await response.text() };
}

/** RFC 4180 rows (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  const [header, ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe('exports', () => {
  it('point edges as the relation reads by default, and base → derived with orientation=lineage', async () => {
    const relation = JSON.parse((await get('/export?format=node-link&name=Vicuna&direction=ANCESTORS&maxDepth=2')).body);
    expect(relation.graph.orientation).toBe('RELATION');
    expect(relation.links).toContainEqual(expect.objectContaining({ source: 'model:vicuna', target: 'model:llama13b', type: 'BASED_ON' }));
    const lineage = JSON.parse((await get('/export?format=node-link&name=Vicuna&direction=ANCESTORS&maxDepth=2&orientation=lineage')).body);
    expect(lineage.graph.orientation).toBe('LINEAGE');
    expect(lineage.links).toContainEqual(expect.objectContaining({ source: 'model:llama13b', target: 'model:vicuna', type: 'BASED_ON' }));
    expect(lineage.links).toHaveLength(relation.links.length);
    expect((await get('/export?orientation=sideways')).status).toBe(400);
  });

  it('spell every enum as GraphQL does', async () => {
    const data = JSON.parse((await get('/export?format=node-link')).body);
    const dolly = data.links.find((l: { id: string }) => l.id === 'BASED_ON:model:dolly->model:gptj');
    expect(dolly).toMatchObject({ type: 'BASED_ON', derivedFrom: 'TEXT', derivationKinds: ['UNSPECIFIED'] });
    const adapter = data.links.find((l: { id: string }) => l.id === 'BASED_ON:model:chinesevicuna->model:llama');
    expect(adapter).toMatchObject({ derivationKinds: ['ADAPTER'], derivationMethods: ['LoRA'] });
    const { body: kinds } = await server.graphql('{ relations(type: BASED_ON) { nodes { id derivation { kinds methods } } } }');
    for (const r of kinds.data.relations.nodes) {
      const link = data.links.find((l: { id: string }) => l.id === r.id);
      expect([link.derivationKinds, link.derivationMethods], r.id).toEqual([r.derivation.kinds, r.derivation.methods]);
    }
    expect(data.nodes.find((n: { id: string }) => n.id === 'model:vicuna')).toMatchObject({ kind: 'MODEL', label: 'Model' });
    const { body } = await server.graphql(`{ relations(type: BASED_ON, derivedFrom: TEXT) { nodes { id derivedFrom } } }`);
    expect(body.data.relations.nodes).toContainEqual({ id: dolly.id, derivedFrom: dolly.derivedFrom });
  });

  it('give one row per model with its facts as CSV, over GET and GraphQL alike', async () => {
    const response = await get('/export?format=csv&table=models');
    expect(response.status).toBe(200);
    expect(response.type).toMatch(/^text\/csv/);
    const rows = parseCsv(response.body);
    expect(Object.keys(rows[0])).toEqual(MODEL_COLUMNS);
    expect(rows.map((r) => r.id)).toHaveLength(fixtureGraph().nodes.filter((n) => n.label === 'Model').length);
    const vicuna = rows.find((r) => r.id === 'model:vicuna')!;
    expect(JSON.parse(vicuna.contributors).sort()).toEqual(['Stanford', 'UC Berkley']);
    expect(JSON.parse(vicuna.basedOn)).toEqual(['LLaMA-13B']);
    expect(JSON.parse(vicuna.languages)).toEqual(['en']);
    expect(JSON.parse(vicuna.datasets)).toEqual(['ShareGPT']);
    expect(vicuna.mainFeature).toBe('Impressing GPT-4 with 90% ChatGPT Quality.');
    expect(JSON.parse(rows.find((r) => r.id === 'model:llama')!.aliases)).toEqual(['Llama', 'LLaMA2']);

    const { body } = await server.graphql('{ export(format: CSV, table: MODELS) { mediaType content nodeCount } }');
    expect(body.data.export.mediaType).toBe('text/csv');
    expect(body.data.export.content).toBe(response.body);
  });

  it('give one row per relation as CSV, in the orientation asked for', async () => {
    const rows = parseCsv((await get('/export?format=csv&table=relations&orientation=lineage')).body);
    expect(rows).toHaveLength(fixtureGraph().edges.length);
    expect(Object.keys(rows[0])).toEqual(RELATION_COLUMNS);
    expect(rows.find((r) => r.id === 'BASED_ON:model:vicuna->model:llama13b')).toMatchObject({
      type: 'BASED_ON', source: 'model:llama13b', sourceName: 'LLaMA-13B', target: 'model:vicuna', targetName: 'Vicuna', derivedFrom: 'TABLE',
      derivationKinds: '["FINETUNE"]', derivationMethods: '[]',
    });
    expect(rows.find((r) => r.id === 'BASED_ON:model:wizardvicunalm->model:vicuna')).toMatchObject({
      derivationKinds: '["FINETUNE","ALIGNMENT"]', derivationMethods: '["DPO"]',
    });
    expect(rows.find((r) => r.type === 'FROM_CONTRIBUTOR')).toMatchObject({ derivationKinds: '[]', derivationMethods: '[]' });
    expect((await get('/export?format=csv&table=papers')).status).toBe(400);
  });

  it('give licenses, languages and domains as objects, like contributors', async () => {
    const { body } = await server.graphql('{ model(name: "Vicuna") { languages { id name kind } licenses { name } domains { name } contributors { name } } }');
    expect(body.data.model.languages).toEqual([{ id: 'language:en', name: 'en', kind: 'LANGUAGE' }]);
    expect(body.data.model.licenses).toEqual([]);
  });

  it('read back in networkx (GraphML as a directed multigraph, lists kept) and pandas', async (ctx) => {
    if (!checkPython('export read-back')) ctx.skip(PYTHON_SKIP_NOTE);
    const { code, stdout, stderr } = await runPython(['tests/export/read_exports.py', server.url]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const found = JSON.parse(stdout);
    const fixture = fixtureGraph();
    expect(found.graphml).toMatchObject({ type: 'MultiDiGraph', nodes: fixture.nodes.length, edges: fixture.edges.length });
    expect(found.graphml.llamaAliases).toEqual(['Llama', 'LLaMA2']);
    expect(found.graphml.vicunaAliases).toEqual([]);
    // Base → derived: networkx's descendants of LLaMA are what is built on it.
    expect(found.graphml.llamaDescendants).toEqual(expect.arrayContaining(['model:llama13b', 'model:vicuna', 'model:wizardvicunalm', 'model:alpaca']));
    expect(found.graphml.llamaDescendants).not.toContain('organization:meta');
    expect(found.graphml.dollyEdge).toEqual([
      { type: 'BASED_ON', derivedFrom: 'TEXT', derivationKinds: '["UNSPECIFIED"]', derivationMethods: '[]', sources: '["fixture.md:2"]' },
    ]);
    expect(found.nodeLink.type).toBe('MultiDiGraph');
    expect(found.nodeLink.llamaDescendants).toEqual(found.graphml.llamaDescendants);
    expect(found.models.rows).toBe(fixture.nodes.filter((n) => n.label === 'Model').length);
    expect(found.models.vicunaContributors.sort()).toEqual(['Stanford', 'UC Berkley']);
    expect(found.models.vicunaLanguages).toEqual(['en']);
    expect(found.relations.rows).toBe(fixture.edges.length);
    expect(found.relations.vicunaBase).toEqual([{ source: 'model:llama13b', target: 'model:vicuna' }]);
    // How each model was made, read back from all three formats alike, in the enum's spelling.
    const kinds = Object.fromEntries(fixture.edges.map((e) => [e.id, e.derivation?.kinds ?? []]));
    expect(found.graphml.kindsByEdge).toEqual(kinds);
    expect(found.nodeLink.kindsByEdge).toEqual(kinds);
    expect(found.relations.kindsByEdge).toEqual(kinds);
    expect(found.graphml.methodsByEdge['BASED_ON:model:chinesevicuna->model:llama']).toEqual(['LoRA']);
    expect(found.graphml.adapters).toEqual(['model:chinesevicuna']);
    expect(found.relations.adapters).toEqual(['Chinese-Vicuna']);
  });
});
