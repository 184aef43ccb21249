import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { Graph } from '../graph/types.js';
import {
  COUNT_GRAPH,
  DELETE_STALE_EDGES,
  DELETE_STALE_NODES,
  SCHEMA_STATEMENTS,
  mergeEdges,
  mergeNodes,
} from './cypher.js';
import { edgeRow, nodeRow } from './rows.js';
import { checkGraph } from './check.js';

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

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
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
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(60)');

    await session.executeWrite(async (tx: ManagedTransaction) => {
      for (const [label, nodes] of groupBy(graph.nodes, (n) => n.label)) {
        for (const batch of chunks(nodes, batchSize)) await tx.run(mergeNodes(label), { rows: batch.map(nodeRow) });
        log(`merged ${nodes.length} ${label} nodes`);
      }
      for (const [type, edges] of groupBy(graph.edges, (e) => e.type)) {
        for (const batch of chunks(edges, batchSize)) await tx.run(mergeEdges(type), { rows: batch.map(edgeRow) });
        log(`merged ${edges.length} ${type} edges`);
      }
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
