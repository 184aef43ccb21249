import { EDGE_TYPES, NODE_LABELS, type Graph } from '../graph/types.js';

/**
 * Refuses a graph the database could not hold faithfully, before anything is written: unknown
 * kinds, duplicate ids, edges whose ends are missing.
 */
export function checkGraph(graph: Graph): void {
  const ids = new Set<string>();
  for (const node of graph.nodes) {
    if (!(NODE_LABELS as readonly string[]).includes(node.label)) {
      throw new Error(`node ${node.id}: unknown label ${JSON.stringify(node.label)}`);
    }
    if (ids.has(node.id)) throw new Error(`node ${node.id}: id used twice`);
    ids.add(node.id);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (!(EDGE_TYPES as readonly string[]).includes(edge.type)) {
      throw new Error(`edge ${edge.id}: unknown type ${JSON.stringify(edge.type)}`);
    }
    if (edgeIds.has(edge.id)) throw new Error(`edge ${edge.id}: id used twice`);
    edgeIds.add(edge.id);
    for (const end of [edge.source, edge.target]) {
      if (!ids.has(end)) throw new Error(`edge ${edge.id}: no node with id ${end}`);
    }
  }
}
