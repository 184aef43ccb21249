import { nameKey } from '../graph/name-key.js';
import type { GraphEdge, GraphNode } from '../graph/types.js';

/**
 * How a node or an edge of the intermediate graph is stored as Neo4j properties. Neo4j
 * properties hold scalars and flat lists only, so provenance and merges are kept as lists of
 * JSON strings and parsed back by the API.
 */

export interface NodeRow {
  id: string;
  label: string;
  props: Record<string, unknown>;
}

export interface EdgeRow {
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
}

export function nodeRow(node: GraphNode): NodeRow {
  const names = [node.name, ...node.aliases];
  return {
    id: node.id,
    label: node.label,
    props: {
      ...node.props,
      id: node.id,
      label: node.label,
      name: node.name,
      aliases: node.aliases,
      // Look-ups compare keys, so every spelling's key is stored once.
      nameKeys: [...new Set(names.map(nameKey).filter(Boolean))],
      aliasText: node.aliases.join(' | '),
      mentions: node.provenance.length,
      provenance: node.provenance.map((p) => JSON.stringify(p)),
      merges: node.merges.map((m) => JSON.stringify(m)),
    },
  };
}

export function edgeRow(edge: GraphEdge): EdgeRow {
  return {
    type: edge.type,
    source: edge.source,
    target: edge.target,
    props: {
      id: edge.id,
      derivedFrom: edge.derivedFrom,
      provenance: edge.provenance.map((p) => JSON.stringify(p)),
      // How a model was made from its base (BASED_ON): kinds and methods as lists, the evidence as JSON.
      ...(edge.derivation
        ? {
            derivationKinds: edge.derivation.kinds,
            derivationMethods: edge.derivation.methods,
            derivationEvidence: edge.derivation.evidence.map((e) => JSON.stringify(e)),
          }
        : {}),
    },
  };
}
