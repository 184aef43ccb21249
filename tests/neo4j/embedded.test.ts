import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDriver, waitForNeo4j } from '../../src/neo4j/driver.js';
import { EmbeddedStartError, startEmbedded } from '../../src/neo4j/embedded.js';
import { provideNeo4j } from '../../src/neo4j/provide.js';
import type { ProvidedNeo4j } from '../../src/neo4j/provide.js';
import { isAlive, stateFile } from '../../src/neo4j/state.js';
import type { EmbeddedState } from '../../src/neo4j/state.js';

// A second embedded Neo4j next to the one from the global setup, on its own data folder.
describe('embedded Neo4j on one data folder', () => {
  let scratch: string;
  let dataDir: string;
  let first: ProvidedNeo4j;
  const lines: string[] = [];
  const log = (m: string) => lines.push(m);

  beforeAll(async () => {
    vi.stubEnv('NEO4J_URI', ''); // blank counts as unset
    scratch = await mkdtemp(join(tmpdir(), 'llm-lineage-embedded-'));
    dataDir = join(scratch, 'data');
    first = await provideNeo4j({ dataDir, log });
  }, 240_000);

  afterAll(async () => {
    await first?.stop();
    vi.unstubAllEnvs();
    await rm(scratch, { recursive: true, force: true });
  });

  async function answer(uri: string): Promise<number> {
    const driver = createDriver({ uri, user: 'neo4j', password: '' });
    try {
      const { records } = await driver.executeQuery('RETURN 42 AS answer');
      return records[0].get('answer') as number;
    } finally {
      await driver.close();
    }
  }

  it('starts when nothing runs, on loopback, and records itself in the state file', async () => {
    expect(first.embedded).toBe(true);
    expect(first.settings.uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    expect(await answer(first.settings.uri)).toBe(42);
    const state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as EmbeddedState;
    expect(state).toMatchObject({ status: 'ready', uri: first.settings.uri, ownerPid: process.pid, dataDir });
    expect(isAlive(state.pid)).toBe(true);
    expect(lines.some((l) => /embedded Neo4j ready at bolt:\/\/127\.0\.0\.1:\d+ after \d+ ms/.test(l))).toBe(true);
  });

  it('refuses a second startEmbedded on the same folder, naming the running one', async () => {
    const err = await startEmbedded({ dataDir, log }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EmbeddedStartError);
    const e = err as EmbeddedStartError;
    expect(e.reason).toBe('in-use');
    expect(e.message).toContain(dataDir);
    expect(e.message).toContain(`NEO4J_URI=${first.settings.uri}`);
  });

  it('lets a second provideNeo4j reuse it, and that one stopping leaves it running', async () => {
    const second = await provideNeo4j({ dataDir, log });
    expect(second.embedded).toBe(true);
    expect(second.settings.uri).toBe(first.settings.uri);
    await second.stop();
    expect(await answer(first.settings.uri)).toBe(42);
    expect(existsSync(stateFile(dataDir))).toBe(true);
  });

  it("forwards Neo4j's store-lock failure when the state file is gone", async () => {
    const saved = readFileSync(stateFile(dataDir), 'utf8');
    await unlink(stateFile(dataDir)); // as if it had been deleted by hand
    try {
      const err = await startEmbedded({ dataDir, log }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EmbeddedStartError);
      const e = err as EmbeddedStartError;
      expect(e.reason).toBe('locked');
      expect(e.message).toContain(dataDir);
      expect(e.message).toMatch(/locked by another process/);
      expect(e.output).toMatch(/FAILED .*store_lock/);
      // The failed attempt cleans up after itself; the running database is unharmed.
      expect(existsSync(stateFile(dataDir))).toBe(false);
      expect(await answer(first.settings.uri)).toBe(42);
    } finally {
      writeFileSync(stateFile(dataDir), saved);
    }
  }, 240_000);

  it('stop() shuts the JVM down and removes the state file', async () => {
    const state = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as EmbeddedState;
    const started = Date.now();
    await first.stop();
    const stopMs = Date.now() - started;
    expect(isAlive(state.pid)).toBe(false);
    expect(existsSync(stateFile(dataDir))).toBe(false);
    const driver = createDriver({ uri: state.uri!, user: 'neo4j', password: '' });
    try {
      await expect(waitForNeo4j(driver, 500)).rejects.toThrow(state.uri!);
    } finally {
      await driver.close();
    }
    expect(stopMs).toBeLessThan(15_000);
    await first.stop(); // idempotent
  });
});

describe('startEmbedded on a port that is taken', () => {
  it('fails with reason "port-in-use" and says which port', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const { port } = blocker.address() as AddressInfo;
    const scratch = await mkdtemp(join(tmpdir(), 'llm-lineage-port-'));
    const dataDir = join(scratch, 'data');
    try {
      const err = await startEmbedded({ dataDir, port, log: () => {} }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(EmbeddedStartError);
      const e = err as EmbeddedStartError;
      expect(e.reason).toBe('port-in-use');
      expect(e.message).toContain(`Port ${port}`);
      expect(e.output).toMatch(/Address already in use/);
      expect(existsSync(stateFile(dataDir))).toBe(false);
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
      await rm(scratch, { recursive: true, force: true });
    }
  }, 240_000);
});
