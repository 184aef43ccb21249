import { describe, expect, it } from 'vitest';
import type { Mention, Statement } from '../../ingest/extract/types.js';
import { BasedOnPolicy } from '../../ingest/relate/based-on-policy.js';
import { buildGraphValue } from '../../ingest/relate/graph.js';
import { linkClaims } from '../../ingest/relate/link-claims.js';
import { aliasTable } from '../../ingest/resolve/aliases.js';
import type { Entity } from '../../ingest/resolve/entity.js';
import { resolve } from '../../ingest/resolve/identity.js';
import { extractDocument } from '../../ingest/extract/extract.js';
import { parseMarkdown } from '../../ingest/parse/markdown.js';

const entity = (name: string, variantOf?: Entity): Entity => ({ id: `model:${name}`, label: 'Model', name, aliases: [], mentions: [], merges: [], props: {}, variantOf });

describe('when a sentence may add a base', () => {
  const llama = entity('LLaMA');
  const vicuna = entity('Vicuna');
  const gptj = entity('GPT-J');
  const gptj6b = entity('GPT-J-6B', gptj);
  const stable = entity('StableVicuna');
  const dolly = entity('Dolly');
  const anima = entity('Anima');
  const guanaco = entity('33B guanaco');
  const mistral = entity('Mistral');
  const policy = new BasedOnPolicy(
    new Map([
      [vicuna, new Set([llama])],
      [stable, new Set([llama])],
      [dolly, new Set([gptj6b])],
      [anima, new Set([llama])],
    ]),
  );
  it('adds one when the column gives none', () => expect(policy.allows(mistral, llama)).toBe(true));
  it('adds a more specific base (a descendant of the column base)', () => expect(policy.allows(stable, vicuna)).toBe(true));
  it('adds a base whose own lineage the lists do not state', () => expect(policy.allows(anima, guanaco)).toBe(true));
  it('never adds the family or an ancestor of the column base', () => expect(policy.allows(dolly, gptj)).toBe(false));
  it('repeats the column base (its provenance is added to the column edge)', () => expect(policy.allows(vicuna, llama)).toBe(true));
});

describe('linking sentences and building the graph', () => {
  const md = [
    '# L',
    '## Models',
    '| contributor | model | base model | main feature |',
    '| --- | --- | --- | --- |',
    '| Meta | [LLaMA](https://github.com/facebookresearch/llama) | - | Base model. |',
    '| Stanford | [Alpaca](https://github.com/tatsu-lab/stanford_alpaca) | LLaMA | fine-tuned from LLaMA, outperforms GPT-3. |',
    '| X | [Dolly](https://github.com/x/dolly) | - | use Alpaca data to fine-tune a model. Similar to GPT-3. |',
  ].join('\n');

  it('links claims only to what the lists name, keeps table edges strongest, and quotes the sentence', () => {
    const ex = extractDocument(parseMarkdown('l.md', md));
    const none = aliasTable([]);
    const known = resolve(ex.mentions, none);
    const linked = linkClaims(ex.claims, ex.statements, known, none);
    const res = resolve([...ex.mentions, ...linked.mentions], none);
    const graph = buildGraphValue(res, [...ex.statements, ...linked.statements]);
    const edge = graph.edges.find((e) => e.id === 'BASED_ON:model:alpaca->model:llama')!;
    expect(edge.derivedFrom).toBe('table');
    expect(edge.provenance.map((p) => p.derivedFrom)).toEqual(['table', 'text']);
    expect(edge.provenance[1].text).toBe('fine-tuned from LLaMA, outperforms GPT-3.');
    expect(graph.edges.map((e) => e.id)).toContain('TRAINED_WITH:model:dolly->dataset:alpaca-data');
    expect(graph.edges.filter((e) => e.type === 'BASED_ON').map((e) => e.id)).toEqual(['BASED_ON:model:alpaca->model:llama']);
    expect(graph.nodes.map((n) => n.name)).not.toContain('GPT-3');
  });

  it('reads data provenance phrases as TRAINED_WITH a listed dataset, never as a base', () => {
    const doc = [
      '# L',
      '## Data',
      '| contributor | data | main feature |',
      '| --- | --- | --- |',
      '| X | [ShareGPT](https://github.com/domeccleston/sharegpt) | conversations |',
      '| X | [OpenOrca](https://github.com/x/openorca) | a dataset |',
      '| X | [MedQA](https://github.com/x/medqa) | a dataset |',
      '## Models',
      '| contributor | model | base model | main feature |',
      '| --- | --- | --- | --- |',
      '| A | [M1](https://github.com/a/m1) | LLaMA | trained with 70K user-shared ShareGPT conversations. |',
      '| A | [M2](https://github.com/a/m2) | LLaMA | distilled from OpenOrca data. |',
      '| A | [M3](https://github.com/a/m3) | LLaMA | a chatbot trained on 20K ShareGPT dialogues and the OpenOrca dataset. |',
      '| A | [M4](https://github.com/a/m4) | LLaMA | we collect data from ShareGPT to fine-tune LLaMA. |',
      '| A | [M5](https://github.com/a/m5) | LLaMA | SFT on MedQA, then RLHF. |',
      '| A | [M6](https://github.com/a/m6) | LLaMA | we utilize 6K GPT-4 conversations. It outperforms models trained on MedQA data. |',
      '| A | [M7](https://github.com/a/m7) | LLaMA | the ShareGPT dataset is popular. |',
    ].join('\n');
    const ex = extractDocument(parseMarkdown('l.md', doc));
    const none = aliasTable([]);
    const linked = linkClaims(ex.claims, ex.statements, resolve(ex.mentions, none), none);
    const graph = buildGraphValue(resolve([...ex.mentions, ...linked.mentions], none), [...ex.statements, ...linked.statements]);
    const trained = graph.edges.filter((e) => e.type === 'TRAINED_WITH').map((e) => `${e.source}->${e.target}`).sort();
    expect(trained).toEqual([
      'model:m1->dataset:sharegpt',
      'model:m2->dataset:openorca',
      'model:m3->dataset:openorca',
      'model:m3->dataset:sharegpt',
      'model:m4->dataset:sharegpt',
      'model:m5->dataset:medqa',
    ]);
    expect(graph.edges.filter((e) => e.type === 'BASED_ON' && !e.target.endsWith(':llama'))).toEqual([]);
    expect(graph.nodes.filter((n) => n.label === 'Dataset').map((n) => n.name).sort()).toEqual(['MedQA', 'OpenOrca', 'ShareGPT']);
  });

  it('drops statements about names that joined nothing, and self-loops', () => {
    const m = (id: string, name: string, extra: Partial<Mention> = {}): Mention => ({
      id,
      label: 'Model',
      certain: true,
      role: 'entry',
      name,
      props: {},
      provenance: { source: 'x.md', line: 1, section: [], derivedFrom: 'list' },
      ...extra,
    });
    const mentions = [m('a', 'PaLM'), m('b', 'PaLM', { role: 'reference' }), m('c', 'Nowhere', { tentative: true })];
    const statements: Statement[] = [
      { type: 'RELATED_TO', from: 'a', to: 'b', provenance: mentions[0].provenance },
      { type: 'DESCRIBED_IN', from: 'c', to: 'a', provenance: mentions[0].provenance },
    ];
    const graph = buildGraphValue(resolve(mentions, aliasTable([])), statements);
    expect(graph.edges).toEqual([]);
    expect(graph.nodes.map((n) => n.id)).toEqual(['model:palm']);
  });
});
