import { beforeAll, describe, expect, it } from 'vitest';
import type { Graph } from '../../ingest/graph/types.js';
import { buildGraph } from '../../ingest/pipeline.js';
import type { IngestReport } from '../../ingest/report/report.js';
import { graphQueries } from './support/graph.js';
import { CORPUS, corpusLine } from './support/markdown.js';

/**
 * The hard cases the corpus README names, each pinned to the real file and line where it is.
 * L = open-source-chatgpt-list.md (late 2023), E = its early-2023 version.
 */
const L = 'open-source-chatgpt-list.md';
const E = 'open-source-chatgpt-list-early.md';
const M = 'my-llm.md';
const S = 'align-llm-human-survey.md';

let graph: Graph;
let report: IngestReport;
let q: ReturnType<typeof graphQueries>;
const names = (nodes: { name: string }[]) => nodes.map((n) => n.name).sort();

beforeAll(async () => {
  ({ graph, report } = await buildGraph([CORPUS]));
  q = graphQueries(graph);
});

describe('tables', () => {
  it(`reads a "base model" header written with a non-breaking space (${E}:32)`, () => {
    expect(corpusLine(E, 32)).toContain('base\u00a0model');
    const chatDoctor = q.one('ChatDoctor', `${E}:34`);
    const edge = q.edge('BASED_ON', chatDoctor, q.one('LLaMA', `${E}:34`));
    expect(edge?.provenance).toContainEqual(expect.objectContaining({ source: E, line: 34, column: 'base model', derivedFrom: 'table' }));
  });

  it(`pairs BenTsao / ChatGLM-Med with LLaMA/ChatGLM position by position (${L}:89)`, () => {
    expect(names(q.targets(q.one('BenTsao', `${L}:89`), 'BASED_ON'))).toEqual(['LLaMA']);
    expect(names(q.targets(q.one('ChatGLM-Med', `${L}:89`), 'BASED_ON'))).toEqual(['ChatGLM']);
    expect(names(q.targets(q.one('FreeWilly', `${L}:187`), 'BASED_ON'))).toEqual(['LLaMA']);
    expect(names(q.targets(q.one('FreeWilly2', `${L}:187`), 'BASED_ON'))).toEqual(['LLaMA2']);
  });

  it('turns no placeholder into a model', () => {
    const models = graph.nodes.filter((n) => n.label === 'Model').map((n) => n.name.toLowerCase());
    for (const p of ['-', 'not clear', 'etc.', '...', 'rnn', 'zh']) expect(models).not.toContain(p);
    expect(q.targets(q.one('NHS-LLM', `${L}:96`), 'BASED_ON')).toEqual([]); // base "not clear"
    expect(q.targets(q.one('BioMedGPT-1.6B', `${L}:91`), 'BASED_ON')).toEqual([]); // base "-"
    expect(q.targets(q.one('ChatRWKV', `${E}:73`), 'BASED_ON')).toEqual([]); // base "**RNN**"
    expect(report.placeholders.map((p) => p.text)).toEqual(expect.arrayContaining(['-', 'not clear', 'RNN', 'etc.']));
  });

  it(`splits contributors (${L}:87, ${L}:145, ${L}:90) and keeps GitHub accounts apart from institutions`, () => {
    expect(names(q.targets(q.one('ChatDoctor', `${L}:87`), 'FROM_CONTRIBUTOR'))).toEqual(['HDU', 'OSU', 'UIUC', 'UT Southwestern']);
    expect(names(q.targets(q.one('Vicuna', `${L}:145`), 'FROM_CONTRIBUTOR'))).toEqual(['CMU', 'Stanford', 'UC Berkeley']);
    expect(names(q.targets(q.one('DoctorGLM', `${L}:90`), 'FROM_CONTRIBUTOR'))).toEqual(['ShanghaiTech']);
    const [tloen] = q.targets(q.one('Alpaca-LoRA', `${L}:138`), 'FROM_CONTRIBUTOR');
    expect([tloen.id, tloen.props.kind]).toEqual(['organization:@tloen', 'account']);
    expect(q.targets(q.one('LLaMA', `${L}:53`), 'FROM_CONTRIBUTOR')[0].props.kind).toBe('institution');
  });

  it(`reads LLaMA-7B/13B as sizes of the LLaMA family (${L}:144) and GPT/OPT ... (${L}:154)`, () => {
    expect(names(q.targets(q.one('Chinese-LLaMA-Alpaca', `${L}:144`), 'BASED_ON'))).toEqual(['LLaMA']);
    expect(names(q.targets(q.one('minichatgpt', `${L}:154`), 'BASED_ON'))).toEqual(['GPT', 'OPT']);
    expect(q.one('LLaMA', `${L}:53`).props.parameters).toEqual(expect.arrayContaining([7, 13, 65]));
  });

  it(`reads bloom-1b4-zh<br />bloom-2b6-zh as BLOOM checkpoints (${L}:149) and [Ziya] / [Anima] as two bases (${L}:107)`, () => {
    expect(names(q.targets(q.one('Firefly', `${L}:149`), 'BASED_ON'))).toEqual(['BLOOM']);
    expect(q.node('model:bloom')?.aliases).toEqual(expect.arrayContaining(['bloom-1b4-zh', 'bloom-2b6-zh']));
    expect(names(q.targets(q.one('ChatLaw', `${L}:107`), 'BASED_ON'))).toEqual(['Anima', 'Ziya']);
  });

  it(`keeps the name of a link with an empty target, without a url: [Coati7B]() (${L}:139)`, () => {
    const coati = q.one('Coati7B', `${L}:139`);
    expect(coati.props.url).toBeUndefined();
    expect(names(q.targets(coati, 'BASED_ON'))).toEqual(['LLaMA']);
  });

  it(`decodes &#x2716; and &#x2705; in the multi-modal column (${E}:15, ${E}:26)`, () => {
    expect(corpusLine(E, 15)).toContain('&#x2716;');
    expect(q.one('LLaMA', `${E}:15`).props.multiModal).toBe(false);
    expect(q.one('OpenFlamingo', `${E}:26`).props.multiModal).toBe(true);
  });

  it(`keeps Chinese text: a license named in Chinese (${L}:74), 华驼 (${M}:236)`, () => {
    const [license] = q.targets(q.one('CPM-Bee', `${L}:74`), 'HAS_LICENSE');
    expect(license.name).toBe('通用模型许可协议-来源说明-宣传限制-商业授权');
    expect(license.id).toBe('license:通用模型许可协议-来源说明-宣传限制-商业授权');
    expect(q.one('华驼', `${M}:236`).aliases).toEqual(expect.arrayContaining(['华驼', 'BenTsao']));
  });

  it(`survives emoji (${L}:361) and mojibake (${S}:17)`, () => {
    expect(corpusLine(L, 361)).toContain('💫');
    expect(names(q.targets(q.one('starcoder.cpp', `${L}:361`), 'RELATED_TO'))).toEqual(['StarCoder']);
    expect(corpusLine(S, 17)).toContain('ðŸ”');
    expect(graph.nodes.filter((n) => /ðŸ|💫|🤖|🪐/.test(n.name))).toEqual([]);
  });

  it(`reads the Alignment table's "used in" as USES_METHOD and the Agent table's "driven by" as DRIVEN_BY (${L}:297, ${L}:478)`, () => {
    expect(names(q.targets(q.one('Wombat', `${L}:297`), 'USES_METHOD'))).toEqual(['RRHF']);
    expect(names(q.targets(q.one('Auto-GPT', `${L}:478`), 'DRIVEN_BY'))).toEqual(['GPT-4']);
  });

  it(`reads domain, language and license columns (${L}:88, ${L}:65)`, () => {
    const med = q.one('Visual Med-Alpaca', `${L}:88`);
    expect(names(q.targets(med, 'IN_DOMAIN'))).toEqual(['biomedical']);
    expect(names(q.targets(q.one('DoctorGLM', `${L}:90`), 'HAS_LANGUAGE'))).toEqual(['en', 'zh']);
    expect(names(q.targets(q.one('OpenLLaMA', `${L}:65`), 'HAS_LICENSE'))).toEqual(['Apache-2.0']);
  });
});

