import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { derivationEvidence, derivationOf } from '../../ingest/extract/derivation.js';
import type { Graph } from '../../ingest/graph/types.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { graphQueries } from './support/graph.js';
import { CORPUS, corpusLine } from './support/markdown.js';

/** How each model was made: the kind of every BASED_ON edge, with the words and place that gave it. */

const at = { source: 't.md', line: 1 };
const kinds = (text: string) => derivationOf(derivationEvidence(text, at, 'text')).kinds;

describe('kinds from words, in three languages', () => {
  it.each([
    ['fine-tuned on 52K instructions', ['FINETUNE']],
    ['instruction-tuned chat model', ['FINETUNE']],
    ['全量微调', ['FINETUNE']],
    ['指示チューニングを行ったモデル', ['FINETUNE']],
    ['fine-tuned with LoRA', ['ADAPTER']],
    ['QLoRA adapter on LLaMA-65B', ['ADAPTER']],
    ['LoRA微调', ['ADAPTER']],
    ['4-bit GPTQ quantized version of Vicuna', ['QUANTIZATION']],
    ['量化版本', ['QUANTIZATION']],
    ['merged from two models with mergekit', ['MERGE']],
    ['複数のLLMをマージして作成', ['MERGE']],
    ['secondary pre-training on Chinese text', ['CONTINUED_PRETRAINING']],
    ['extends specific vocabulary on the base model', ['CONTINUED_PRETRAINING']],
    ['增量预训练', ['CONTINUED_PRETRAINING']],
    ['扩充词表', ['CONTINUED_PRETRAINING']],
    ['日本語で継続事前学習', ['CONTINUED_PRETRAINING']],
    ['distilled from GPT-4 outputs', ['DISTILLATION']],
    ['aligned with RLHF', ['ALIGNMENT']],
    ['DPO on preference pairs', ['ALIGNMENT']],
    ['extend the context window to 32K with position interpolation', ['CONTEXT_EXTENSION']],
    ['a chat model for medicine', ['UNSPECIFIED']],
  ])('"%s" → %j', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('keeps the words that said it and where', () => {
    const d = derivationOf(derivationEvidence('continue pretraining on legal data, then tuned on exams', { source: 'x.md', line: 7 }, 'text'));
    expect(d.kinds).toEqual(['FINETUNE', 'CONTINUED_PRETRAINING']);
    expect(d.evidence).toContainEqual({ kind: 'CONTINUED_PRETRAINING', words: 'continue pretraining', source: 'x.md', line: 7, from: 'text' });
  });

  it('names the methods the words give (LoRA, DPO)', () => {
    expect(derivationOf(derivationEvidence('fine-tuned with LoRA, then DPO', at, 'text')).methods).toEqual(['DPO', 'LoRA']);
  });

  it('what a model or its code can do is not how it was made', () => {
    expect(kinds('它是在LLaMA的基础上微调开发的，并且可以在量化后部署在GPU上')).toEqual(['FINETUNE']);
    expect(kinds('a chat model; the repository supports LoRA fine-tuning')).toEqual(['UNSPECIFIED']);
    expect(kinds('提供了LoRA微调代码')).toEqual(['UNSPECIFIED']);
    // Said as a statement, the same words count.
    expect(kinds('4-bit quantized with GPTQ')).toEqual(['QUANTIZATION']);
    expect(kinds('uses Chinese instruction data for fine-tuning')).toEqual(['FINETUNE']);
  });

  it('a quantization is not also a fine-tune unless the words say so', () => {
    expect(kinds('a 4-bit quantized Vicuna')).toEqual(['QUANTIZATION']);
    expect(kinds('fine-tuned on chat data, then 4-bit quantized')).toEqual(['FINETUNE', 'QUANTIZATION']);
    // A section that says "fine-tuned" does not make a quantized row a fine-tune: the row's own words win.
    const row = derivationEvidence('GPTQ 4-bit', at, 'text');
    const section = derivationEvidence('Fine-tuned models', at, 'section');
    expect(derivationOf([...section, ...row]).kinds).toEqual(['QUANTIZATION']);
    expect(derivationOf(section).kinds).toEqual(['FINETUNE']);
  });
});

async function graphOf(docs: Record<string, string>): Promise<Graph> {
  const dir = await mkdtemp(join(tmpdir(), 'derivation-'));
  try {
    for (const [name, text] of Object.entries(docs)) await writeFile(join(dir, name), text);
    return (await buildGraph([dir])).graph;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('kinds on edges, from the row, the key, the section', () => {
  it('every BASED_ON edge has a derivation; the row’s words, else its headings', async () => {
    const graph = await graphOf({
      'd.md': [
        '## 継続事前学習モデル',
        '',
        '|   | ベースのLLM | 学習テキスト |',
        '| --- | --- | --- |',
        '| [Swallow](https://huggingface.co/tokyotech-llm/Swallow-7b-hf) | Llama 2 | 日本語 Wikipedia |',
        '| [Youri-chat](https://huggingface.co/rinna/youri-7b-chat) | Llama 2 | 指示チューニング |',
        '',
        '## Models',
        '',
        '| Model | Base Model | Description |',
        '| --- | --- | --- |',
        '| Plain | Llama 2 | a chat model |',
        '',
      ].join('\n'),
    });
    const kindsOf = (name: string) => graph.edges.find((e) => e.type === 'BASED_ON' && graph.nodes.find((n) => n.id === e.source)?.name === name)?.derivation?.kinds;
    expect(kindsOf('Swallow')).toEqual(['CONTINUED_PRETRAINING']);
    expect(kindsOf('Youri-chat')).toEqual(['FINETUNE']);
    expect(kindsOf('Plain')).toEqual(['UNSPECIFIED']);
    const swallow = graph.edges.find((e) => e.type === 'BASED_ON' && e.source.includes('swallow'))!;
    expect(swallow.derivation?.evidence[0]).toMatchObject({ words: '継続事前学習', from: 'section', line: 1 });
  });

  it('a key that says how it was trained gives the kind (微调方式: LoRA)', async () => {
    const graph = await graphOf({ 'k.md': '## 模型\n\n* Foo：\n  * 基座模型：LLaMA\n  * 微调方式：LoRA\n' });
    expect(graph.edges.find((e) => e.type === 'BASED_ON')?.derivation).toMatchObject({ kinds: ['ADAPTER'], methods: ['LoRA'] });
  });
});

describe('the bundled corpus', () => {
  const L = 'open-source-chatgpt-list.md';
  let graph: Graph;
  let q: ReturnType<typeof graphQueries>;
  beforeAll(async () => {
    ({ graph } = await buildGraph([CORPUS]));
    q = graphQueries(graph);
  });
  const derivation = (name: string, where: string, base: string, baseWhere = where) => q.edge('BASED_ON', q.one(name, where), q.one(base, baseWhere))?.derivation;

  it('gives every BASED_ON edge a derivation', () => {
    const based = graph.edges.filter((e) => e.type === 'BASED_ON');
    expect(based.length).toBeGreaterThan(100);
    expect(based.filter((e) => !e.derivation?.kinds.length)).toEqual([]);
  });

  it(`Chinese-Vicuna is a LoRA adapter of LLaMA (${L}:156)`, () => {
    expect(corpusLine(L, 156)).toMatch(/Lora/i);
    expect(derivation('Chinese-Vicuna', `${L}:156`, 'LLaMA')).toMatchObject({ kinds: ['ADAPTER'], methods: ['LoRA'] });
  });

  it(`Lawyer LLaMA: continued pre-training on legal data, then instruction tuning (${L}:100)`, () => {
    expect(derivation('Lawyer LLaMA', `${L}:100`, 'LLaMA')?.kinds).toEqual(['FINETUNE', 'CONTINUED_PRETRAINING']);
  });

  it(`taoli extends the vocabulary of its base (${L}:102)`, () => {
    const d = derivation('taoli', `${L}:102`, 'LLaMA')!;
    expect(d.kinds).toContain('CONTINUED_PRETRAINING');
    expect(d.evidence).toContainEqual(expect.objectContaining({ words: 'extends specific vocabulary', line: 102 }));
  });

  it(`StableVicuna: fine-tuned and aligned with RLHF (${L}:164)`, () => {
    expect(derivation('StableVicuna', `${L}:164`, 'Vicuna', `${L}:145`)).toMatchObject({ kinds: ['FINETUNE', 'ALIGNMENT'], methods: ['RLHF'] });
  });
});
