import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { ingestHistory } from '../../ingest/history/history.js';
import { buildGraphFromTexts, loadAliases } from '../../ingest/pipeline.js';
import { sha256 } from '../../ingest/input/files.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { emptyDatabase, servedGraph, snapshot, testDriver } from '../support/database.js';
import { commits, gitHistory } from '../support/git-history.js';
import { expectSameGraph } from '../support/same-graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The bundled list's two versions (early 2023, late 2023) as the history of one file in a git
 * repository made here, in test-output/: ingested version by version, they must give the graph
 * a fresh ingest of each version gives, plus when each fact was first and last stated.
 */
const FILE = 'open-source-chatgpt-list.md';
const EARLY_DATE = '2023-03-20T10:00:00.000Z';
const LATE_DATE = '2023-11-15T10:00:00.000Z';

let driver: Driver;
let server: TestServer;
let repo: string;
let early: string;
let late: string;
let shas: string[];

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
  early = await readFile(join(CORPUS_DIR, 'open-source-chatgpt-list-early.md'), 'utf8');
  late = await readFile(join(CORPUS_DIR, FILE), 'utf8');
  repo = await gitHistory(FILE, [
    { text: early, date: EARLY_DATE },
    { text: late, date: LATE_DATE },
  ]);
  shas = await commits(repo);
  await emptyDatabase(driver);
});
afterAll(async () => {
  await server.stop();
  await driver.close();
  await rm(repo, { recursive: true, force: true });
});

async function fresh(text: string) {
  return buildGraphFromTexts([{ source: FILE, text, sha256: sha256(text) }], { aliases: await loadAliases() }).graph;
}