describe('identity', () => {
  it(`keeps Koala and EasyLM apart though they share github.com/young-geng/EasyLM (${L}:147, ${L}:282)`, () => {
    const koala = q.one('Koala', `${L}:147`);
    const easylm = q.one('EasyLM', `${L}:282`);
    expect(koala.id).not.toBe(easylm.id);
    expect([koala.label, easylm.label]).toEqual(['Model', 'Project']);
  });

  it(`gives the two ChatLLaMA projects different ids (${L}:152, ${L}:153), each found again in the early list`, () => {
    const nebuly = q.one('ChatLLaMA', `${L}:152`);
    const juncong = q.one('ChatLLaMA', `${L}:153`);
    expect(nebuly.id).not.toBe(juncong.id);
    expect([nebuly.name, juncong.name]).toEqual(['ChatLLaMA', 'ChatLLaMA']);
    expect(q.one('ChatLLaMA', `${E}:64`).id).toBe(nebuly.id);
    expect(q.one('ChatLLaMA', `${E}:65`).id).toBe(juncong.id);
    expect(q.targets(nebuly, 'BASED_ON')).toEqual([]);
    expect(names(q.targets(juncong, 'BASED_ON'))).toEqual(['LLaMA']);
  });

  it(`joins UC Berkley and UCB (${L}:147, ${L}:65), THU and Tsinghua (${L}:136, ${E}:16), Stability-AI and stabilityai (${L}:60, ${L}:187)`, () => {
    const [koalaOrg] = q.targets(q.one('Koala', `${L}:147`), 'FROM_CONTRIBUTOR');
    const [openLlamaOrg] = q.targets(q.one('OpenLLaMA', `${L}:65`), 'FROM_CONTRIBUTOR');
    expect(koalaOrg.id).toBe(openLlamaOrg.id);
    expect(koalaOrg.merges).toContainEqual({ rule: 'alias-table', names: expect.arrayContaining(['UC Berkley', 'UCB']) });
    expect(q.targets(q.one('ChatGLM-6B', `${L}:136`), 'FROM_CONTRIBUTOR').map((o) => o.id)).toEqual(['organization:thu']);
    expect(q.targets(q.one('ChatGLM-6B', `${E}:16`), 'FROM_CONTRIBUTOR').map((o) => o.id)).toEqual(['organization:thu']);
    const [stableLm] = q.targets(q.one('StableLM', `${L}:60`), 'FROM_CONTRIBUTOR');
    const [freeWilly] = q.targets(q.one('FreeWilly', `${L}:187`), 'FROM_CONTRIBUTOR');
    expect(stableLm.id).toBe(freeWilly.id);
    expect(q.at('HuggingFace', `${L}:95`)[0].id).toBe(q.at('Hugging Face', `${L}:151`)[0].id);
  });

  it(`makes the early list's Huatuo and the late list's BenTsao one node (${E}:36, ${L}:89)`, () => {
    const node = q.one('BenTsao', `${L}:89`);
    expect(q.one('Huatuo', `${E}:36`).id).toBe(node.id);
    expect([node.name, ...node.aliases]).toEqual(expect.arrayContaining(['Huatuo', 'BenTsao']));
    expect(node.merges).toContainEqual(expect.objectContaining({ rule: 'same-repository' }));
  });

  it(`joins one thing across lists: Alpaca (${L}:134, ${M}:184), OPT (${L}:57, ${M}:65)`, () => {
    expect(q.one('Alpaca', `${L}:134`).id).toBe(q.one('Alpaca', `${M}:184`).id);
    expect(q.one('OPT', `${L}:57`).id).toBe(q.one('OPT', `${M}:65`).id);
  });

  it('keeps prefixed names apart: Chinese-Vicuna, LLaMA-Adapter, Falcon-7B-Instruct', () => {
    expect(q.one('Chinese-Vicuna', `${L}:156`).id).not.toBe(q.one('Vicuna', `${L}:145`).id);
    expect(names(q.targets(q.one('Chinese-Vicuna', `${L}:156`), 'BASED_ON'))).toEqual(['LLaMA']);
    expect(names(q.targets(q.one('LLaMA-Adapter', `${L}:140`), 'BASED_ON'))).toEqual(['LLaMA']);
    const instruct = q.one('Falcon-7B-Instruct', `${L}:175`);
    expect(names(q.targets(instruct, 'BASED_ON'))).toEqual(['Falcon-7B']);
    expect(names(q.targets(q.one('Falcon-7B', `${L}:70`), 'VARIANT_OF'))).toEqual(['Falcon']);
  });

  it(`joins a size to its family when no other size has an entry: GPT-J (${L}:56, ${M}:29), GPT-NeoX (${L}:64, ${M}:73), ChatGLM (${L}:136), Baichuan (${L}:75)`, () => {
    const gptj = q.one('GPT-J', `${L}:56`);
    expect(q.one('GPT-J-6B', `${M}:29`).id).toBe(gptj.id);
    expect(gptj.props.parameters).toEqual([6]);
    const neox = q.one('GPT-NeoX-20B', `${L}:64`);
    expect(q.one('Gpt-neox', `${M}:73`).id).toBe(neox.id);
    expect(neox.name).toBe('GPT-NeoX');
    const chatglm = q.one('ChatGLM-6B', `${L}:136`);
    expect([chatglm.name, chatglm.id]).toEqual(['ChatGLM', 'model:chatglm']);
    expect(q.one('ChatGLM', `${L}:89`).id).toBe(chatglm.id);
    expect(q.targets(chatglm, 'BASED_ON')).toEqual([]);
    expect(chatglm.merges).toContainEqual({ rule: 'size-variant', names: ['ChatGLM', 'ChatGLM-6B'] });
    expect(q.one('baichuan-7B', `${L}:75`).id).toBe(q.one('Baichuan-13B', `${L}:118`).id);
    // Not sizes: a second generation, an instruction-tuned model, a context-extended model.
    expect(q.one('ChatGLM2-6B', `${L}:184`).id).not.toBe(chatglm.id);
    expect(q.one('Baichuan-13B-Chat', `${L}:122`).name).toBe('Baichuan-13B-Chat');
    expect(q.one('Llama-2-7B-32K-Instruct', `${L}:412`).name).toBe('Llama-2-7B-32K-Instruct');
    expect(q.targets(q.one('Falcon-40B', `${L}:71`), 'VARIANT_OF').map((n) => n.name)).toEqual(['Falcon']);
  });

  it('never makes a family BASED_ON one of its own sizes, or a size BASED_ON its family', () => {
    for (const v of graph.edges.filter((e) => e.type === 'VARIANT_OF')) {
      expect(graph.edges.filter((e) => e.type === 'BASED_ON' && ((e.source === v.target && e.target === v.source) || (e.source === v.source && e.target === v.target)))).toEqual([]);
    }
    for (const n of graph.nodes.filter((n) => n.props.parameters)) {
      expect(q.targets(n, 'BASED_ON').filter((t) => t.id === n.id)).toEqual([]);
    }
  });

  it(`names a node by its most common spelling, capitalised: Dolly (${M}:123 writes dolly), Panda, Alpaca-LoRA, Pythia`, () => {
    expect(q.one('dolly', `${M}:123`).name).toBe('Dolly');
    expect(q.one('panda', `${M}:125`).name).toBe('Panda');
    expect(q.one('alpaca-lora', `${M}:196`).name).toBe('Alpaca-LoRA');
    expect(q.one('pythia', `${L}:59`).name).toBe('Pythia');
    expect(q.one('baize', `${L}:146`).name).toBe('Baize'); // rows write baize, the survey's title Baize
    expect(q.one('GPT-NeoX-20B', `${L}:64`).name).toBe('GPT-NeoX');
    expect(q.one('LLaMA', `${L}:53`).id).toBe('model:llama');
    expect(q.one('Vicuna', `${L}:145`).id).toBe('model:vicuna');
  });

  it(`makes models of "method" rows that are models (${L}:408-412) and keeps real methods and tools`, () => {
    for (const [name, line] of [['LongChat', 408], ['LongLLaMA', 410], ['Giraffe', 411], ['Llama-2-7B-32K-Instruct', 412]] as const) {
      expect([name, q.one(name, `${L}:${line}`).label]).toEqual([name, 'Model']);
    }
    expect(q.one('LongLLaMA', `${L}:410`).id).toBe('model:longllama');
    expect(q.one('Code Alpaca', `${S}:118`).label).toBe('Model');
    for (const [name, line] of [['LoRA', 324], ['QLoRA', 330], ['RRHF', 297], ['RLHF', 295], ['Position Interpolation', 407], ['ALiBi', 404], ['LongNet', 409]] as const) {
      expect([name, q.one(name, `${L}:${line}`).label]).toEqual([name, 'Method']);
    }
    expect(q.one('llama.cpp', `${L}:351`).label).toBe('Project');
  });

  it('records why every merged node was merged', () => {
    for (const n of graph.nodes) {
      for (const m of n.merges) {
        expect(['normalised-name', 'alias-table', 'same-repository', 'size-variant', 'same-paper']).toContain(m.rule);
        expect(m.names.length).toBeGreaterThan(1);
      }
    }
  });
});

