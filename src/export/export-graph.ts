import type { NodeRecord } from '../records/node-record.js';
import { walkLineage, type Direction } from '../lineage/walk.js';
import { wholeGraph } from '../queries/overview.js';
import type { CypherRunner } from '../queries/runner.js';
import { toGraphML } from './graphml.js';
import { toNodeLink } from './node-link.js';
import type { Subgraph } from './subgraph.js';

export type ExportFormat = 'NODE_LINK_JSON' | 'GRAPHML';

export interface ExportRequest {
  format: ExportFormat;
  /** Root of a lineage subgraph; the whole graph when absent. */
  root?: NodeRecord;
  direction: Direction;
  maxDepth: number;
}

export interface ExportResult {
  format: ExportFormat;
  mediaType: string;
  content: string;
  nodeCount: number;
  edgeCount: number;
}

/** The one export path behind both the GraphQL `export` field and `GET /export`. */
export async function exportGraph(runner: CypherRunner, request: ExportRequest): Promise<ExportResult> {
  let subgraph: Subgraph;
  if (request.root) {
    const walk = await walkLineage(runner, request.root, request.direction, request.maxDepth);
    subgraph = {
      nodes: [...walk.reached.values()].map((r) => r.node),
      edges: [...walk.edges.values()],
      meta: { root: request.root.id, direction: request.direction, maxDepth: request.maxDepth },
    };
  } else {
    const all = await wholeGraph(runner);
    subgraph = { ...all, meta: { name: 'llm-lineage' } };
  }
  const graphml = request.format === 'GRAPHML';
  return {
    format: request.format,
    mediaType: graphml ? 'application/graphml+xml' : 'application/json',
    content: graphml ? toGraphML(subgraph) : toNodeLink(subgraph),
    nodeCount: subgraph.nodes.length,
    edgeCount: subgraph.edges.length,
  };
}
