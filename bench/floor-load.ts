import type { Driver } from 'neo4j-driver';
import { EDGE_TYPES, type Graph } from '../ingest/graph/types.js';
import { edgeRow, nodeRow } from '../ingest/load/rows.js';

/**
 * The floor a load is compared with: the same graph, the same properties, written the plainest
 * fast way by hand — constraints first, UNWIND MERGE in 10,000-row batches, one statement per
 * static relationship type, each batch its own transaction. No versions, no diff, no ids kept:
 * what any load must at least spend. It gets the indexes the API reads the graph through (full
 * text search over names and aliases, name and kind), which any load of a served graph pays for;
 * not the store's own (versions, generations). Nodes are labelled `FloorNode`, apart from the store's.
 */
const BATCH = 10_000;

export async function floorLoad(driver: Driver, graph: Graph): Promise<{ nodes: number; relationships: number }> {
  const session = driver.session();
  try {
    await session.run('CREATE CONSTRAINT floor_id IF NOT EXISTS FOR (n:FloorNode) REQUIRE n.id IS UNIQUE');
    await session.run('CREATE INDEX floor_name IF NOT EXISTS FOR (n:FloorNode) ON (n.name)');
    await session.run('CREATE INDEX floor_label IF NOT EXISTS FOR (n:FloorNode) ON (n.label)');
    await session.run('CREATE FULLTEXT INDEX floor_search IF NOT EXISTS FOR (n:FloorNode) ON EACH [n.name, n.aliasText]');
    await session.run('CALL db.awaitIndexes(300)');
    const nodes = graph.nodes.map(nodeRow);
    for (let i = 0; i < nodes.length; i += BATCH) {
      const rows = nodes.slice(i, i + BATCH).map((n) => ({ id: n.id, label: n.label, props: n.props }));
      await session.executeWrite((tx) => tx.run('UNWIND $rows AS row MERGE (n:FloorNode {id: row.id}) SET n = row.props, n:$(row.label)', { rows }));
    }
    for (const type of EDGE_TYPES) {
      const edges = graph.edges.filter((e) => e.type === type).map(edgeRow);
      for (let i = 0; i < edges.length; i += BATCH) {
        const rows = edges.slice(i, i + BATCH).map((e) => ({ source: e.source, target: e.target, props: e.props }));
        await session.executeWrite((tx) =>
          tx.run(
            `UNWIND $rows AS row
MATCH (s:FloorNode {id: row.source})
MATCH (t:FloorNode {id: row.target})
MERGE (s)-[r:${type}]->(t)
SET r = row.props`,
            { rows },
          ),
        );
      }
    }
    const counted = await session.run('MATCH (n:FloorNode) WITH count(n) AS nodes MATCH (:FloorNode)-[r]->(:FloorNode) RETURN nodes, count(r) AS relationships');
    return { nodes: Number(counted.records[0].get('nodes')), relationships: Number(counted.records[0].get('relationships')) };
  } finally {
    await session.close();
  }
}
