/**
 * Writes a big graph for the query benchmark fast: the database emptied in batches, the load
 * step's own schema (SCHEMA_STATEMENTS) and rows (nodeRow, edgeRow), then batches of 10,000 in
 * their own transactions, one statement per label and relationship type. Not the load step
 * (one transaction, dynamic types: too slow for 500k relationships before issue 9), and the
 * benchmark measures queries, not loading; the properties written are the same, as one
 * generation of the store (gFrom 1, open, current), so that readers see all of it.
 */

/** Every fact as the store's first generation states it (ingest/load/cypher.ts). */
const VERSION = { gFrom: 1, gTo: OPEN, seenFrom: '2024-01-01T00:00:00.000Z' };
import type { Driver } from 'neo4j-driver';
import { COUNT_MODELS, OPEN, SCHEMA_STATEMENTS, STORE_KEY, SWITCH_NOTICE_MS } from '../ingest/load/cypher.js';
import { edgeRow, nodeRow } from '../ingest/load/rows.js';
import { EDGE_TYPES, NODE_LABELS, type Graph } from '../ingest/graph/types.js';

const BATCH = 10_000;

function groupBy<T>(items: T[], key: (item: T) => string, known: readonly string[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    // Labels and types are written into the statement: only those of graph/types.ts.
    if (!known.includes(k)) throw new Error(`unknown label or type ${JSON.stringify(k)}`);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export async function writeGraph(driver: Driver, graph: Graph, database: string | undefined, log: (m: string) => void): Promise<void> {
  const session = driver.session({ database });
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS');
    for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
    await session.run('CALL db.awaitIndexes(300)');
    const byLabel = groupBy(graph.nodes.map((n) => { const row = nodeRow(n); return { ...row, props: { ...row.props, ...VERSION } }; }), (row) => row.label, NODE_LABELS);
    for (const [label, rows] of byLabel) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await session.executeWrite((tx) => tx.run(`UNWIND $rows AS row CREATE (n:Entity:${label}) SET n = row.props`, { rows: rows.slice(i, i + BATCH) }));
      }
    }
    log(`wrote ${graph.nodes.length} nodes`);
    const byType = groupBy(graph.edges.map((e) => { const row = edgeRow(e); return { ...row, props: { ...row.props, ...VERSION } }; }), (row) => row.type, EDGE_TYPES);
    for (const [type, rows] of byType) {
      for (let i = 0; i < rows.length; i += BATCH) {
        await session.executeWrite((tx) =>
          tx.run(
            `UNWIND $rows AS row MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) CREATE (s)-[r:${type}]->(t) SET r = row.props`,
            { rows: rows.slice(i, i + BATCH) },
          ),
        );
      }
    }
    log(`wrote ${graph.edges.length} relationships`);
    const models = (await session.run(COUNT_MODELS, { g: 1 })).records[0].get('models');
    await session.run('MERGE (m:LineageStore {key: $key}) SET m.current = 1, m.epoch = randomUUID() MERGE (g:Generation {number: 1}) SET g.date = $date, g.models = $models', {
      key: STORE_KEY,
      date: VERSION.seenFrom,
      models,
    });
    await session.run('CALL db.awaitIndexes(300)');
    // Not a switch a load announces: readers may keep the state they read before for the notice.
    await new Promise((resolve) => setTimeout(resolve, SWITCH_NOTICE_MS));
  } finally {
    await session.close();
  }
}
