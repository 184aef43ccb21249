import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { claimDataDir, inspectDataDir, isAlive, stateFile } from '../../src/neo4j/state.js';
import type { EmbeddedState } from '../../src/neo4j/state.js';

/** The pid of a process that has already exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  const pid = Number(r.stdout);
  expect(isAlive(pid)).toBe(false);
  return pid;
}

describe('the data folder state file', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'llm-lineage-state-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  const write = (s: Partial<EmbeddedState>) =>
    writeFileSync(stateFile(dataDir), JSON.stringify({ dataDir, startedAt: new Date().toISOString(), ...s }));

  it('treats a file left by a crashed process as stale and removes it', async () => {
    const pid = deadPid();
    write({ status: 'ready', ownerPid: pid, pid, uri: 'bolt://127.0.0.1:1' });
    expect(await inspectDataDir(dataDir)).toEqual({ kind: 'none' });
    expect(existsSync(stateFile(dataDir))).toBe(false);
    // ...so the folder can be claimed again.
    expect(await claimDataDir(dataDir)).toBeNull();
    expect(existsSync(stateFile(dataDir))).toBe(true);
  });

  it('reports a live process that is still starting, and will not let a second one claim the folder', async () => {
    write({ status: 'starting', ownerPid: process.pid });
    expect((await inspectDataDir(dataDir)).kind).toBe('starting');
    expect((await claimDataDir(dataDir))?.kind).toBe('starting');
  });

  // The state file only ever names our embedded (auth-free) Neo4j; an external test database may need a password.
  it.skipIf(Boolean(process.env.NEO4J_TEST_URI))('reports a running Neo4j as ready when its Bolt port answers', async () => {
    const { uri } = inject('neo4j');
    write({ status: 'ready', ownerPid: process.pid, pid: process.pid, uri });
    expect(await inspectDataDir(dataDir)).toMatchObject({ kind: 'ready', state: { uri } });
  });
});
