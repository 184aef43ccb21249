import { inject } from 'vitest';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../../src/neo4j/driver.js';
import { CypherRunner } from '../../src/queries/runner.js';

/** A driver for the real Neo4j that the vitest global setup started (or NEO4J_TEST_URI). */
export function testDriver(): Driver {
  return createDriver(inject('neo4j'));
}

export function testRunner(driver: Driver): CypherRunner {
  return new CypherRunner(driver, { database: inject('neo4j').database, timeoutMs: 20_000 });
}

export async function count(driver: Driver): Promise<{ nodes: number; relationships: number }> {
  const session = driver.session({ database: inject('neo4j').database });
  try {
    const result = await session.run(
      'MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS relationships',
    );
    return { nodes: Number(result.records[0].get('nodes')), relationships: Number(result.records[0].get('relationships')) };
  } finally {
    await session.close();
  }
}
