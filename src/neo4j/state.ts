/**
 * The state file `<dataDir>/bolt.json` says which process runs the embedded Neo4j for a data
 * folder, so that a second program (say `npm run ingest` while `npm start` runs) reuses it
 * instead of failing on Neo4j's store lock. It is created exclusively (it doubles as a claim on
 * the folder while the launcher starts), rewritten with the Bolt URI once ready, and removed on
 * stop or exit. A file left by a crashed process is recognised as stale and removed.
 */
import { readFileSync, unlinkSync } from 'node:fs';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDriver, waitForNeo4j } from './driver.js';

export interface EmbeddedState {
  status: 'starting' | 'ready';
  /** The Node process that started (and will stop) the launcher. */
  ownerPid: number;
  /** The launcher's JVM, once spawned. */
  pid?: number;
  /** Bolt URI, once ready. */
  uri?: string;
  dataDir: string;
  startedAt: string;
  /** Who started it: a server (`npm start`) does not share its database with a second server. */
  purpose?: 'server' | 'standalone' | 'tool';
}

export type Inspection =
  | { kind: 'none' }
  | { kind: 'starting'; state: EmbeddedState }
  | { kind: 'ready'; state: EmbeddedState & { uri: string } };

/** A launcher still starting after this long is considered dead. */
const STARTING_LIMIT_MS = 5 * 60_000;

export function stateFile(dataDir: string): string {
  return join(dataDir, 'bolt.json');
}

export function isAlive(pid: number | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Claims the data folder for a new launcher. Returns null when claimed, else what is already
 * there (a launcher starting or ready). Stale claims are cleared first.
 */
export async function claimDataDir(
  dataDir: string,
  purpose?: EmbeddedState['purpose'],
): Promise<Exclude<Inspection, { kind: 'none' }> | null> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const state: EmbeddedState = { status: 'starting', ownerPid: process.pid, dataDir, startedAt: new Date().toISOString(), purpose };
    try {
      await writeFile(stateFile(dataDir), JSON.stringify(state, null, 2) + '\n', { flag: 'wx' });
      return null;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const found = await inspectDataDir(dataDir);
    if (found.kind !== 'none') return found;
  }
  throw new Error(`Could not claim ${stateFile(dataDir)}: it keeps reappearing`);
}

/** Rewrites our own state file (atomically, so readers never see half a file). */
export async function updateState(dataDir: string, state: EmbeddedState): Promise<void> {
  const tmp = `${stateFile(dataDir)}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n');
  await rename(tmp, stateFile(dataDir));
}

/** Removes the state file if this process owns it. Synchronous so it can run in an 'exit' handler. */
export function releaseDataDirSync(dataDir: string): void {
  try {
    const s = JSON.parse(readFileSync(stateFile(dataDir), 'utf8')) as EmbeddedState;
    if (s.ownerPid === process.pid) unlinkSync(stateFile(dataDir));
  } catch {
    // missing or unreadable: nothing of ours to remove
  }
}

/**
 * What runs for this data folder, removing a stale state file on the way (a process that
 * crashed or was killed leaves one behind; `onStale` hears why it was stale).
 */
export async function inspectDataDir(dataDir: string, onStale?: (why: string) => void): Promise<Inspection> {
  const file = stateFile(dataDir);
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch {
    return { kind: 'none' };
  }
  const ageMs = Date.now() - ((await stat(file).catch(() => null))?.mtimeMs ?? 0);
  let state: EmbeddedState;
  try {
    state = JSON.parse(raw) as EmbeddedState;
    if (typeof state.ownerPid !== 'number') throw new Error('no ownerPid');
  } catch {
    // Freshly created and not yet written, or garbage.
    if (ageMs < 10_000) {
      return { kind: 'starting', state: { status: 'starting', ownerPid: 0, dataDir, startedAt: '' } };
    }
    await removeIfUnchanged(file, raw);
    return { kind: 'none' };
  }

  if (state.status === 'starting') {
    if ((isAlive(state.ownerPid) || isAlive(state.pid)) && ageMs < STARTING_LIMIT_MS) return { kind: 'starting', state };
    onStale?.(`${file} said a Neo4j was starting (pid ${state.pid ?? state.ownerPid}), but ${isAlive(state.ownerPid) ? 'it has been starting too long' : 'that process is gone'}`);
    await removeIfUnchanged(file, raw);
    return { kind: 'none' };
  }

  if (state.uri && isAlive(state.pid)) {
    if (await answers(state.uri)) return { kind: 'ready', state: { ...state, uri: state.uri } };
    // Alive but silent: most likely shutting down. Give it a moment to go.
    const until = Date.now() + 10_000;
    while (isAlive(state.pid) && Date.now() < until) await sleep(200);
    if (isAlive(state.pid) && (await answers(state.uri))) return { kind: 'ready', state: { ...state, uri: state.uri } };
    // Still there but not our Neo4j (a recycled pid) or hung: forget it. If it really holds the
    // store, starting a new launcher fails with Neo4j's lock error, which says so.
  }
  onStale?.(
    `${file} said a Neo4j was ready at ${state.uri ?? 'an unknown address'} (pid ${state.pid}), but ` +
      (isAlive(state.pid) ? 'it does not answer' : 'that process is gone'),
  );
  await removeIfUnchanged(file, raw);
  return { kind: 'none' };
}

async function answers(uri: string): Promise<boolean> {
  const driver = createDriver({ uri, user: 'neo4j', password: '' }, { maxConnectionPoolSize: 1 });
  try {
    await waitForNeo4j(driver, 3000);
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

async function removeIfUnchanged(file: string, raw: string): Promise<void> {
  try {
    if ((await readFile(file, 'utf8')) === raw) await unlink(file);
  } catch {
    // already gone
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
