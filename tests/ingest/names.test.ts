import { describe, expect, it } from 'vitest';
import { arxivId, repositoryKey, repositoryOwner } from '../../ingest/names/links.js';
import { isGenericArchitecture, isLanguageCode, isPlaceholder } from '../../ingest/names/placeholders.js';
import { isSizeToken, splitSize } from '../../ingest/names/size.js';
import { cleanName, slug } from '../../ingest/names/text.js';

describe('size variants', () => {
  it.each([
    ['LLaMA-13B', 'LLaMA', '13B'],
    ['GPT-J 6B', 'GPT-J', '6B'],
    ['Llama65B', 'Llama', '65B'],
    ['BioMedGPT-1.6B', 'BioMedGPT', '1.6B'],
    ['BLOOM-176B', 'BLOOM', '176B'],
    ['ChatGLM2-6B', 'ChatGLM2', '6B'],
    ['33B guanaco', 'guanaco', '33B'],
    ['PaLM-540M', 'PaLM', '540M'],
    ['bloom-1b4-zh', 'bloom', '1B4'],
    ['BLOOMZ-7B1-mt', 'BLOOMZ', '7B1'],
  ])('%s is %s at %s', (name, family, size) => {
    expect(splitSize(name)).toMatchObject({ family, size });
  });

  it.each(['Falcon-7B-Instruct', 'Baichuan-13B-Chat', 'Llama-2-7B-32K', 'LLaMA-Adapter', 'Chinese-Vicuna', 'GPT-4', 'LLaMA2', 'T5', '13B'])(
    '%s is not a pure size variant',
    (name) => {
      expect(splitSize(name)).toBeNull();
    },
  );

  it('recognises parameter counts only', () => {
    expect(isSizeToken('7B')).toBe(true);
    expect(isSizeToken('1b4')).toBe(true);
    expect(isSizeToken('32K')).toBe(false);
    expect(isSizeToken('v1')).toBe(false);
  });
});

describe('placeholders', () => {
  it.each(['-', 'not clear', 'etc.', 'etc', '...', '…', 'todo'])('%s is a placeholder', (t) => expect(isPlaceholder(t)).toBe(true));
  it.each(['LLaMA', 'GPT-J 6B', 'Flan-T5'])('%s is a name', (t) => expect(isPlaceholder(t)).toBe(false));
  it('knows architectures and language codes are not names', () => {
    expect(isGenericArchitecture('RNN')).toBe(true);
    expect(isGenericArchitecture('RWKV')).toBe(false);
    expect(isLanguageCode('zh')).toBe(true);
  });
});

describe('links', () => {
  it('keys repositories by their full path, without fragment or trailing slash', () => {
    expect(repositoryKey('https://github.com/tatsu-lab/stanford_alpaca#fine-tuning')).toBe('github.com/tatsu-lab/stanford_alpaca');
    expect(repositoryKey('https://github.com/lamini-ai/lamini/')).toBe('github.com/lamini-ai/lamini');
    expect(repositoryKey('https://github.com/nlpxucan/WizardLM/tree/main/WizardCoder')).not.toBe(repositoryKey('https://github.com/nlpxucan/WizardLM'));
    expect(repositoryKey('https://huggingface.co/datasets/JosephusCheung/GuanacoDataset')).toBe('huggingface.co/datasets/josephuscheung/guanacodataset');
  });
  it('does not treat sites, search pages or empty links as repositories', () => {
    expect(repositoryKey('https://huggingface.co/chat/')).toBeNull();
    expect(repositoryKey('https://huggingface.co/models?dataset=dataset:x')).toBeNull();
    expect(repositoryKey('https://stability.ai/blog/stablevicuna-open-source-rlhf-chatbot')).toBeNull();
    expect(repositoryKey('')).toBeNull();
  });
  it('reads repository owners and arXiv ids', () => {
    expect(repositoryOwner('https://github.com/juncongmoo/chatllama')).toBe('juncongmoo');
    expect(arxivId('https://arxiv.org/pdf/2304.05302v1.pdf')).toBe('2304.05302');
    expect(arxivId('https://arxiv.org/abs/2305.14314')).toBe('2305.14314');
  });
});

describe('text', () => {
  it('strips emphasis and non-breaking spaces around names', () => {
    expect(cleanName('**RNN**')).toBe('RNN');
    expect(cleanName('`FreeWilly`')).toBe('FreeWilly');
    expect(cleanName('base\u00a0model')).toBe('base model');
    expect(cleanName('LawGPT_zh')).toBe('LawGPT_zh');
  });
  it('makes ids that keep CJK and accounts', () => {
    expect(slug('Tülu')).toBe('tulu');
    expect(slug('@tloen')).toBe('@tloen');
    expect(slug('通用模型许可协议-来源说明')).toBe('通用模型许可协议-来源说明');
  });
});
