import { describe, expect, it } from 'vitest';
import { callsItAModel, isModelPage } from '../../ingest/extract/model-evidence.js';
import { corpusLine } from './support/markdown.js';

const L = 'open-source-chatgpt-list.md';
const feature = (line: number) => corpusLine(L, line).split('|')[3].trim();

describe('a method or project row that is a model', () => {
  it(`its description opens with "… model" or names it as a model (${L}:412, :408)`, () => {
    expect(callsItAModel('Llama-2-7B-32K-Instruct', feature(412).replace(/\[([^\]]*)\]\([^)]*\)/g, '$1'))).toBe(true);
    expect(callsItAModel('LongChat', feature(408))).toBe(true);
    expect(callsItAModel('Code Alpaca', 'An Instruction-following LLaMA model for code generation [Github]')).toBe(true);
    expect(callsItAModel('Ziya-Reader', '"Ziya-Reader-13B-v1.0" is a knowledge question-answering model.')).toBe(true);
  });

  it('not when "model" belongs to something else in the sentence', () => {
    expect(callsItAModel('OPRO', 'large language models as optimizers.Optimization by PROmpting (OPRO)')).toBe(false);
    expect(callsItAModel('InferLLM', 'a lightweight LLM model inference framework that mainly references llama.cpp')).toBe(false);
    expect(callsItAModel('Open Assistant', 'a project meant to give everyone access to a great chat based large language model.')).toBe(false);
    expect(callsItAModel('LoRA', feature(324))).toBe(false);
    expect(callsItAModel('Position Interpolation', feature(407))).toBe(false);
  });

  it(`its link is a Hugging Face model page (${L}:411)`, () => {
    expect(corpusLine(L, 411)).toContain('https://huggingface.co/abacusai/Giraffe-v2-13b-32k');
    expect(isModelPage('https://huggingface.co/abacusai/Giraffe-v2-13b-32k')).toBe(true);
    expect(isModelPage('https://huggingface.co/datasets/JosephusCheung/GuanacoDataset')).toBe(false);
    expect(isModelPage('https://huggingface.co/chat/')).toBe(false);
    expect(isModelPage('https://github.com/ofirpress/attention_with_linear_biases')).toBe(false);
  });
});
