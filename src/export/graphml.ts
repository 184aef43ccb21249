import { edgeAttributes, nodeAttributes, type Subgraph } from './subgraph.js';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** GraphML keeps attribute values as strings; lists are joined with `|`. */
function text(value: string | string[]): string {
  return escapeXml(Array.isArray(value) ? value.join('|') : value);
}

const NODE_KEYS = ['label', 'name', 'aliases', 'url', 'sources'] as const;
const EDGE_KEYS = ['type', 'derivedFrom', 'sources'] as const;

/** GraphML 1.0, readable by networkx `read_graphml`, Gephi and yEd. */
export function toGraphML(graph: Subgraph): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...NODE_KEYS.map((k) => `  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`),
    ...EDGE_KEYS.map((k) => `  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`),
    '  <graph id="llm-lineage" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    const attrs = nodeAttributes(node);
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const k of NODE_KEYS) lines.push(`      <data key="n_${k}">${text(attrs[k])}</data>`);
    lines.push('    </node>');
  }
  for (const edge of graph.edges) {
    const attrs = edgeAttributes(edge);
    lines.push(`    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`);
    for (const k of EDGE_KEYS) lines.push(`      <data key="e_${k}">${text(attrs[k])}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