describe('sentences', () => {
  it('reads bases stated only in prose', () => {
    expect(names(q.targets(q.one('BLOOMZ', `${L}:55`), 'BASED_ON'))).toEqual(['BLOOM']);
    expect(names(q.targets(q.one('LongLLaMA', `${L}:410`), 'BASED_ON'))).toEqual(['OpenLLaMA']);
    expect(names(q.targets(q.one('Llama-2-7B-32K-Instruct', `${L}:412`), 'BASED_ON'))).toEqual(['Llama-2-7B-32K']);
    const edge = q.edge('BASED_ON', q.one('BLOOMZ', `${L}:55`), q.one('BLOOM', `${L}:54`))!;
    expect(edge.derivedFrom).toBe('text');
    expect(edge.provenance[0].text).toMatch(/instruction-finetuned version of BLOOM/);
  });

  it(`reads a model named in passing and derived in the same breath (${L}:5, ${E}:5, ${L}:396)`, () => {
    // "Stanford Alpaca, which is trained on LLaMA using data generated by GPT-3 api …" (the intro paragraph).
    for (const where of [`${L}:5`, `${E}:5`]) {
      const alpaca = q.one('Alpaca', where);
      expect(alpaca.id).toBe('model:alpaca');
      expect(names(q.targets(alpaca, 'BASED_ON'))).toEqual(['LLaMA', 'OPT']);
      const [file, line] = where.split(':');
      expect(q.edge('BASED_ON', alpaca, q.one('LLaMA', `${L}:134`))!.provenance).toContainEqual(
        expect.objectContaining({ source: file, line: Number(line), derivedFrom: 'text' }),
      );
    }
    expect(q.at('Stanford Alpaca', `${L}:5`)).toEqual([]);
    expect(q.at('GPT-3', `${L}:5`).filter((n) => n.label === 'Model')).toEqual([]);
    // ITI's row: "On an instruction-finetuned LLaMA called Alpaca, ITI improves its truthfulness …".
    const alpaca = q.one('Alpaca', `${L}:396`);
    expect(q.edge('BASED_ON', alpaca, q.one('LLaMA', `${L}:134`))!.provenance).toContainEqual(expect.objectContaining({ source: L, line: 396, derivedFrom: 'text' }));
    expect(q.targets(q.one('ITI', `${L}:396`), 'BASED_ON')).toEqual([]);
  });

  it('adds a prose base only when it is more specific than the column (StableVicuna, MiniGPT-4, Anima)', () => {
    expect(names(q.targets(q.one('StableVicuna', `${L}:164`), 'BASED_ON'))).toEqual(['LLaMA', 'Vicuna']);
    expect(names(q.targets(q.one('MiniGPT-4', `${L}:210`), 'BASED_ON'))).toEqual(['LLaMA', 'Vicuna']);
    expect(names(q.targets(q.one('Anima', `${L}:183`), 'BASED_ON'))).toEqual(['33B guanaco', 'LLaMA']);
    // The column's GPT-J 6B is GPT-J (its only size with an entry); "a 2-year-old model: GPT-J" adds nothing.
    expect(names(q.targets(q.one('Dolly', `${L}:137`), 'BASED_ON'))).toEqual(['GPT-J']);
  });

  it('draws no base from comparisons or data sources', () => {
    const never: [string, string, string][] = [
      ['Vicuna', `${L}:145`, 'ChatGPT'],
      ['Alpaca', `${L}:134`, 'GPT-3'],
      ['Mistral', `${L}:81`, 'LLaMA2'],
      ['GPT-NeoX-20B', `${L}:64`, 'GPT-3'],
      ['GPT-NeoX-20B', `${L}:64`, 'GPT-J'],
      ['Goat', `${L}:103`, 'GPT-4'],
      ['BenTsao', `${L}:89`, 'GPT-3.5'],
      ['Cerebras-GPT', `${L}:58`, 'Chinchilla'],
      ['baize', `${L}:146`, 'ChatGPT'],
      ['baize', `${L}:146`, 'Alpaca'],
      ['WizardCoder', `${L}:105`, 'Claude-Plus'],
    ];
    for (const [subject, where, target] of never) {
      expect(names(q.targets(q.one(subject, where), 'BASED_ON')), `${subject} -> ${target}`).not.toContain(target);
    }
    expect(q.targets(q.one('Mistral', `${L}:81`), 'BASED_ON')).toEqual([]);
  });

  it('reads "uses Alpaca data" as TRAINED_WITH a dataset, not BASED_ON', () => {
    const dolly = q.one('Dolly', `${L}:137`);
    expect(names(q.targets(dolly, 'TRAINED_WITH'))).toEqual(['Alpaca data']);
    const [data] = q.targets(dolly, 'TRAINED_WITH');
    expect(data.label).toBe('Dataset');
    expect(names(q.targets(data, 'RELATED_TO'))).toEqual(['Alpaca']);
    expect(names(q.targets(q.one('WizardLM', `${L}:166`), 'TRAINED_WITH'))).toEqual(['Evol-Instruct']);
    expect(names(q.targets(q.one('MAmmoTH', `${L}:116`), 'TRAINED_WITH'))).toEqual(['MathInstruct']);
    expect(names(q.targets(q.one('Falcon-40B', `${L}:71`), 'TRAINED_WITH'))).toEqual(['RefinedWeb']);
    // "~6K GPT-4 conversations directly filtered from the ~90K ShareGPT conversations": the dataset
    // the survey (S:76) and my-llm (M:398) list, and no dataset made of GPT-4.
    const sharegpt = q.one('ShareGPT', `${S}:76`);
    expect(q.one('ShareGPT', `${M}:398`).id).toBe(sharegpt.id);
    const openChat = q.at('OpenChat', `${L}:185`).find((n) => n.label === 'Model')!; // also its contributor's name
    expect(q.targets(openChat, 'TRAINED_WITH').map((n) => n.id)).toEqual([sharegpt.id]);
    expect(names(q.targets(openChat, 'BASED_ON'))).toEqual(['LLaMA']);
    expect(names(q.targets(q.one('StackLLaMA', `${L}:151`), 'TRAINED_WITH'))).toEqual(['Stack Exchange']);
  });
});

