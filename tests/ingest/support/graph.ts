import { nameKey } from '../../../ingest/graph/name-key.js';
import type { EdgeType, Graph, GraphNode } from '../../../ingest/graph/types.js';

/** Look-ups on a built graph the way the gold set states facts: a name at a file and line. */
export function graphQueries(graph: Graph) {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const at = (name: string, where: string): GraphNode[] => {
    const [file, line] = where.split(':');
    return graph.nodes.filter(
      (n) => [n.name, ...n.aliases].some((s) => nameKey(s) === nameKey(name)) && n.provenance.some((p) => p.source === file && p.line === Number(line)),
    );
  };
  return {
    at,
    /** The one node named `name` that the list mentions at `file:line`. */
    one(name: string, where: string): GraphNode {
      const found = at(name, where);
      if (found.length !== 1) throw new Error(`expected one node "${name}" at ${where}, found ${found.map((n) => n.id).join(', ') || 'none'}`);
      return found[0];
    },
    targets(node: GraphNode, type: EdgeType): GraphNode[] {
      return graph.edges.filter((e) => e.type === type && e.source === node.id).map((e) => byId.get(e.target)!);
    },
    sources(node: GraphNode, type: EdgeType): GraphNode[] {
      return graph.edges.filter((e) => e.type === type && e.target === node.id).map((e) => byId.get(e.source)!);
    },
    edge(type: EdgeType, source: GraphNode, target: GraphNode) {
      return graph.edges.find((e) => e.id === `${type}:${source.id}->${target.id}`);
    },
    node(id: string): GraphNode | undefined {
      return byId.get(id);
    },
  };
}
