import type { EdgeRecord, NodeRecord } from '../records/node-record.js';

/** What the serialisers take: nodes, and the edges among them. */
export interface Subgraph {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Describes the export, e.g. `{root: "model:vicuna", direction: "BOTH", maxDepth: 2}`. */
  meta: Record<string, string | number>;
}

/** Edge properties kept in exports; provenance is flattened to `file:line` strings. */
export function edgeAttributes(edge: EdgeRecord) {
  return {
    type: edge.type,
    derivedFrom: edge.derivedFrom,
    sources: edge.provenance.map((p) => `${p.source}:${p.line}`),
  };
}

export function nodeAttributes(node: NodeRecord) {
  return {
    label: node.label,
    name: node.name,
    aliases: node.aliases,
    url: typeof node.props.url === 'string' ? node.props.url : '',
    sources: node.provenance.map((p) => `${p.source}:${p.line}`),
  };
}
