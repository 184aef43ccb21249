import { describe, expect, it } from 'vitest';
import { readNames, splitParenthetical } from '../../ingest/extract/cells.js';
import { cell, corpusCell } from './support/markdown.js';

const names = (md: string) => readNames(cell(md)).pieces.map((p) => p.name);

describe('reading names from cells', () => {
  it('splits on /, <br />, commas and & and drops "etc."', () => {
    expect(names('UT Southwestern/<br />UIUC/OSU/HDU')).toEqual(['UT Southwestern', 'UIUC', 'OSU', 'HDU']);
    expect(names('UC Berkley<br />Stanford<br />CMU')).toEqual(['UC Berkley', 'Stanford', 'CMU']);
    expect(names('ShanghaiTech, etc.')).toEqual(['ShanghaiTech']);
    expect(names('ssymmetry & FDU')).toEqual(['ssymmetry', 'FDU']);
    expect(names('bloom-1b4-zh<br />bloom-2b6-zh')).toEqual(['bloom-1b4-zh', 'bloom-2b6-zh']);
  });

  it('keeps names that contain spaces or hyphens whole', () => {
    expect(names('GPT-J 6B')).toEqual(['GPT-J 6B']);
    expect(names('Flan-T5')).toEqual(['Flan-T5']);
    expect(names('UW–Madison/MSR<br />/Columbia University')).toEqual(['UW–Madison', 'MSR', 'Columbia University']);
  });

  it('expands a bare size after a full name: LLaMA-7B/13B', () => {
    expect(names('LLaMA-7B/13B')).toEqual(['LLaMA-7B', 'LLaMA-13B']);
    expect(names('Llama V1 & V2')).toEqual(['Llama V1', 'Llama V2']);
  });

  it('drops placeholders and trailing ellipses', () => {
    expect(names('GPT/OPT ...')).toEqual(['GPT', 'OPT']);
    expect(names('LLaMA/OPT/<br />Flan-T5/BLIP-2<br />...')).toEqual(['LLaMA', 'OPT', 'Flan-T5', 'BLIP-2']);
    const reading = readNames(cell('not clear'));
    expect(reading.pieces).toEqual([]);
    expect(reading.placeholders).toEqual(['not clear']);
    expect(readNames(cell('-')).pieces).toEqual([]);
  });

  it('strips emphasis: **RNN** reads as RNN (the table step then refuses it as a model)', () => {
    expect(names('**RNN**')).toEqual(['RNN']);
  });

  it('gives each linked name its own link: [Ziya](url) / [Anima](url)', () => {
    const { pieces } = readNames(cell('[Ziya](https://huggingface.co/IDEA-CCNL/Ziya-LLaMA-13B-Pretrain-v1) / [Anima](https://github.com/lyogavin/Anima)'));
    expect(pieces).toEqual([
      { name: 'Ziya', url: 'https://huggingface.co/IDEA-CCNL/Ziya-LLaMA-13B-Pretrain-v1' },
      { name: 'Anima', url: 'https://github.com/lyogavin/Anima' },
    ]);
  });

  it('marks a link shared by several names: [LLaMA/LLaMA2](url)', () => {
    const { pieces } = readNames(cell('[LLaMA/LLaMA2](https://github.com/facebookresearch/llama)'));
    expect(pieces.map((p) => [p.name, p.sharedLink])).toEqual([
      ['LLaMA', true],
      ['LLaMA2', true],
    ]);
  });

  it('keeps the name of a link with an empty target, without a url: [Coati7B]()', () => {
    expect(readNames(cell('[Coati7B]()')).pieces).toEqual([{ name: 'Coati7B' }]);
  });

  it('decodes HTML entities such as &#x2716;', () => {
    expect(cell('&#x2716;').text).toBe('✖');
  });

  it('reads citations in parentheses as references, not as part of the name', () => {
    const [tot] = readNames(cell('ToT([Yao et el. (2023)](https://arxiv.org/abs/2305.10601) and [Long (2023)](https://arxiv.org/abs/2305.08291))')).pieces;
    expect(tot.name).toBe('ToT');
    expect(tot.references?.map((r) => r.url)).toEqual(['https://arxiv.org/abs/2305.10601', 'https://arxiv.org/abs/2305.08291']);
  });

  it('keeps acronyms and romanisations in parentheses as other names, and drops sizes', () => {
    expect(splitParenthetical('华驼(HuaTuo)')).toEqual({ name: '华驼', alsoKnownAs: ['HuaTuo'] });
    expect(splitParenthetical('low-rank adaptation (LoRA)')).toEqual({ name: 'low-rank adaptation', alsoKnownAs: ['LoRA'] });
    expect(splitParenthetical('BLOOM (176B)')).toEqual({ name: 'BLOOM', alsoKnownAs: [] });
    expect(splitParenthetical('Books3 (Pile)')).toEqual({ name: 'Books3', alsoKnownAs: [] });
  });

  it('reads the real cells named in the corpus README', () => {
    // open-source-chatgpt-list.md:89 pairs two names with two bases.
    expect(readNames(corpusCell('open-source-chatgpt-list.md', 89, 1)).pieces.map((p) => p.name)).toEqual(['BenTsao', 'ChatGLM-Med']);
    expect(readNames(corpusCell('open-source-chatgpt-list.md', 89, 4)).pieces.map((p) => p.name)).toEqual(['LLaMA', 'ChatGLM']);
    // The same row in the early list separates the links with non-breaking spaces.
    expect(readNames(corpusCell('open-source-chatgpt-list-early.md', 36, 1)).pieces.map((p) => p.name)).toEqual(['Huatuo', 'ChatGLM-Med']);
    expect(readNames(corpusCell('open-source-chatgpt-list.md', 144, 3)).pieces.map((p) => p.name)).toEqual(['LLaMA-7B', 'LLaMA-13B']);
    expect(readNames(corpusCell('open-source-chatgpt-list-early.md', 73, 3)).pieces.map((p) => p.name)).toEqual(['RNN']);
  });
});
