import { Router } from 'express';
import { exportGraph, type ExportFormat } from '../export/export-graph.js';
import type { Orientation } from '../export/subgraph.js';
import type { ExportTable } from '../export/tables.js';
import type { Direction } from '../lineage/walk.js';
import { findByName } from '../graphql/resolvers/lookup.js';
import { createContext } from '../graphql/context.js';
import { DatabaseTimeoutError, DatabaseUnavailableError } from '../neo4j/failures.js';
import type { AppDeps } from './app.js';

const FORMATS: Record<string, ExportFormat> = {
  json: 'NODE_LINK_JSON',
  'node-link': 'NODE_LINK_JSON',
  graphml: 'GRAPHML',
  csv: 'CSV',
};
const EXTENSIONS: Record<ExportFormat, string> = { NODE_LINK_JSON: 'json', GRAPHML: 'graphml', CSV: 'csv' };
const DIRECTIONS = new Set(['ANCESTORS', 'DESCENDANTS', 'BOTH']);
const TABLES = new Set<ExportTable>(['MODELS', 'RELATIONS']);
const ORIENTATIONS = new Set<Orientation>(['RELATION', 'LINEAGE']);

/**
 * `GET /export?format=node-link|graphml|csv[&table=models|relations][&orientation=relation|lineage]
 * [&name=Vicuna&direction=BOTH&maxDepth=2]`: the same export as the GraphQL field, as a plain
 * download for tools that do not speak GraphQL. Values are spelt as in GraphQL, in any case.
 */
export function exportRoute(deps: AppDeps): Router {
  const router = Router();
  router.get('/export', async (req, res) => {
    const fail = (message: string) => res.status(400).json({ error: message });
    const q = req.query as Record<string, string | undefined>;
    const format = FORMATS[(q.format ?? 'node-link').toLowerCase()];
    if (!format) return fail(`format must be one of ${Object.keys(FORMATS).join(', ')} (got ${JSON.stringify(q.format)})`);
    const direction = (q.direction ?? 'BOTH').toUpperCase();
    if (!DIRECTIONS.has(direction)) return fail(`direction must be ANCESTORS, DESCENDANTS or BOTH (got ${JSON.stringify(q.direction)})`);
    const table = (q.table ?? 'MODELS').toUpperCase() as ExportTable;
    if (!TABLES.has(table)) return fail(`table must be models or relations (got ${JSON.stringify(q.table)})`);
    const orientation = (q.orientation ?? 'RELATION').toUpperCase() as Orientation;
    if (!ORIENTATIONS.has(orientation)) return fail(`orientation must be relation or lineage (got ${JSON.stringify(q.orientation)})`);
    const maxDepth = Number(q.maxDepth ?? 3);
    const cap = deps.config.limits.maxLineageDepth;
    if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > cap) {
      return fail(`maxDepth must be between 1 and ${cap} (got ${JSON.stringify(q.maxDepth)})`);
    }
    try {
      const ctx = createContext(deps.driver, deps.config.limits, deps.database, deps.health, deps.current);
      const root = q.name ? await findByName(ctx, q.name, null) : undefined;
      if (q.name && !root) return res.status(404).json({ error: `No model named ${JSON.stringify(q.name)}` });
      const result = await exportGraph(ctx.runner, {
        format, root: root ?? undefined, direction: direction as Direction, maxDepth, orientation, table,
      });
      const base = format === 'CSV' ? `llm-lineage-${table.toLowerCase()}` : 'llm-lineage';
      res.type(format === 'CSV' ? 'text/csv; charset=utf-8' : result.mediaType);
      res.setHeader('Content-Disposition', `inline; filename="${base}.${EXTENSIONS[format]}"`);
      return res.send(result.content);
    } catch (error) {
      if (error instanceof DatabaseUnavailableError || error instanceof DatabaseTimeoutError) {
        const { status, headers } = error.extensions.http as { status: number; headers?: Map<string, string> };
        for (const [name, value] of headers ?? []) res.setHeader(name, value);
        return res.status(status).json({ error: error.message, code: error.extensions.code });
      }
      console.error('[llm-lineage] export failed:', (error as Error).message);
      return res.status(500).json({ error: 'export failed' });
    }
  });
  return router;
}
