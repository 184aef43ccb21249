import { describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../../ingest/graph/types.js';
import { identityKeys, renameIds, repositoriesOf, stableIds, type RememberedId } from '../../ingest/load/stable-ids.js';
import { nameKey } from '../../ingest/graph/name-key.js';

function node(id: string, name: string, extra: Partial<GraphNode> = {}): GraphNode {
  const label = (id.split(':')[0].charAt(0).toUpperCase() + id.split(':')[0].slice(1)) as GraphNode['label'];
  return { id, label, name, aliases: [], props: {}, provenance: [], merges: [], ...extra };
}

/** What the store remembers of nodes it stated (live) or no longer states. */
function remembered(n: GraphNode, live = true): RememberedId {
  return { id: n.id, label: n.label, keys: identityKeys(n), repos: repositoriesOf(n), displayKey: nameKey(n.name), live };
}

const graph = (...nodes: GraphNode[]): Graph => ({ nodes, edges: [] });

describe('stable ids', () => {
  it('keeps the ids of a first load as the pipeline gave them', () => {
    const g = graph(node('model:vicuna', 'Vicuna'), node('model:llama', 'LLaMA'));
    expect(Object.fromEntries(stableIds(g, []))).toEqual({ 'model:vicuna': 'model:vicuna', 'model:llama': 'model:llama' });
  });

  it('keeps an id across a rename by the repository link (Huatuo → BenTsao)', () => {
    const url = 'https://github.com/SCIR-HI/Huatuo-Llama-Med-Chinese';
    const before = node('model:huatuo', 'Huatuo', { props: { url } });
    const after = graph(node('model:bentsao', 'BenTsao', { props: { url } }));
    expect(stableIds(after, [remembered(before)]).get('model:bentsao')).toBe('model:huatuo');
  });

  it('does not swap ChatGLM and ChatGLM-6B when a version names the one node by its size', () => {
    const memory = [
      remembered(node('model:chatglm', 'ChatGLM', { aliases: ['ChatGLM-6B'] })),
      remembered(node('model:chatglm-6b', 'ChatGLM-6B'), false),
    ];
    const sized = graph(node('model:chatglm-6b', 'ChatGLM-6B', { aliases: ['ChatGLM'] }));
    expect(stableIds(sized, memory).get('model:chatglm-6b')).toBe('model:chatglm');
    // Both again, as two nodes: each its own id back.
    const both = graph(node('model:chatglm', 'ChatGLM'), node('model:chatglm-6b', 'ChatGLM-6B'));
    expect([...stableIds(both, memory)]).toEqual([
      ['model:chatglm', 'model:chatglm'],
      ['model:chatglm-6b', 'model:chatglm-6b'],
    ]);
  });

  it("keeps a paper's arXiv id when a version links it elsewhere", () => {
    const title = 'QLoRA: Efficient Finetuning of Quantized LLMs';
    const before = node('paper:arxiv-2305.14314', title, { props: { arxivId: '2305.14314' } });
    const after = graph(node('paper:qlora-efficient-finetuning-of-quantized-llms', title));
    expect(stableIds(after, [remembered(before)]).get('paper:qlora-efficient-finetuning-of-quantized-llms')).toBe('paper:arxiv-2305.14314');
  });

  it('keeps two things of one name apart by their repositories', () => {
    const a = node('model:chatllama-nebuly-ai', 'ChatLLaMA', { props: { url: 'https://github.com/nebuly-ai/nebullvm' } });
    const b = node('model:chatllama-juncongmoo', 'ChatLLaMA', { props: { url: 'https://github.com/juncongmoo/chatllama' } });
    const again = graph(
      node('model:chatllama-juncongmoo', 'ChatLLaMA', { props: { url: 'https://github.com/juncongmoo/chatllama' } }),
      node('model:chatllama-nebuly-ai', 'ChatLLaMA', { props: { url: 'https://github.com/nebuly-ai/nebullvm' } }),
    );
    const ids = stableIds(again, [remembered(a), remembered(b)]);
    expect(ids.get('model:chatllama-juncongmoo')).toBe('model:chatllama-juncongmoo');
    expect(ids.get('model:chatllama-nebuly-ai')).toBe('model:chatllama-nebuly-ai');
  });

  it('never gives a new thing an id the store gave to something else', () => {
    const other = node('model:falcon', 'Falcon', { props: { url: 'https://github.com/a/falcon' } });
    const newcomer = graph(node('model:falcon', 'Falcon', { props: { url: 'https://github.com/b/falcon' } }));
    expect(stableIds(newcomer, [remembered(other, false)]).get('model:falcon')).toBe('model:falcon-2');
  });

  it('renames edges with their ends', () => {
    const g: Graph = {
      nodes: [node('model:bentsao', 'BenTsao'), node('model:llama', 'LLaMA')],
      edges: [{ id: 'BASED_ON:model:bentsao->model:llama', type: 'BASED_ON', source: 'model:bentsao', target: 'model:llama', derivedFrom: 'table', provenance: [] }],
    };
    const renamed = renameIds(g, new Map([['model:bentsao', 'model:huatuo'], ['model:llama', 'model:llama']]));
    expect(renamed.nodes.map((n) => n.id)).toEqual(['model:huatuo', 'model:llama']);
    expect(renamed.edges[0]).toMatchObject({ id: 'BASED_ON:model:huatuo->model:llama', source: 'model:huatuo', target: 'model:llama' });
  });
});
