import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../ingest/graph/types.js';
import { buildGraph } from '../../ingest/pipeline.js';
import type { IngestReport } from '../../ingest/report/report.js';
import { graphQueries } from './support/graph.js';

/**
 * Three public lists the extractor was not written for (`tests/fixtures/lists/`, byte for byte
 * the copies in ../shared/extraction/unseen/lists): read through the whole pipeline, scored by
 * the shared scorer, and a few of their hard lines checked by hand.
 */
const LISTS = fileURLToPath(new URL('../fixtures/lists/', import.meta.url));
const SCORE = fileURLToPath(new URL('../../../shared/extraction/unseen/score.py', import.meta.url));
const O = 'open-llms.md';
const A = 'awesome-llm.md';
const C = 'chinese-llm-tree.md';
const line = (file: string, n: number) => readFileSync(`${LISTS}${file}`, 'utf8').split('\n')[n - 1];

let graph: Graph;
let report: IngestReport;
let q: ReturnType<typeof graphQueries>;
const names = (nodes: { name: string }[]) => nodes.map((n) => n.name).sort();

beforeAll(async () => {
  ({ graph, report } = await buildGraph([LISTS]));
  q = graphQueries(graph);
});

describe.skipIf(!existsSync(SCORE))('the shared scorer (../shared/extraction/unseen/score.py)', () => {
  it('meets the thresholds the issue sets: models, bases, contributors and licences', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'unseen-score-'));
    try {
      const file = join(dir, 'graph.json');
      await writeFile(file, JSON.stringify(graph));
      const out = await promisify(execFile)('python3', [SCORE, file]).then((r) => r.stdout, (e) => String(e.stdout ?? e));
      const figure = (re: RegExp) => Number(re.exec(out)?.[1] ?? NaN);
      expect(figure(/model R=([\d.]+)/), out).toBeGreaterThanOrEqual(0.9);
      expect(figure(/BASED_ON P=([\d.]+)/), out).toBeGreaterThanOrEqual(0.95);
      expect(figure(/BASED_ON P=[\d.]+ \(\d+\/\d+\) R=([\d.]+)/), out).toBeGreaterThanOrEqual(0.85);
      expect(figure(/FROM_CONTRIBUTOR P=([\d.]+)/), out).toBeGreaterThanOrEqual(0.95);
      expect(figure(/FROM_CONTRIBUTOR P=[\d.]+ \(\d+\/\d+\) R=([\d.]+)/), out).toBeGreaterThanOrEqual(0.85);
      expect(figure(/licence R=([\d.]+)/), out).toBeGreaterThanOrEqual(0.9);
      expect(out).toMatch(/violations 0/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe(`${O}: tables headed Language Model, Licence, Params (B), no contributor column`, () => {
  it(`credits a model to the owner of its own checkpoint, not to another model's (${O}:26)`, () => {
    expect(line(O, 26)).toContain('GPT4All-J');
    const gptj = q.one('GPT-J-6B', `${O}:26`);
    const edges = graph.edges.filter((e) => e.type === 'FROM_CONTRIBUTOR' && e.source === gptj.id);
    expect(edges.map((e) => [q.node(e.target)?.name, e.derivedFrom])).toEqual([['@kingoflolz', 'link']]);
  });

  it(`reads licences, parameters, context lengths and release dates as facts (${O}:22 MPT-7B)`, () => {
    const mpt = q.one('MPT-7B', `${O}:22`);
    expect(names(q.targets(mpt, 'HAS_LICENSE'))).toEqual(['Apache-2.0', 'CC-BY-SA-3.0']);
    expect(mpt.props).toMatchObject({ releaseDate: '2023-05', parameters: [7], contextLength: [86016], publisher: 'mosaicml' });
  });

  it('reports the role of every column and why', () => {
    const table = report.readings.find((r) => r.source === O && r.block === 'table')!;
    expect(table.parts.map((p) => [p.name, p.role])).toEqual([
      ['Language Model', 'subject (model)'],
      ['Release Date', 'releaseDate'],
      ['Checkpoints', 'checkpoints'],
      ['Paper/Blog', 'paper'],
      ['Params (B)', 'parameters'],
      ['Context Length', 'contextLength'],
      ['Licence', 'license'],
      ['Try it', 'ignore'],
    ]);
  });
});

describe(`${A}: a keywords table and <details> groups of organizations`, () => {
  it(`keeps the keywords that name models, with their institutes, and none that do not (${A}:43, :44, :49)`, () => {
    expect(line(A, 43)).toContain('Transformers');
    expect(q.at('Transformers', `${A}:43`).filter((n) => n.label === 'Model')).toEqual([]);
    expect(names(q.targets(q.one('GPT 1.0', `${A}:44`), 'FROM_CONTRIBUTOR'))).toEqual(['OpenAI']);
    expect(q.at('ZeRO', `${A}:49`).filter((n) => n.label === 'Model')).toEqual([]);
  });

  it(`gives the models under <summary>DeepSeek</summary> their organization (${A}:191-201)`, () => {
    expect(line(A, 191)).toBe('<summary>DeepSeek</summary>');
    for (const [name, at] of [['DeepSeek-Math-7B', 193], ['DeepSeek-V2.5', 199], ['DeepSeek-R1', 201]] as const) {
      expect(names(q.targets(q.one(name, `${A}:${at}`), 'FROM_CONTRIBUTOR'))).toContain('DeepSeek');
    }
  });

  it(`reads size shorthand as one family with its sizes (${A}:227 Llama 3.1-8|70|405B)`, () => {
    const llama = q.one('Llama 3.1', `${A}:227`);
    expect(llama.props.parameters).toEqual([8, 70, 405]);
    expect(q.one('Llama 3', `${A}:228`).id).not.toBe(llama.id);
  });

  it(`keeps a family and one of its sizes with entries in one list apart (${A}:75 GLM-130B, :323 GLM)`, () => {
    const glm = q.one('GLM', `${A}:323`);
    expect(names(q.targets(glm, 'FROM_CONTRIBUTOR'))).toEqual(['Zhipu AI']);
    expect(q.one('GLM-130B', `${A}:75`).id).not.toBe(glm.id);
  });
});

describe(`${C}: a nested list grouped by base`, () => {
  it(`makes each child BASED_ON its group's base and a grandchild on its parent (${C}:45-46)`, () => {
    expect(line(C, 40)).toBe('* LLaMA 底座');
    expect(names(q.targets(q.one('Lawyer LLaMA', `${C}:47`), 'BASED_ON'))).toEqual(['LLaMA']);
    expect(names(q.targets(q.one('MedicalGPT', `${C}:46`), 'BASED_ON'))).toEqual(['Ziya-LLaMA-13B']);
  });

  it(`keeps a name's translation as an alias and two models sharing only it apart (${C}:6, :20 流萤)`, () => {
    const bloom = q.one('Firefly-BLOOM', `${C}:6`);
    const baichuan = q.one('Firefly-baichuan', `${C}:20`);
    expect(bloom.id).not.toBe(baichuan.id);
    expect(bloom.aliases).toContain('流萤');
    expect(names(q.targets(bloom, 'BASED_ON'))).toEqual(['BLOOM']);
  });

  it(`gives roots without children no base (${C}:22 ChatRWKV, :28 MOSS)`, () => {
    expect(q.targets(q.one('ChatRWKV', `${C}:22`), 'BASED_ON')).toEqual([]);
    expect(q.targets(q.one('MOSS', `${C}:28`), 'BASED_ON')).toEqual([]);
  });
});
