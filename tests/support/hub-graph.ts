import type { Graph, GraphEdge, GraphNode } from '../../ingest/graph/types.js';

/** The kinds of the i-th fine-tune of a hub: six in ten fine-tunes, three quantizations, one adapter. */
export function hubKinds(i: number): string[] {
  const r = i % 10;
  return r < 6 ? ['FINETUNE'] : r < 9 ? ['QUANTIZATION'] : ['ADAPTER'];
}

/**
 * A base with `size` derivatives (as the Hugging Face Hub has for its popular bases), one in a
 * hundred of them with a derivative of its own, and a contributor: `Hub-Base`, `Hub-FT-<i>`,
 * `Hub-GC-<i>` and `Hub Maker`.
 */
export function hubGraph(size: number): Graph {
  const provenance = (line: number) => [{ source: 'hub.md', line, section: ['Hub'], derivedFrom: 'table' as const }];
  const model = (key: string, name: string, line: number): GraphNode => ({
    id: `model:${key}`, label: 'Model', name, aliases: [], props: {}, provenance: provenance(line), merges: [],
  });
  const basedOn = (source: string, target: string, kinds: string[], line: number): GraphEdge => ({
    id: `BASED_ON:${source}->${target}`, type: 'BASED_ON', source, target, derivedFrom: 'table', provenance: provenance(line),
    derivation: { kinds, methods: [], evidence: [] },
  });
  const nodes: GraphNode[] = [
    model('hub-base', 'Hub-Base', 1),
    { id: 'organization:hubmaker', label: 'Organization', name: 'Hub Maker', aliases: [], props: { kind: 'institution' }, provenance: provenance(1), merges: [] },
  ];
  const edges: GraphEdge[] = [
    { id: 'FROM_CONTRIBUTOR:model:hub-base->organization:hubmaker', type: 'FROM_CONTRIBUTOR', source: 'model:hub-base', target: 'organization:hubmaker', derivedFrom: 'table', provenance: provenance(1) },
  ];
  for (let i = 0; i < size; i++) {
    nodes.push(model(`hub-ft-${i}`, `Hub-FT-${i}`, i + 2));
    edges.push(basedOn(`model:hub-ft-${i}`, 'model:hub-base', hubKinds(i), i + 2));
    if (i % 100 === 0) {
      nodes.push(model(`hub-gc-${i}`, `Hub-GC-${i}`, size + i + 2));
      edges.push(basedOn(`model:hub-gc-${i}`, `model:hub-ft-${i}`, ['FINETUNE'], size + i + 2));
    }
  }
  return { nodes, edges };
}
