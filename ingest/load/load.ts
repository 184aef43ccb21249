import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../graph/types.js';
import {
  COUNT_GRAPH,
  DELETE_STALE_EDGES,
  DELETE_STALE_NODES,
  MERGE_EDGES,
  MERGE_NODES,
  SCHEMA_STATEMENTS,
} from './cypher.js';
import { edgeRow, nodeRow } from './rows.js';
import { checkGraph } from './check.js';
import { SERVER_VERSION, checkServerVersion } from './server-version.js';

export interface LoadOptions {
  log?: (message: string) => void;
  database?: string;
  /** Rows per UNWIND statement. */
  batchSize?: number;
}

export interface LoadResult {
  nodes: number;
  relationships: number;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Makes the database hold exactly `graph`: constraints and indexes first (schema changes cannot
 * share a transaction with writes), then every MERGE and the removal of what is no longer
 * there in one transaction, so a failure part-way leaves the graph as it was and a second run
 * of the same graph changes nothing.
 */
export async function loadGraph(driver: Driver, graph: Graph, opts: LoadOptions = {}): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  const batchSize = opts.batchSize ?? 500;
  checkGraph(graph);

  const session = driver.session({ database: opts.database });
  try {
    const version = await session.run(SERVER_VERSION);
    checkServerVersion(String(version.records[0]?.get('version') ?? ''));
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(60)');

    await session.executeWrite(async (tx: ManagedTransaction) => {
      for (const batch of chunks(graph.nodes, batchSize)) await tx.run(MERGE_NODES, { rows: batch.map(nodeRow) });
      log(`merged ${graph.nodes.length} nodes`);
      for (const batch of chunks(graph.edges, batchSize)) await tx.run(MERGE_EDGES, { rows: batch.map(edgeRow) });
      log(`merged ${graph.edges.length} edges`);
      await tx.run(DELETE_STALE_EDGES, { edgeIds: graph.edges.map((e) => e.id) });
      await tx.run(DELETE_STALE_NODES, { nodeIds: graph.nodes.map((n) => n.id) });
    });

    const counted = await session.run(COUNT_GRAPH);
    const record = counted.records[0];
    return { nodes: Number(record.get('nodes')), relationships: Number(record.get('relationships')) };
  } finally {
    await session.close();
  }
}