async function gql(query: string, variables?: Record<string, unknown>) {
  const { body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('a list ingested from its git history', () => {
  it('equals a fresh ingest of each version at every step, keeping the ids it gave before', async () => {
    const afterStep: Map<string, string>[] = [];
    const steps = await ingestHistory(driver, repo, FILE, {
      onStep: async (step) => {
        const version = step.version.commit === shas[0] ? early : late;
        afterStep.push(expectSameGraph(await servedGraph(driver), await fresh(version)));
      },
    });
    expect(steps.map((s) => [s.version.commit, s.version.date, s.result?.changed])).toEqual([
      [shas[0], EARLY_DATE, true],
      [shas[1], LATE_DATE, true],
    ]);
    // Version 1 into an empty store: the ids of a dry run.
    expect(afterStep[0]).toEqual(new Map());
    // Version 2: what version 1 named keeps its id; a dry run of version 2 alone would rename it.
    expect(afterStep[1].get('model:bentsao')).toBe('model:huatuo');
    const earlyIds = new Set((await fresh(early)).nodes.map((n) => n.id));
    for (const [, kept] of afterStep[1]) expect(earlyIds, `${kept} was not an id of version 1`).toContain(kept);
  });

  it('changes nothing when the same history is ingested again', async () => {
    const before = await snapshot(driver);
    const steps = await ingestHistory(driver, repo, FILE);
    expect(steps.map((s) => s.skipped)).toEqual(['already in the store', 'already in the store']);
    expect(await snapshot(driver)).toBe(before);
  });

  it('answers changes: the real additions, removals, the Huatuo → BenTsao rename and changed facts', async () => {
    const { changes } = await gql(`{ changes(source: "${FILE}") {
      source from { date commit } to { date commit }
      added(kinds: [MODEL]) { id name }
      removed(kinds: [MODEL]) { id name lastSeen { date commit } }
      renamed { node { id } from to repository }
      changed { node { id name } type added { name } removed { name } }
      addedRelations(types: [BASED_ON]) { source { name } target { name } }
    } }`);
    expect(changes.from).toEqual({ date: EARLY_DATE, commit: shas[0] });
    expect(changes.to).toEqual({ date: LATE_DATE, commit: shas[1] });
    const added = changes.added.map((n: { name: string }) => n.name);
    for (const name of ['BiLLa', 'ChatGLM2-6B', 'CodeLLaMA', 'Anima', 'Aquila']) expect(added).toContain(name);
    // Renamed, not removed and added again.
    expect(changes.renamed).toContainEqual({ node: { id: 'model:huatuo' }, from: 'Huatuo', to: 'BenTsao', repository: 'github.com/scir-hi/huatuo-llama-med-chinese' });
    expect(added).not.toContain('BenTsao');
    const removed = changes.removed.map((n: { name: string }) => n.name);
    expect(removed).not.toContain('Huatuo');
    expect(removed).toContain('ChatRWKV');
    // A removed model was last stated by version 1.
    for (const n of changes.removed) expect(n.lastSeen, n.name).toEqual({ date: EARLY_DATE, commit: shas[0] });
    // Every model added is in version 2 and not in version 1, every one removed the other way round.
    const names = async (text: string) => new Set((await fresh(text)).nodes.filter((n) => n.label === 'Model').flatMap((n) => [n.name, ...n.aliases]));
    const [inEarly, inLate] = [await names(early), await names(late)];
    for (const name of added) expect(inLate.has(name) && !inEarly.has(name), name).toBe(true);
    for (const name of removed) expect(inEarly.has(name), name).toBe(true);
    // Changed facts of nodes in both: llama.cpp is no longer stated as based on LLaMA.
    expect(changes.changed).toContainEqual({ node: { id: 'project:llama-cpp', name: 'llama.cpp' }, type: 'BASED_ON', added: [], removed: [{ name: 'LLaMA' }] });
    expect(changes.addedRelations).toContainEqual({ source: { name: 'BiLLa' }, target: { name: 'LLaMA' } });
  });

  it('tells when each fact was first and last stated, per source', async () => {
    const { vicuna, billa, relation } = await gql(`{
      vicuna: model(name: "Vicuna") { firstSeen { source date commit } lastSeen { date commit } }
      billa: model(name: "BiLLa") { firstSeen { date commit } lastSeen(source: "${FILE}") { date commit } }
      relation: model(name: "BiLLa") { relations(direction: OUTGOING, types: [BASED_ON]) { firstSeen { date } } }
    }`);
    expect(vicuna.firstSeen).toEqual({ source: FILE, date: EARLY_DATE, commit: shas[0] });
    expect(vicuna.lastSeen).toEqual({ date: LATE_DATE, commit: shas[1] });
    expect(billa.firstSeen).toEqual({ date: LATE_DATE, commit: shas[1] });
    expect(billa.lastSeen).toEqual({ date: LATE_DATE, commit: shas[1] });
    expect(relation.relations.length).toBeGreaterThan(0);
    for (const r of relation.relations) expect(r.firstSeen).toEqual({ date: LATE_DATE });
  });

  it('answers model, models and lineage as of a date from the graph as it stood then', async () => {
    const between = '2023-06-01T00:00:00Z';
    const data = await gql(`{
      before: models(asOf: "2023-01-01T00:00:00Z") { totalCount }
      then: models(asOf: "${between}", first: 1) { totalCount }
      now: models(first: 1) { totalCount }
      huatuo: model(name: "Huatuo", asOf: "${between}") { id name basedOn { name } }
      bentsaoThen: model(name: "BenTsao", asOf: "${between}") { id }
      bentsaoNow: model(name: "BenTsao") { id name }
      billaThen: model(name: "BiLLa", asOf: "${between}") { id }
      lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 1, asOf: "${between}") { nodes { name } }
    }`);
    const models = async (text: string) => (await fresh(text)).nodes.filter((n) => n.label === 'Model').length;
    expect(data.before.totalCount).toBe(0);
    expect(data.then.totalCount).toBe(await models(early));
    expect(data.now.totalCount).toBe(await models(late));
    expect(data.huatuo).toMatchObject({ id: 'model:huatuo', name: 'Huatuo' });
    expect(data.bentsaoThen).toBeNull();
    expect(data.bentsaoNow).toEqual({ id: 'model:huatuo', name: 'BenTsao' });
    expect(data.billaThen).toBeNull();
    const then = data.lineage.nodes.map((n: { name: string }) => n.name);
    expect(then).toContain('Vicuna');
    expect(then).not.toContain('BiLLa');
  });

  it('lists the source with its versions and counts', async () => {
    const { sources } = await gql('{ sources { file sha256 versions version { date commit } firstVersion { date commit } nodes relations mentions } }');
    const graph = await fresh(late);
    expect(sources).toEqual([
      {
        file: FILE,
        sha256: sha256(late),
        versions: 2,
        version: { date: LATE_DATE, commit: shas[1] },
        firstVersion: { date: EARLY_DATE, commit: shas[0] },
        nodes: graph.nodes.length,
        relations: graph.edges.length,
        mentions: expect.any(Number),
      },
    ]);
  });
});
