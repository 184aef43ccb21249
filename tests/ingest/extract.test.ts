import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../ingest/extract/extract.js';
import type { Extraction } from '../../ingest/extract/types.js';
import { parseMarkdown } from '../../ingest/parse/markdown.js';

const extract = (md: string) => extractDocument(parseMarkdown('x.md', md));
const facts = (ex: Extraction) =>
  ex.statements.map((s) => {
    const name = (id: string) => ex.mentions.find((m) => m.id === id)!.name;
    return `${name(s.from)} ${s.type} ${name(s.to)}`;
  });

describe('tables', () => {
  const md = [
    '# Models',
    '',
    '| contributor | model | language | base model | main feature |',
    '| --- | --- | --- | --- | --- |',
    '| HIT | [BenTsao](https://github.com/a/b) / [ChatGLM-Med](https://github.com/a/c) | zh | LLaMA/ChatGLM | fine-tuned with data. |',
    '| @someone | [Foo](https://github.com/someone/foo) | en/zh | not clear | instruction-finetuned version of BLOOM. |',
  ].join('\n');

  it('reads entries, references and the statements between them, with the row line and column', () => {
    const ex = extract(md);
    expect(facts(ex)).toEqual(
      expect.arrayContaining([
        'BenTsao FROM_CONTRIBUTOR HIT',
        'ChatGLM-Med FROM_CONTRIBUTOR HIT',
        'BenTsao BASED_ON LLaMA',
        'ChatGLM-Med BASED_ON ChatGLM',
        'BenTsao HAS_LANGUAGE zh',
        'Foo HAS_LANGUAGE en',
        'Foo HAS_LANGUAGE zh',
        'Foo FROM_CONTRIBUTOR @someone',
      ]),
    );
    expect(facts(ex)).not.toContain('BenTsao BASED_ON ChatGLM');
    const foo = ex.mentions.find((m) => m.name === 'Foo')!;
    expect(foo).toMatchObject({ label: 'Model', role: 'entry', url: 'https://github.com/someone/foo', props: { mainFeature: 'instruction-finetuned version of BLOOM.' } });
    expect(foo.provenance).toEqual({ source: 'x.md', line: 6, section: ['Models'], derivedFrom: 'table', column: 'model' });
    expect(ex.mentions.find((m) => m.name === '@someone')?.props.kind).toBe('account');
    expect(ex.notes).toContainEqual(expect.objectContaining({ kind: 'placeholder', line: 6, text: 'not clear' }));
  });

  it('leaves sentences as claims about the row subject, to be linked later', () => {
    const ex = extract(md);
    const foo = ex.mentions.find((m) => m.name === 'Foo')!;
    const claim = ex.claims.find((c) => c.subject === foo.id)!;
    expect(claim).toMatchObject({ relation: 'base', strength: 'strong', provenance: { derivedFrom: 'text', text: 'instruction-finetuned version of BLOOM.', line: 6 } });
  });

  it('reports a table it cannot read instead of guessing', () => {
    const ex = extract('# X\n\n| collections |\n| --- |\n| [a](https://example.org) |\n');
    expect(ex.mentions).toEqual([]);
    expect(ex.notes.map((n) => n.reason)).toContain('table has no model, project, method, data or benchmark column');
  });
});

describe('nested lists', () => {
  it('reads a model item with its Paper link, Architecture and Datasets sub-lists', () => {
    const ex = extract(
      [
        '# My list',
        '## Models',
        '- T5',
        '  - [Paper](./papers/2020-JMLR-Exploring%20the%20Limits%20of%20Transfer%20Learning.pdf)',
        '  - Architecture',
        '    - Encoder-Decoder',
        '  - Datasets',
        '    - C4',
        '    - a mixture of webpages and books',
      ].join('\n'),
    );
    expect(facts(ex)).toEqual(
      expect.arrayContaining([
        'T5 DESCRIBED_IN Exploring the Limits of Transfer Learning',
        'T5 HAS_ARCHITECTURE Encoder-Decoder',
        'T5 TRAINED_WITH C4',
        'T5 IN_CATEGORY Models',
      ]),
    );
    expect(ex.mentions.find((m) => m.name === 'T5')).toMatchObject({ label: 'Model', provenance: { line: 3, derivedFrom: 'list' } });
    expect(ex.notes).toContainEqual(expect.objectContaining({ kind: 'unreadable', line: 9 }));
  });

  it('reads a paper list: title, link, arXiv id, year, and the thing a title names (tentatively)', () => {
    const ex = extract(['# Survey', '## Training', '### Parameter-Efficient', '- QLoRA: Efficient Finetuning of Quantized LLMs [[Paper]](https://arxiv.org/abs/2305.14314)'].join('\n'));
    const paper = ex.mentions.find((m) => m.label === 'Paper')!;
    expect(paper).toMatchObject({ name: 'QLoRA: Efficient Finetuning of Quantized LLMs', props: { arxivId: '2305.14314', url: 'https://arxiv.org/abs/2305.14314' } });
    expect(ex.mentions.find((m) => m.name === 'QLoRA')).toMatchObject({ tentative: true, role: 'reference' });
    expect(facts(ex)).toEqual(expect.arrayContaining(['QLoRA DESCRIBED_IN QLoRA: Efficient Finetuning of Quantized LLMs', 'QLoRA: Efficient Finetuning of Quantized LLMs IN_CATEGORY Training > Parameter-Efficient']));
  });

  it('reads "X used in Y" paragraphs as a method used by a model', () => {
    const ex = extract('# Data\n\n[Evol-Instruct](https://github.com/a/evol) used in [WizardLM](https://github.com/a/wizard)\n');
    expect(facts(ex)).toEqual(['WizardLM USES_METHOD Evol-Instruct']);
  });
});
