import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { ingestAtStart, ingestSources, UnknownSource } from '../../ingest/load/ingest.js';
import { buildGraph, readInputs } from '../../ingest/pipeline.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { emptyDatabase, servedGraph, snapshot, testDriver } from '../support/database.js';
import { TEST_OUTPUT } from '../support/git-history.js';
import { expectSameGraph } from '../support/same-graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
const EARLY = join(CORPUS_DIR, 'open-source-chatgpt-list-early.md');
const LATE = join(CORPUS_DIR, 'open-source-chatgpt-list.md');
const MY_LLM = join(CORPUS_DIR, 'my-llm.md');
const PNG = fileURLToPath(new URL('../../docs/explorer.png', import.meta.url));

let driver: Driver;
let server: TestServer;
let dir: string;

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  dir = await mkdtemp(join(TEST_OUTPUT, 'sources-'));
});
afterAll(async () => {
  await server.stop();
  await driver.close();
  await rm(dir, { recursive: true, force: true });
});

/** `npm run ingest -- …` against the test Neo4j, as a user runs it. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const neo4j = inject('neo4j');
  const env = { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database ?? '' };
  try {
    const { stdout, stderr } = await run(TSX, ['ingest/cli.ts', ...args], { cwd: ROOT, env, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const ingest = async (paths: string[], opts: { replace?: boolean; remove?: string[] } = {}) =>
  ingestSources(driver, { add: paths.length ? await readInputs(paths) : [], ...opts });

async function gql(query: string) {
  const { body } = await server.graphql(query);
  expect(body.errors).toBeUndefined();
  return body.data;
}

/**
 * What a source states, as the served graph has it: each statement by its kind and the place
 * and words it was read from (an id may change when another list makes a method a model).
 */
async function statedBy(source: string) {
  const g = await servedGraph(driver);
  return new Set(g.edges.flatMap((e) => e.provenance.filter((p) => p.source === source).map((p) => `${e.type} ${JSON.stringify(p)}`)));
}

describe('sources added, not replaced', () => {
  it('ingesting a second file keeps the first file\'s facts: the graph is that of both', async () => {
    await emptyDatabase(driver);
    await ingest([EARLY]);
    const earlyFacts = await statedBy('open-source-chatgpt-list-early.md');
    const result = await ingest([MY_LLM]);
    expect(result.sources).toEqual({ added: ['my-llm.md'], updated: [], removed: [] });
    // Everything the first file stated is still stated by it.
    const after = await statedBy('open-source-chatgpt-list-early.md');
    for (const id of earlyFacts) expect(after, id).toContain(id);
    // And the graph is exactly the one both files give together (the store reads its sources in name order).
    const both = await buildGraph([MY_LLM, EARLY]);
    expectSameGraph(await servedGraph(driver), both.graph);
    const { vicuna } = await gql('{ vicuna: model(name: "vicuna") { sources { file } } }');
    expect(new Set(vicuna.sources.map((s: { file: string }) => s.file))).toEqual(new Set(['open-source-chatgpt-list-early.md', 'my-llm.md']));
  });

  it('writes nothing when a re-run changes nothing', async () => {
    const before = await snapshot(driver);
    const result = await ingest([EARLY, MY_LLM]);
    expect(result.changed).toBe(false);
    expect(await snapshot(driver)).toBe(before);
  });

  it('removing a source removes only what no other source states', async () => {
    await ingest([LATE]);
    const late = await statedBy('open-source-chatgpt-list.md');
    const result = await ingest([], { remove: ['open-source-chatgpt-list-early.md'] });
    expect(result.sources.removed).toEqual(['open-source-chatgpt-list-early.md']);
    const served = await servedGraph(driver);
    // Facts the late list also states stay (without the removed file in their provenance)…
    const after = await statedBy('open-source-chatgpt-list.md');
    for (const fact of late) expect(after, fact).toContain(fact);
    expect(served.edges.every((e) => e.provenance.every((p) => p.source !== 'open-source-chatgpt-list-early.md'))).toBe(true);
    expect(served.nodes.every((n) => n.provenance.every((p) => p.source !== 'open-source-chatgpt-list-early.md'))).toBe(true);
    // …and the graph is that of the two remaining files.
    expectSameGraph(served, (await buildGraph([MY_LLM, LATE])).graph);
    const { sources } = await gql('{ sources { file } }');
    expect(sources.map((s: { file: string }) => s.file)).toEqual(['my-llm.md', 'open-source-chatgpt-list.md']);
  });

  it('refuses to remove a source it does not hold, naming the ones it does', async () => {
    await expect(ingest([], { remove: ['nope.md'] })).rejects.toThrow(UnknownSource);
    await expect(ingest([], { remove: ['nope.md'] })).rejects.toThrow(/no stored source is named nope\.md \(stored: my-llm\.md, open-source-chatgpt-list\.md\)/);
  });

  it('--replace makes the graph exactly the given files', async () => {
    const result = await ingest([EARLY], { replace: true });
    expect(result.sources).toEqual({ added: ['open-source-chatgpt-list-early.md'], updated: [], removed: ['my-llm.md', 'open-source-chatgpt-list.md'] });
    expectSameGraph(await servedGraph(driver), (await buildGraph([EARLY])).graph);
  });

  it('keeps ids across versions of a source: Huatuo renamed BenTsao stays model:huatuo', async () => {
    const huatuo = join(dir, 'list.md');
    await writeFile(huatuo, '# Models\n\n| contributor | model | base model |\n| --- | --- | --- |\n| HIT | [Huatuo](https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese) | LLaMA |\n');
    await ingest([huatuo]);
    await writeFile(huatuo, '# Models\n\n| contributor | model | base model |\n| --- | --- | --- |\n| HIT | [BenTsao](https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese) | LLaMA |\n');
    await ingest([huatuo]);
    const { node, byName } = await gql('{ node(id: "model:huatuo") { name } byName: model(name: "BenTsao") { id } }');
    expect(node).toEqual({ name: 'BenTsao' });
    expect(byName).toEqual({ id: 'model:huatuo' });
    await ingest([], { remove: ['list.md'] });
  });
});

