import { edgeAttributes, ends, nodeAttributes, type Orientation, type Subgraph } from './subgraph.js';

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

type Value = string | string[] | number[];

/** GraphML keeps attribute values as strings; lists travel JSON-encoded, so nothing is lost. */
function text(value: Value): string {
  return escapeXml(Array.isArray(value) ? JSON.stringify(value) : value);
}

const LIST = 'a JSON-encoded list';
const NODE_KEYS: [string, string][] = [
  ['kind', 'GraphQL Kind, e.g. MODEL'],
  ['label', 'Neo4j label, e.g. Model'],
  ['name', 'display name'],
  ['aliases', `other spellings: ${LIST}`],
  ['url', 'link given for it'],
  ['releaseDate', 'models: ISO 8601 (partial) date'],
  ['parameters', `models: parameter counts in billions, ${LIST}`],
  ['contextLength', `models: context lengths in tokens, ${LIST}`],
  ['sources', `file:line places that state it, ${LIST}`],
];
const EDGE_KEYS: [string, string][] = [
  ['type', 'GraphQL RelationType, e.g. BASED_ON'],
  ['derivedFrom', 'GraphQL DerivedFrom: TABLE, LIST, TEXT or LINK'],
  ['derivationKinds', `BASED_ON: how the model was made, GraphQL DerivationKind (FINETUNE, ADAPTER, ..., UNSPECIFIED), ${LIST}; [] for other relations`],
  ['derivationMethods', `BASED_ON: methods named (LoRA, DPO, ...), ${LIST}`],
  ['sources', `file:line places that state it, ${LIST}`],
];

/**
 * GraphML 1.0 for networkx `read_graphml` (pass `force_multigraph=True` for a MultiDiGraph even
 * when no two edges share their ends), Gephi and yEd. A directed multigraph: every edge has its
 * own id, which networkx uses as the edge key.
 */
export function toGraphML(graph: Subgraph, orientation: Orientation): string {
  const key = (scope: 'node' | 'edge', [name, desc]: [string, string]) =>
    `  <key id="${scope[0]}_${name}" for="${scope}" attr.name="${name}" attr.type="string"><desc>${escapeXml(desc)}</desc></key>`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...NODE_KEYS.map((k) => key('node', k)),
    ...EDGE_KEYS.map((k) => key('edge', k)),
    `  <graph id="llm-lineage" edgedefault="directed">`,
    `    <desc>${escapeXml(JSON.stringify({ ...graph.meta, orientation, multigraph: true }))}</desc>`,
  ];
  for (const node of graph.nodes) {
    const attrs = nodeAttributes(node) as Record<string, Value | undefined>;
    lines.push(`    <node id="${escapeXml(node.id)}">`);
    for (const [k] of NODE_KEYS) {
      const value = attrs[k];
      if (value !== undefined) lines.push(`      <data key="n_${k}">${text(value)}</data>`);
    }
    lines.push('    </node>');
  }
  for (const edge of graph.edges) {
    const attrs = edgeAttributes(edge) as Record<string, Value>;
    const { source, target } = ends(edge, orientation);
    lines.push(`    <edge id="${escapeXml(edge.id)}" source="${escapeXml(source)}" target="${escapeXml(target)}">`);
    for (const [k] of EDGE_KEYS) lines.push(`      <data key="e_${k}">${text(attrs[k])}</data>`);
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
