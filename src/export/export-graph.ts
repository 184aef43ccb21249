import type { NodeRecord } from '../records/node-record.js';
import { walkLineage, type Direction } from '../lineage/walk.js';
import { wholeGraph } from '../queries/overview.js';
import type { CypherRunner } from '../queries/runner.js';
import { toGraphML } from './graphml.js';
import { toNodeLink } from './node-link.js';
import type { Orientation, Subgraph } from './subgraph.js';
import { toCsv, type ExportTable } from './tables.js';

export type ExportFormat = 'NODE_LINK_JSON' | 'GRAPHML' | 'CSV';

export interface ExportRequest {
  format: ExportFormat;
  /** Root of a lineage subgraph; the whole graph when absent. */
  root?: NodeRecord;
  direction: Direction;
  maxDepth: number;
  /** Which way edges point; `RELATION` (as the relation reads) unless asked. */
  orientation?: Orientation;
  /** For CSV: which table. */
  table?: ExportTable;
}

export interface ExportResult {
  format: ExportFormat;
  mediaType: string;
  content: string;
  nodeCount: number;
  edgeCount: number;
}

const MEDIA_TYPES: Record<ExportFormat, string> = {
  NODE_LINK_JSON: 'application/json',
  GRAPHML: 'application/graphml+xml',
  CSV: 'text/csv',
};

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
  const orientation = request.orientation ?? 'RELATION';
  const content =
    request.format === 'CSV'
      ? (await toCsv(runner, subgraph, request.table ?? 'MODELS', orientation)).content
      : request.format === 'GRAPHML'
        ? toGraphML(subgraph, orientation)
        : toNodeLink(subgraph, orientation);
  return {
    format: request.format,
    mediaType: MEDIA_TYPES[request.format],
    content,
    nodeCount: subgraph.nodes.length,
    edgeCount: subgraph.edges.length,
  };
}
