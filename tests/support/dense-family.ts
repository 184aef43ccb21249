import type { Graph, GraphEdge, GraphNode } from '../../ingest/graph/types.js';

/**
 * A family as intertwined as it gets: `layers` layers of `width` models, every model of a layer
 * BASED_ON every model of the layer above, so that between the top and the bottom there are
 * width^(layers-1) paths. A query that enumerates paths never finishes on it; one that walks
 * breadth-first touches layers × width² relationships.
 */
export function denseFamily(layers: number, width: number, prefix = 'dense'): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const id = (layer: number, i: number) => `model:${prefix}-${layer}-${i}`;
  for (let layer = 0; layer < layers; layer++) {
    for (let i = 0; i < width; i++) {
      nodes.push({
        id: id(layer, i),
        label: 'Model',
        name: `${prefix}-${layer}-${i}`,
        aliases: [],
        props: {},
        provenance: [{ source: 'dense.md', line: layer * width + i + 1, section: ['Dense'], derivedFrom: 'table' }],
        merges: [],
      });
      if (layer === 0) continue;
      for (let j = 0; j < width; j++) {
        edges.push({
          id: `BASED_ON:${id(layer, i)}->${id(layer - 1, j)}`,
          type: 'BASED_ON',
          source: id(layer, i),
          target: id(layer - 1, j),
          derivedFrom: 'table',
          provenance: [{ source: 'dense.md', line: layer * width + i + 1, section: ['Dense'], derivedFrom: 'table' }],
        });
      }
    }
  }
  return { nodes, edges };
}

/** Two graphs as one (their ids must not overlap). */
export function union(a: Graph, b: Graph): Graph {
  return { nodes: [...a.nodes, ...b.nodes], edges: [...a.edges, ...b.edges] };
}
