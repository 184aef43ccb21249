import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { checkDataDir, folderProblemIn } from '../../src/neo4j/data-dir.js';
import { startEmbedded } from '../../src/neo4j/embedded.js';
import { embeddedPortFromEnv, provideNeo4j } from '../../src/neo4j/provide.js';
import { stateFile } from '../../src/neo4j/state.js';

describe('data folder problems', () => {
  it('reads a full disk and a read-only folder out of the launcher output, in one line naming the folder', () => {
    const full = folderProblemIn('ERROR Could not append transaction: No space left on device', '/data/x');
    expect(full).toEqual({ reason: 'disk-full', message: 'The disk holding the Neo4j data folder /data/x is full; free some space and start again.' });
    const readOnly = folderProblemIn('java.nio.file.FileSystemException: /data/x/neo4j: Read-only file system', '/data/x');
    expect(readOnly?.reason).toBe('read-only');
    expect(readOnly?.message).toMatch(/^The Neo4j data folder \/data\/x is read-only \(EROFS\)/);
    expect(readOnly?.message).not.toContain('\n');
    expect(folderProblemIn('FAILED BindException: Address already in use', '/data/x')).toBeUndefined();
  });

  it('finds nothing wrong with a writable folder with space, and creates it', async () => {
    const scratch = await mkdtemp(join(tmpdir(), 'llm-lineage-datadir-'));
    try {
      expect(await checkDataDir(join(scratch, 'a', 'b'))).toBeUndefined();
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});

/** Mounts a small tmpfs (needs root, as in CI); false when this machine does not allow it. */
function mountTmpfs(dir: string, options: string): boolean {
  mkdirSync(dir, { recursive: true });
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

describe('starting on a real read-only or full file system', () => {
  let scratch: string;
  const mounts: string[] = [];
  beforeEach(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'llm-lineage-fs-'));
  });
  afterEach(async () => {
    for (const m of mounts.splice(0)) spawnSync('umount', [m], { stdio: 'ignore' });
    await rm(scratch, { recursive: true, force: true });
  });

  for (const [kind, options, message] of [
    ['read-only', 'ro,size=16m', /^The Neo4j data folder \S+ is read-only \(EROFS\); make it writable, or use another Neo4j with NEO4J_URI\.$/],
    ['full', 'size=1m', /^The disk holding the Neo4j data folder \S+ is full \(\d+ MB free\); free some space and start again\.$/],
  ] as const) {
    it(`refuses a ${kind} data folder in one line naming it`, async (context) => {
      const mount = join(scratch, 'mnt');
      if (!mountTmpfs(mount, options)) return context.skip('mounting a tmpfs needs root');
      mounts.push(mount);
      const dataDir = join(mount, 'data');
      const error = await startEmbedded({ dataDir, log: () => {} }).catch((e) => e);
      expect(error.name).toBe('EmbeddedStartError');
      expect(error.message).toMatch(message);
      expect(error.message).toContain(dataDir);
    });
  }
});

describe('NEO4J_EMBEDDED_PORT', () => {
  it('is a port, 0 or unset for any free one, and anything else is refused by name', () => {
    expect(embeddedPortFromEnv({})).toBeUndefined();
    expect(embeddedPortFromEnv({ NEO4J_EMBEDDED_PORT: '0' })).toBeUndefined();
    expect(embeddedPortFromEnv({ NEO4J_EMBEDDED_PORT: '7688' })).toBe(7688);
    expect(() => embeddedPortFromEnv({ NEO4J_EMBEDDED_PORT: 'bolt' })).toThrow(/NEO4J_EMBEDDED_PORT must be a port number/);
  });
});

describe('a second server on the same data folder', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'llm-lineage-share-'));
    vi.stubEnv('NEO4J_URI', '');
  });
  afterEach(async () => {
    vi.unstubAllEnvs();
    await rm(dataDir, { recursive: true, force: true });
  });

  // A live "server" owning a Neo4j that answers: this process and the test database.
  const claim = (purpose: string) =>
    writeFileSync(
      stateFile(dataDir),
      JSON.stringify({ status: 'ready', ownerPid: process.pid, pid: process.pid, uri: inject('neo4j').uri, dataDir, startedAt: '', purpose }),
    );

  it('refuses, saying whose it is and how to share it knowingly', async () => {
    if (inject('neo4j').password) return; // the embedded test database has authentication off; an external one may not
    claim('server');
    await expect(provideNeo4j({ dataDir, purpose: 'server', log: () => {} })).rejects.toThrow(
      new RegExp(`belongs to another llm-lineage server \\(pid ${process.pid}, .*NEO4J_URI=${inject('neo4j').uri}`),
    );
  });

  it('reuses a standalone `npm run neo4j`, and tools reuse a server\'s', async () => {
    if (inject('neo4j').password) return;
    claim('standalone');
    expect((await provideNeo4j({ dataDir, purpose: 'server', log: () => {} })).settings.uri).toBe(inject('neo4j').uri);
    claim('server');
    expect((await provideNeo4j({ dataDir, purpose: 'tool', log: () => {} })).settings.uri).toBe(inject('neo4j').uri);
  });
});