describe('npm run ingest', () => {
  it('prints what changed, per source', async () => {
    await emptyDatabase(driver);
    const first = await cli([EARLY]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^generation 1: \d+ nodes, \d+ relations$/m);
    expect(first.stdout).toMatch(/^ {2}open-source-chatgpt-list-early\.md \(new\): nodes \+\d+ -0 ~0, relations \+\d+ -0 ~0$/m);
    const again = await cli([EARLY]);
    expect(again.stdout).toMatch(/^nothing changed: generation 1 already states these lists/);
    const json = JSON.parse((await cli(['--json', MY_LLM])).stdout);
    expect(json).toMatchObject({ generation: 2, changed: true, sources: { added: ['my-llm.md'], updated: [], removed: [] } });
    expect(json.bySource['my-llm.md'].nodes.added).toBeGreaterThan(0);
    const removed = await cli(['--remove', 'my-llm.md']);
    expect(removed.stdout).toMatch(/^ {2}my-llm\.md \(removed\): nodes \+0 -\d+/m);
  });

  it('refuses a binary file and a file that yields nothing, naming them, and leaves the graph as it was', async () => {
    const before = await snapshot(driver);
    const binary = await cli([PNG]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain(`${PNG}: not Markdown text: it is a PNG image`);
    const prose = join(dir, 'prose.md');
    await writeFile(prose, 'Nothing here names a model.\n');
    const empty = await cli([MY_LLM, prose]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain(`${prose}: yields no entity`);
    expect(await snapshot(driver)).toBe(before);
  });

  it('refuses bad arguments with code 2, naming them', async () => {
    for (const args of [['--file', 'README.md'], ['--history', dir, LATE], ['--dry-run', '--remove', 'x.md']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect((await cli(['--file', 'README.md'])).stderr).toMatch(/--file goes with --history/);
  });
});

describe('npm start', () => {
  it('keeps the lists ingested before: an empty store gets the corpus, a store with sources is only resolved again', async () => {
    await emptyDatabase(driver);
    const read = (paths: string[]) => readInputs(paths);
    const started = await ingestAtStart(driver, { paths: null, defaults: [CORPUS_DIR], read });
    expect(started.sources.added).toHaveLength(4);
    const mine = join(dir, 'mine.md');
    await writeFile(mine, '# Mine\n\n| contributor | model | base model |\n| --- | --- | --- |\n| Me | [MyModel](https://github.com/me/mymodel) | LLaMA |\n');
    await ingest([mine]);
    const again = await ingestAtStart(driver, { paths: null, defaults: [CORPUS_DIR], read });
    expect(again.changed).toBe(false);
    const { mymodel } = await gql('{ mymodel: model(name: "MyModel") { id } }');
    expect(mymodel).toEqual({ id: 'model:mymodel' });
    // INGEST_PATHS: exactly those lists.
    const exactly = await ingestAtStart(driver, { paths: [MY_LLM], defaults: [CORPUS_DIR], read });
    expect(exactly.sources.removed).toEqual(['align-llm-human-survey.md', 'mine.md', 'open-source-chatgpt-list-early.md', 'open-source-chatgpt-list.md']);
    expect((await gql('{ sources { file } }')).sources).toEqual([{ file: 'my-llm.md' }]);
  });
});
