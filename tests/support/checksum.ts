import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/**
 * A digest of everything in the database: every node's labels and properties and every
 * relationship's ends, type and properties, in a stable order. Equal digests mean nothing was
 * written.
 */
export async function databaseChecksum(driver: Driver, database = inject('neo4j').database): Promise<{ digest: string; nodes: number; relationships: number }> {
  const session = driver.session({ database });
  try {
    const nodes = await session.run('MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS props ORDER BY id');
    const rels = await session.run(
      'MATCH (a)-[r]->(b) RETURN elementId(r) AS id, elementId(a) AS a, type(r) AS type, elementId(b) AS b, properties(r) AS props ORDER BY id',
    );
    const hash = createHash('sha256');
    for (const r of nodes.records) hash.update(stable([r.get('id'), [...r.get('labels')].sort(), r.get('props')]) + '\n');
    for (const r of rels.records) hash.update(stable([r.get('id'), r.get('a'), r.get('type'), r.get('b'), r.get('props')]) + '\n');
    return { digest: hash.digest('hex'), nodes: nodes.records.length, relationships: rels.records.length };
  } finally {
    await session.close();
  }
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
