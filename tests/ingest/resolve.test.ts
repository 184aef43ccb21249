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
/** The same mention, read from another list. */
const inFile = (source: string, m: Mention): Mention => ({ ...m, id: `${source}:${m.provenance.line}:${m.id}`, provenance: { ...m.provenance, source } });
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
    expect(node.props.parameters).toEqual([7, 13]);
    expect(node.merges).toContainEqual({ rule: 'size-variant', names: ['LLaMA', 'LLaMA-7B', 'LLaMA-13B'] });
  });

  it('a size with an entry of its own joins its family when it is the only size with an entry (GPT-J-6B → GPT-J)', () => {
    const family = mention('GPT-J', { url: 'https://huggingface.co/EleutherAI/gpt-j-6b' });
    const entry = inFile('my-llm.md', mention('GPT-J-6B'));
    const base = mention('GPT-J 6B', { role: 'reference' });
    const res = resolve([entry, base, family], none);
    const node = nodeOf(res, family)!;
    expect(nodeOf(res, entry)).toBe(node);
    expect(nodeOf(res, base)).toBe(node);
    expect(node.name).toBe('GPT-J');
    expect(node.aliases).toEqual(['GPT-J-6B', 'GPT-J 6B']);
    expect(node.props.parameters).toEqual([6]);
    expect(node.merges).toContainEqual({ rule: 'size-variant', names: ['GPT-J', 'GPT-J-6B', 'GPT-J 6B'] });
    expect(node.variantOf).toBeUndefined();
  });

  it('a family and one of its sizes with rows of their own in one list stay apart (Karasu, karasu-1.1B)', () => {
    const family = mention('Karasu');
    const sized = mention('karasu-1.1B');
    const elsewhere = inFile('other.md', mention('Karasu-1.1B', { role: 'reference' }));
    const res = resolve([family, sized, elsewhere], none);
    expect(nodeOf(res, sized)).not.toBe(nodeOf(res, family));
    expect(nodeOf(res, sized)!.variantOf).toBe(nodeOf(res, family));
    expect(nodeOf(res, elsewhere)).toBe(nodeOf(res, sized));
  });

  it('two or more sizes with entries of their own stay nodes, VARIANT_OF their family (Falcon-7B, Falcon-40B)', () => {
    const family = mention('Falcon', { role: 'reference' });
    const f7 = mention('Falcon-7B');
    const f40 = mention('Falcon-40B');
    const base = mention('Falcon-7B', { role: 'reference' });
    const instruct = mention('Falcon-7B-Instruct');
    const res = resolve([f7, f40, base, instruct, family], none);
    expect(new Set([f7, f40, family, instruct].map((m) => nodeOf(res, m))).size).toBe(4);
    expect(nodeOf(res, base)).toBe(nodeOf(res, f7));
    expect(nodeOf(res, f7)!.variantOf).toBe(nodeOf(res, family));
    expect(nodeOf(res, f40)!.variantOf).toBe(nodeOf(res, family));
    expect(nodeOf(res, instruct)!.variantOf).toBeUndefined();
  });

  it('the same size listed in several places is still one size (ChatGLM-6B in three lists joins ChatGLM)', () => {
    const entries = ['ChatGLM-6B', 'ChatGLM-6B', 'ChatGLM-6B'].map((n) => mention(n, { url: 'https://github.com/THUDM/ChatGLM-6B' }));
    const family = mention('ChatGLM', { role: 'reference' });
    const next = mention('ChatGLM2-6B', { url: 'https://github.com/THUDM/ChatGLM2-6B' });
    const res = resolve([...entries, family, next], none);
    expect(new Set(entries.map((m) => nodeOf(res, m)))).toEqual(new Set([nodeOf(res, family)]));
    expect(nodeOf(res, family)!.name).toBe('ChatGLM');
    expect(nodeOf(res, next)).not.toBe(nodeOf(res, family));
    expect(nodeOf(res, next)!.name).toBe('ChatGLM2-6B');
  });

  it('a family named only through its sizes gets a node of its own, which a single sized entry joins', () => {
    const ref = mention('Baichuan-13B', { role: 'reference' });
    const entry = mention('baichuan-7B');
    const chat = mention('Baichuan-13B-Chat', { role: 'reference' });
    const res = resolve([entry, ref, chat], none);
    const node = nodeOf(res, ref)!;
    expect(node.name).toBe('Baichuan');
    expect(nodeOf(res, entry)).toBe(node);
    expect(node.props.parameters).toEqual([7, 13]);
    expect(nodeOf(res, chat)).not.toBe(node);
  });

  it('a sized entry with no family named anywhere keeps its name (Qwen-7B)', () => {
    const qwen = mention('Qwen-7B');
    const res = resolve([qwen], none);
    expect(nodeOf(res, qwen)!.name).toBe('Qwen-7B');
    expect(nodeOf(res, qwen)!.props.parameters).toBeUndefined();
  });

  it('a size behind another repository is another model (QLoRA’s 33B guanaco)', () => {
    const guanaco = mention('Guanaco', { url: 'https://huggingface.co/datasets/JosephusCheung/GuanacoDataset' });
    const qlora = mention('33B guanaco', { role: 'reference', url: 'https://huggingface.co/timdettmers/guanaco-33b' });
    const res = resolve([guanaco, qlora], none);
    expect(nodeOf(res, qlora)).not.toBe(nodeOf(res, guanaco));
    expect(nodeOf(res, qlora)!.name).toBe('33B guanaco');
  });
});

describe('display names', () => {
  it('the name written most often wins, then a capitalised spelling over an all-lower-case one', () => {
    const mine = mention('dolly', { provenance: { source: 'a.md', line: 1, section: [], derivedFrom: 'list' } });
    const early = mention('Dolly');
    const late = mention('Dolly');
    expect(nodeOf(resolve([mine, early, late], none), mine)!.name).toBe('Dolly');
    const lower = mention('panda', { url: 'https://github.com/dandelionsllm/pandallm' });
    const upper = mention('Panda', { url: 'https://github.com/dandelionsllm/pandallm' });
    const renamed = mention('PandaLM', { url: 'https://github.com/dandelionsllm/pandallm' });
    const panda = resolve([lower, renamed, upper], none);
    expect(nodeOf(panda, lower)!.name).toBe('Panda');
    expect(nodeOf(panda, lower)!.id).toBe('model:panda');
  });

  it('ties go to a name an entry uses, and a paper title’s guess only votes when nothing else does', () => {
    const title = mention('Selfee', { role: 'reference', tentative: true, certain: false });
    const title2 = mention('Selfee', { role: 'reference', tentative: true, certain: false });
    const row = mention('SelFee');
    expect(nodeOf(resolve([title, title2, row], none), row)!.name).toBe('SelFee');
    // … but its capitals count when every row writes the name in lower case (Baize).
    const rows = [mention('baize'), mention('baize')];
    const paper = mention('Baize', { role: 'reference', tentative: true, certain: false });
    expect(nodeOf(resolve([...rows, paper], none), rows[0])!.name).toBe('Baize');
  });

  it('the alias table’s canonical name comes first', () => {
    const table = aliasTable([{ label: 'Organization', name: 'UC Berkeley', spellings: ['UCB'], reason: 'test' }]);
    const a = mention('UCB', { label: 'Organization', role: 'reference' });
    const b = mention('UCB', { label: 'Organization', role: 'reference' });
    expect(nodeOf(resolve([a, b], table), a)!.name).toBe('UC Berkeley');
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
