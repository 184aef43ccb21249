import { describe, expect, it } from 'vitest';
import type { NodeLabel } from '../../ingest/graph/types.js';
import type { Mention } from '../../ingest/extract/types.js';
import { aliasTable, parseAliasTable } from '../../ingest/resolve/aliases.js';
import { resolve } from '../../ingest/resolve/identity.js';
import { loadAliases } from '../../ingest/pipeline.js';

let seq = 0;
function mention(name: string, opts: Partial<Mention> & { label?: NodeLabel; line?: number } = {}): Mention {
  const { line = ++seq, ...rest } = opts;
  return {
    id: `t.md:${line}:${++seq}`,
    label: 'Model',
    certain: true,
    role: 'entry',
    name,
    props: {},
    provenance: { source: 't.md', line, section: ['Models'], derivedFrom: 'table' },
    ...rest,
  };
}
const none = aliasTable([]);
const nodeOf = (res: ReturnType<typeof resolve>, m: Mention) => res.entityOf.get(m.id);

describe('identity rules', () => {
  it('normalised-name: case, space and punctuation do not matter', () => {
    const a = mention('Stability-AI', { label: 'Organization', role: 'reference' });
    const b = mention('stabilityai', { label: 'Organization', role: 'reference' });
    const res = resolve([a, b], none);
    expect(nodeOf(res, a)).toBe(nodeOf(res, b));
    expect(nodeOf(res, a)?.merges).toEqual([{ rule: 'normalised-name', names: ['Stability-AI', 'stabilityai'] }]);
  });

  it('same-repository: a renamed project is one node with both names', () => {
    const early = mention('Huatuo', { url: 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese' });
    const late = mention('BenTsao', { url: 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese' });
    const res = resolve([early, late], none);
    const node = nodeOf(res, early)!;
    expect(nodeOf(res, late)).toBe(node);
    expect([node.name, ...node.aliases]).toEqual(['Huatuo', 'BenTsao']);
    expect(node.merges).toContainEqual({ rule: 'same-repository', names: ['Huatuo', 'BenTsao'] });
  });

  it('a shared repository does not join different kinds of thing (Koala the model, EasyLM the tool)', () => {
    const koala = mention('Koala', { url: 'https://github.com/young-geng/EasyLM' });
    const easylm = mention('EasyLM', { label: 'Project', url: 'https://github.com/young-geng/EasyLM' });
    const res = resolve([koala, easylm], none);
    expect(nodeOf(res, koala)).not.toBe(nodeOf(res, easylm));
  });

  it('the same name behind different repositories stays apart, with ids told apart by owner', () => {
    const nebuly = mention('ChatLLaMA', { url: 'https://github.com/nebuly-ai/nebullvm/tree/main/apps/accelerate/chatllam' });
    const juncong = mention('ChatLLaMA', { url: 'https://github.com/juncongmoo/chatllama' });
    const res = resolve([nebuly, juncong], none);
    expect(nodeOf(res, nebuly)).not.toBe(nodeOf(res, juncong));
    expect([nodeOf(res, nebuly)!.id, nodeOf(res, juncong)!.id]).toEqual(['model:chatllama-nebuly-ai', 'model:chatllama-juncongmoo']);
    expect(nodeOf(res, nebuly)!.name).toBe('ChatLLaMA');
  });

  it('a mention without a link joins the one project of its name, but not one of several', () => {
    const linked = mention('Alpaca', { url: 'https://github.com/tatsu-lab/stanford_alpaca' });
    const bare = mention('Alpaca', { role: 'reference' });
    const joined = resolve([linked, bare], none);
    expect(nodeOf(joined, bare)).toBe(nodeOf(joined, linked));
    const a = mention('ChatLLaMA', { url: 'https://github.com/nebuly-ai/x' });
    const b = mention('ChatLLaMA', { url: 'https://github.com/juncongmoo/chatllama' });
    const c = mention('ChatLLaMA', { role: 'reference' });
    const res = resolve([a, b, c], none);
    expect(res.entityOf.has(c.id)).toBe(false);
    expect(res.ambiguous.map((x) => x.mention)).toEqual([c]);
  });

  it('prefixes are not the same thing: Chinese-Vicuna is not Vicuna, LLaMA-Adapter is not LLaMA', () => {
    const names = ['Vicuna', 'Chinese-Vicuna', 'LLaMA', 'LLaMA-Adapter', 'Falcon-7B', 'Falcon-7B-Instruct'].map((n) => mention(n));
    const res = resolve(names, none);
    expect(new Set(names.map((m) => nodeOf(res, m))).size).toBe(names.length);
  });

  it('alias-table: spellings no rule can join, with the canonical name as display name', () => {
    const table = aliasTable([{ label: 'Organization', name: 'UC Berkeley', spellings: ['UC Berkley', 'UCB'], reason: 'test' }]);
    const a = mention('UC Berkley', { label: 'Organization', role: 'reference' });
    const b = mention('UCB', { label: 'Organization', role: 'reference' });
    const res = resolve([a, b], table);
    expect(nodeOf(res, a)).toBe(nodeOf(res, b));
    expect(nodeOf(res, a)!.name).toBe('UC Berkeley');
    expect(nodeOf(res, a)!.merges).toContainEqual({ rule: 'alias-table', names: ['UC Berkeley', 'UC Berkley', 'UCB'] });
  });

  it('accounts and institutions stay apart', () => {
    const account = mention('@mbzuai-nlp', { label: 'Organization', role: 'reference', props: { kind: 'account' } });
    const institution = mention('MBZUAI', { label: 'Organization', role: 'reference', props: { kind: 'institution' } });
    const res = resolve([account, institution], none);
    expect(nodeOf(res, account)!.id).toBe('organization:@mbzuai-nlp');
    expect(nodeOf(res, account)).not.toBe(nodeOf(res, institution));
  });
});

describe('size variants', () => {
  it('a size named only as a base joins its family (LLaMA-13B → LLaMA), recorded as a size', () => {
    const family = mention('LLaMA');
    const v7 = mention('LLaMA-7B', { role: 'reference' });
    const v13 = mention('LLaMA-13B', { role: 'reference' });
    const res = resolve([family, v7, v13], none);
    const node = nodeOf(res, family)!;
    expect(nodeOf(res, v7)).toBe(node);
    expect(nodeOf(res, v13)).toBe(node);
    expect(node.props.sizes).toEqual(['7B', '13B']);
    expect(node.merges).toContainEqual({ rule: 'size-variant', names: ['LLaMA', 'LLaMA-7B', 'LLaMA-13B'] });
  });

  it('a size the lists give an entry of its own stays a node, VARIANT_OF its family', () => {
    const family = mention('Falcon', { role: 'reference' });
    const entry = mention('Falcon-7B');
    const res = resolve([family, entry], none);
    expect(nodeOf(res, entry)).not.toBe(nodeOf(res, family));
    expect(nodeOf(res, entry)!.variantOf).toBe(nodeOf(res, family));
  });

  it('a family named only through its sizes gets a node of its own', () => {
    const ref = mention('Baichuan-13B', { role: 'reference' });
    const entry = mention('baichuan-7B');
    const res = resolve([entry, ref], none);
    expect(nodeOf(res, ref)!.name).toBe('Baichuan');
    expect(nodeOf(res, entry)!.variantOf).toBe(nodeOf(res, ref));
  });

  it('a size behind another repository is another model (QLoRA’s 33B guanaco)', () => {
    const guanaco = mention('Guanaco', { url: 'https://huggingface.co/datasets/JosephusCheung/GuanacoDataset' });
    const qlora = mention('33B guanaco', { role: 'reference', url: 'https://huggingface.co/timdettmers/guanaco-33b' });
    const res = resolve([guanaco, qlora], none);
    expect(nodeOf(res, qlora)).not.toBe(nodeOf(res, guanaco));
    expect(nodeOf(res, qlora)!.name).toBe('33B guanaco');
  });
});

describe('tentative names', () => {
  it('join the one entity of their name, or are dropped and reported', () => {
    const goat = mention('Goat');
    const title = mention('Goat', { role: 'reference', certain: false, tentative: true, label: 'Model' });
    const unknown = mention('Flacuna', { role: 'reference', certain: false, tentative: true });
    const res = resolve([goat, title, unknown], none);
    expect(nodeOf(res, title)).toBe(nodeOf(res, goat));
    expect(res.entityOf.has(unknown.id)).toBe(false);
    expect(res.unresolved).toEqual([unknown]);
  });

  it('take the kind of what they join', () => {
    const method = mention('LoRA', { label: 'Method' });
    const title = mention('LoRA', { role: 'reference', certain: false, tentative: true, label: 'Model' });
    expect(nodeOf(resolve([method, title], none), title)!.label).toBe('Method');
  });
});

describe('the alias table', () => {
  it('is valid and every entry has a reason', async () => {
    const table = await loadAliases();
    expect(table.entries.length).toBeGreaterThan(0);
    for (const e of table.entries) expect(e.reason.length).toBeGreaterThan(20);
  });

  it('refuses entries without a reason or with a spelling under two names', () => {
    expect(() => parseAliasTable({ aliases: [{ label: 'Model', name: 'X', spellings: ['Y'] }] })).toThrow(/reason/);
    expect(() =>
      parseAliasTable({
        aliases: [
          { label: 'Model', name: 'X', spellings: ['Y'], reason: 'r' },
          { label: 'Model', name: 'Z', spellings: ['Y'], reason: 'r' },
        ],
      }),
    ).toThrow(/both/);
  });
});
