import { edgeAttributes, ends, nodeAttributes, type Orientation, type Subgraph } from './subgraph.js';

/**
 * networkx's node-link format (`networkx.node_link_graph(data, edges="links")`), which D3's
 * force layouts read as is. A multigraph: two models can be related in more than one way.
 */
export function toNodeLink(graph: Subgraph, orientation: Orientation): string {
  return JSON.stringify({
    directed: true,
    multigraph: true,
    graph: { ...graph.meta, orientation },
    nodes: graph.nodes.map((n) => ({ id: n.id, ...nodeAttributes(n) })),
    links: graph.edges.map((e) => ({ ...ends(e, orientation), key: e.type, id: e.id, ...edgeAttributes(e) })),
  });
}