describe('nested lists and paper lists', () => {
  it(`reads a model's Architecture and Datasets sub-lists (${M}:17, ${M}:80, GLM's under its paper at ${M}:100)`, () => {
    const t5 = q.one('T5', `${M}:17`);
    expect(names(q.targets(t5, 'TRAINED_WITH'))).toEqual(['C4']);
    expect(names(q.targets(t5, 'HAS_ARCHITECTURE'))).toEqual(['Encoder-Decoder']);
    expect(names(q.targets(q.one('BLOOM', `${M}:80`), 'TRAINED_WITH'))).toEqual(['ROOTS corpus']);
    expect(names(q.targets(q.one('GLM', `${M}:100`), 'TRAINED_WITH'))).toEqual(['Pile', 'Wudao Corpora']);
  });

  it(`files papers under their heading path with URL and arXiv id (${S}:172)`, () => {
    const [paper] = q.at('QLoRA: Efficient Finetuning of Quantized LLMs', `${S}:172`);
    expect(paper.props).toMatchObject({ arxivId: '2305.14314', url: 'https://arxiv.org/abs/2305.14314' });
    expect(q.targets(paper, 'IN_CATEGORY').map((c) => c.name)).toEqual(['Alignment Training > Parameter-Efficient Training', 'Related Topics > Quantization']);
    // The same paper in my-llm (a local PDF, its title spelled QLORA) is the same node.
    expect(paper.provenance.map((p) => `${p.source}:${p.line}`)).toContain(`${M}:442`);
  });

  it(`links a paper titled "X: …" to X when X is a known model (${S}:123)`, () => {
    const goat = q.one('Goat', `${L}:103`);
    expect(q.targets(goat, 'DESCRIBED_IN').map((p) => p.name)).toEqual(['Goat: Fine-tuned LLaMA Outperforms GPT-4 on Arithmetic Tasks']);
    // Flacuna is named nowhere else: no model is made of a paper title.
    expect(graph.nodes.filter((n) => n.label === 'Model' && n.name === 'Flacuna')).toEqual([]);
  });
});

describe('provenance and report', () => {
  it('gives every node and edge a file, a 1-based line and a section path', () => {
    for (const item of [...graph.nodes, ...graph.edges]) {
      expect(item.provenance.length).toBeGreaterThan(0);
      for (const p of item.provenance) {
        expect([L, E, M, S]).toContain(p.source);
        expect(p.line).toBeGreaterThan(0);
        expect(Array.isArray(p.section)).toBe(true);
      }
    }
    for (const e of graph.edges) if (e.provenance.some((p) => p.derivedFrom === 'text')) expect(e.provenance.find((p) => p.derivedFrom === 'text')?.text).toBeTruthy();
  });

  it('reports unresolved names, merges by rule and unreadable cells with file and line', () => {
    expect(report.unresolved).toContainEqual(expect.objectContaining({ source: S, line: 141, text: 'Flacuna' }));
    expect(report.merges.map((m) => m.rule)).toEqual(['alias-table', 'normalised-name', 'same-paper', 'same-repository', 'size-variant']);
    expect(report.unreadable).toContainEqual(expect.objectContaining({ source: L, line: 209, text: 'zh' }));
  });
});
