import { connect, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { createApp } from '../../src/http/app.js';
import { createDriver } from '../../src/neo4j/driver.js';
import { DatabaseTimeoutError, DatabaseUnavailableError } from '../../src/neo4j/failures.js';
import { DatabaseHealth } from '../../src/neo4j/health.js';
import { CypherRunner } from '../../src/queries/runner.js';

const SLOW = { name: 'slow', cypher: 'UNWIND range(1, 1000000000) AS x WITH x WHERE x % 7 = 99 RETURN count(x) AS n' };
const ONE = { name: 'one', cypher: 'RETURN 1 AS one' };

/** A port that accepts TCP connections and never says a word: a frozen database, as a client sees it. */
let silent: Server;
let silentUri: string;
const sockets = new Set<import('node:net').Socket>();
beforeAll(async () => {
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentUri = `bolt://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((r) => silent.close(() => r()));
});

describe('CypherRunner failures', () => {
  it('runs a read again when its connection breaks under it (a restart, a proxy that drops idle connections)', async () => {
    const target = new URL(inject('neo4j').uri);
    // Forwards to the test Neo4j; once `breaking` is set, a connection opened before it is cut
    // as soon as the client sends on it, so the pooled connection fails mid-read.
    const before = new Set<Socket>();
    let breaking = false;
    const proxy = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      const old = breaking ? null : client;
      if (old) before.add(old);
      client.on('data', (chunk) => {
        if (breaking && before.has(client)) {
          client.destroy();
          upstream.destroy();
        } else upstream.write(chunk);
      });
      upstream.pipe(client);
      client.on('error', () => {});
      upstream.on('error', () => {});
      client.on('close', () => upstream.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const driver = createDriver({ ...inject('neo4j'), uri: `bolt://127.0.0.1:${(proxy.address() as AddressInfo).port}` }, { maxConnectionPoolSize: 1 });
    try {
      const runner = new CypherRunner(driver, { database: inject('neo4j').database, timeoutMs: 10_000 });
      expect(await runner.read(ONE)).toEqual([{ one: 1 }]);
      breaking = true;
      expect(await runner.read(ONE)).toEqual([{ one: 1 }]);
      expect(before.size).toBe(1);
      expect([...before][0].destroyed).toBe(true); // the first read's connection was the one cut
    } finally {
      await driver.close();
      await new Promise<void>((r) => proxy.close(() => r()));
    }
  });

  it('a query over its timeout is stopped by Neo4j and reported as TIMEOUT, in plain words', async () => {
    const driver = createDriver(inject('neo4j'));
    try {
      const runner = new CypherRunner(driver, { database: inject('neo4j').database, timeoutMs: 200 });
      const error = await runner.read(SLOW).catch((e) => e);
      expect(error).toBeInstanceOf(DatabaseTimeoutError);
      expect(error.extensions.code).toBe('TIMEOUT');
      expect(error.message).toBe('The query ran past its timeout of 200 ms and was stopped; ask for less (a smaller maxDepth or first, fewer expensive fields).');
    } finally {
      await driver.close();
    }
  });

  it('a database that never answers is SERVICE_UNAVAILABLE within seconds, not after the driver defaults', async () => {
    const driver = createDriver({ uri: silentUri, user: 'neo4j', password: '' });
    try {
      const runner = new CypherRunner(driver, { timeoutMs: 1_000 });
      const started = performance.now();
      const error = await runner.read(ONE).catch((e) => e);
      expect(error).toBeInstanceOf(Error);
      expect(error.extensions.code).toMatch(/SERVICE_UNAVAILABLE|TIMEOUT/);
      expect(performance.now() - started).toBeLessThan(15_000);
    } finally {
      await driver.close();
    }
  });

  it('reads fail at once while the health probe says the database is lost', async () => {
    const driver = createDriver({ uri: silentUri, user: 'neo4j', password: '' });
    const lines: string[] = [];
    const health = new DatabaseHealth(driver, { probeTimeoutMs: 300, log: (m) => lines.push(m) });
    try {
      expect((await health.check()).ok).toBe(false);
      expect(health.available).toBe(false);
      expect(lines).toEqual([expect.stringMatching(/^Neo4j lost: .*; answering SERVICE_UNAVAILABLE/)]);
      const runner = new CypherRunner(driver, { timeoutMs: 10_000, health });
      const started = performance.now();
      await expect(runner.read(ONE)).rejects.toBeInstanceOf(DatabaseUnavailableError);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      health.stop();
      await driver.close();
    }
  });
});

describe('/ready', () => {
  it('is 503 within its timeout when the database does not answer, and 200 from a real read when it does', async () => {
    const config = serverConfigFromEnv({ PORT: '0', READY_TIMEOUT_MS: '500' });
    for (const [settings, status] of [
      [{ uri: silentUri, user: 'neo4j', password: '' }, 503],
      [inject('neo4j'), 200],
    ] as const) {
      const driver = createDriver(settings);
      const app = await createApp({ driver, config, database: settings.database });
      app.httpServer.listen(0, '127.0.0.1');
      await new Promise((r) => app.httpServer.once('listening', r));
      try {
        const started = performance.now();
        const response = await fetch(`http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/ready`);
        expect(response.status).toBe(status);
        expect(performance.now() - started).toBeLessThan(5_000);
        if (status === 503) expect(response.headers.get('retry-after')).toBe('5');
      } finally {
        await app.stop();
        await driver.close();
      }
    }
  });
});
