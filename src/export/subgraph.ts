import type { EdgeRecord, NodeRecord } from '../records/node-record.js';

/** What the serialisers take: nodes, and the edges among them. */
export interface Subgraph {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
  /** Describes the export, e.g. `{root: "model:vicuna", direction: "BOTH", maxDepth: 2}`. */
  meta: Record<string, string | number>;
}

/**
 * Which way exported edges point. `RELATION` as the relation reads and the API's edges give it
 * (Vicuna → LLaMA for Vicuna BASED_ON LLaMA, Vicuna → LMSYS for FROM_CONTRIBUTOR); `LINEAGE`
 * downstream, from what a model is built from to the model (LLaMA → Vicuna, LMSYS → Vicuna), as
 * the explorer draws it, so that networkx's `descendants` are a model's descendants.
 */
export type Orientation = 'RELATION' | 'LINEAGE';

/** Source and target of an exported edge in the chosen orientation. */
export function ends(edge: EdgeRecord, orientation: Orientation): { source: string; target: string } {
  return orientation === 'LINEAGE' ? { source: edge.target, target: edge.source } : { source: edge.source, target: edge.target };
}

/**
 * Edge attributes kept in exports, enums spelt as in GraphQL (`BASED_ON`, `TABLE`, `ADAPTER`);
 * provenance flattened to `file:line` strings. Every edge has the derivation lists, empty but
 * for BASED_ON, so a table or a graph reads them without a missing-key case.
 */
export function edgeAttributes(edge: EdgeRecord) {
  return {
    type: edge.type,
    derivedFrom: edge.derivedFrom.toUpperCase(),
    derivationKinds: edge.derivation?.kinds ?? [],
    derivationMethods: edge.derivation?.methods ?? [],
    sources: edge.provenance.map((p) => `${p.source}:${p.line}`),
  };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number).filter((n) => Number.isFinite(n)) : [];
}

/** The model facts of the ingest (see CONTRACTS.md), absent values as empty. */
export function modelFacts(node: NodeRecord) {
  return {
    releaseDate: typeof node.props.releaseDate === 'string' ? node.props.releaseDate : '',
    parameters: numbers(node.props.parameters),
    contextLength: numbers(node.props.contextLength),
  };
}

/** Node attributes kept in exports: `kind` spelt as GraphQL's `Kind`, `label` as Neo4j's. */
export function nodeAttributes(node: NodeRecord) {
  return {
    kind: node.label.toUpperCase(),
    label: node.label,
    name: node.name,
    aliases: node.aliases,
    url: typeof node.props.url === 'string' ? node.props.url : '',
    ...(node.label === 'Model' ? modelFacts(node) : {}),
    sources: node.provenance.map((p) => `${p.source}:${p.line}`),
  };
}
