import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDriver, waitForNeo4j } from '../../src/neo4j/driver.js';

describe('createDriver', () => {
  const driver = createDriver(inject('neo4j'), { maxConnectionPoolSize: 2 });
  afterAll(() => driver.close());

  it('runs Cypher against the test Neo4j and returns integers as JS numbers', async () => {
    await waitForNeo4j(driver, 10_000);
    const { records } = await driver.executeQuery('RETURN 1 AS one, 9007199254740991 AS big', {}, { database: inject('neo4j').database });
    expect(records[0].get('one')).toBe(1);
    expect(records[0].get('big')).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('waitForNeo4j', () => {
  it('gives up after the timeout with an error that names the URI but not the password', async () => {
    // A port that accepts nothing: bind it, note it, close it.
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((r) => server.close(() => r()));

    const driver = createDriver({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'top-secret-pw' });
    const started = Date.now();
    try {
      const err = await waitForNeo4j(driver, 1500).then(
        () => null,
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(err!.message).toContain(`bolt://127.0.0.1:${port}`);
      expect(err!.message).toMatch(/did not answer within \d+s/);
      expect(err!.message).not.toContain('top-secret-pw');
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await driver.close();
    }
  });
});
