/**
 * Faults of an embedded Neo4j of this test's own (the shared one of the global setup is left
 * alone), under light load: killed (SIGKILL) and frozen (SIGSTOP, then SIGCONT). Clients get
 * SERVICE_UNAVAILABLE within seconds, /ready goes red then green, the supervisor restarts a
 * killed database, and nothing is lost. The bounds are upper bounds for liveness on a loaded
 * machine; the times are printed for the record.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { createDriver } from '../../src/neo4j/driver.js';
import { superviseEmbedded, type SupervisedNeo4j } from '../../src/neo4j/supervisor.js';
import { databaseChecksum } from '../support/checksum.js';
import { fixtureGraph } from '../support/fixture-graph.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** A sick database must show in answers and in /ready within this long. */
const DETECT_MS = 15_000;
/** A restarted (or thawed) database must be serving again within this long. */
const RECOVER_MS = 120_000;
/** No request may wait longer than this for an answer, whatever the database does. */
const ANSWER_MS = 20_000;

let home: string;
let neo4j: SupervisedNeo4j;
let driver: Driver;
let server: TestServer;
let before: Awaited<ReturnType<typeof databaseChecksum>>;
const lines: string[] = [];
const figures: string[] = [];

const QUERY = '{ model(name: "vicuna") { name basedOn { name } } }';

interface Sample {
  at: number;
  ms: number;
  status: number;
  code?: string;
}

/** One client asking every 200 ms until stopped. */
function lightLoad() {
  const samples: Sample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      try {
        const response = await fetch(`${server.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
          body: JSON.stringify({ query: QUERY }),
          signal: AbortSignal.timeout(60_000),
        });
        const body = await response.json();
        samples.push({ at, ms: performance.now() - at, status: response.status, code: body.errors?.[0]?.extensions?.code });
      } catch {
        samples.push({ at, ms: performance.now() - at, status: 0 });
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return {
    samples,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

/**
 * Asks /ready every 100 ms until stopped. It runs from before the fault, because a supervisor
 * that restarts quickly can turn /ready green again before a client has even seen an error.
 */
function readiness() {
  const samples: { at: number; status: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      let status = 0;
      try {
        status = await ready();
      } catch {
        status = 0;
      }
      samples.push({ at, status });
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const firstAfter = (since: number, status: number) => samples.find((s) => s.at >= since && s.status === status);
  return {
    samples,
    firstAfter,
    stop: async () => {
      running = false;
      await loop;
    },
  };
}

async function ready(): Promise<number> {
  const response = await fetch(`${server.url}/ready`, { signal: AbortSignal.timeout(ANSWER_MS) });
  await response.text();
  return response.status;
}

/** Polls until `check` holds; returns the ms it took, or fails after `limitMs`. */
async function within(limitMs: number, what: string, check: () => Promise<boolean> | boolean): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (await check()) return performance.now() - started;
    if (performance.now() - started > limitMs) throw new Error(`${what}: not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'llm-lineage-faults-'));
  neo4j = await superviseEmbedded({ dataDir: join(home, 'data'), log: (m) => lines.push(m), backoffMs: 500 });
  driver = createDriver(neo4j.settings);
  await loadGraph(driver, fixtureGraph());
  before = await databaseChecksum(driver, 'neo4j');
  server = await startTestServer(driver);
  expect(await ready()).toBe(200);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await driver?.close();
  await neo4j?.stop();
  await rm(home, { recursive: true, force: true });
  if (figures.length) console.log(['fault recovery (ms)', ...figures].join('\n'));
}, 120_000);

describe('an embedded Neo4j that is killed or frozen under light load', () => {
  it('killed: SERVICE_UNAVAILABLE and /ready red within seconds, restarted by the supervisor, nothing lost', async () => {
    const load = lightLoad();
    const readyz = readiness();
    try {
      await within(5_000, 'first answers', () => load.samples.some((s) => s.status === 200));
      const pid = neo4j.pid()!;
      const killedAt = performance.now();
      process.kill(pid, 'SIGKILL');

      const unavailable = await within(DETECT_MS, 'a client sees SERVICE_UNAVAILABLE', () =>
        load.samples.some((s) => s.at >= killedAt && s.code === 'SERVICE_UNAVAILABLE' && s.status === 503),
      );
      await within(DETECT_MS, '/ready goes red', () => readyz.firstAfter(killedAt, 503) !== undefined);
      const redAt = readyz.firstAfter(killedAt, 503)!.at;
      const red = redAt - killedAt;
      await within(RECOVER_MS, '/ready goes green again', () => readyz.firstAfter(redAt, 200) !== undefined);
      const green = readyz.firstAfter(redAt, 200)!.at - killedAt;
      const serving = await within(RECOVER_MS, 'clients are answered again', () =>
        load.samples.some((s) => s.at >= killedAt + green && s.status === 200),
      );
      figures.push(
        `kill -9, ms from the kill: SERVICE_UNAVAILABLE ${Math.round(unavailable)}, /ready red ${Math.round(red)}, ` +
          `green again ${Math.round(green)}; a client answered ${Math.round(serving)} after that`,
      );
      expect(neo4j.restarts()).toBe(1);
      expect(neo4j.pid()).not.toBe(pid);
      expect(lines.join('\n')).toMatch(/exited unexpectedly \(SIGKILL\); restarting it/);
      expect(lines.join('\n')).toMatch(/embedded Neo4j restarted/);
    } finally {
      await load.stop();
      await readyz.stop();
    }
    const during = load.samples;
    expect(during.every((s) => s.status === 200 || (s.status === 503 && s.code === 'SERVICE_UNAVAILABLE')), JSON.stringify(during)).toBe(true);
    expect(Math.max(...during.map((s) => s.ms))).toBeLessThan(ANSWER_MS);
    expect(await databaseChecksum(driver, 'neo4j')).toEqual(before);
  }, 300_000);

  it('frozen: SERVICE_UNAVAILABLE and /ready red within seconds, green again once it thaws, nothing lost', async () => {
    const load = lightLoad();
    const pid = neo4j.pid()!;
    let thawed = false;
    try {
      await within(RECOVER_MS, 'first answers', () => load.samples.some((s) => s.status === 200));
      const frozenAt = performance.now();
      process.kill(pid, 'SIGSTOP');
      const unavailable = await within(DETECT_MS, 'a client sees SERVICE_UNAVAILABLE', () =>
        load.samples.some((s) => s.at >= frozenAt && s.code === 'SERVICE_UNAVAILABLE'),
      );
      const red = await within(DETECT_MS, '/ready goes red', async () => (await ready()) === 503);
      await new Promise((r) => setTimeout(r, 3_000));
      const thawAt = performance.now();
      process.kill(pid, 'SIGCONT');
      thawed = true;
      const green = await within(RECOVER_MS, '/ready goes green again', async () => (await ready()) === 200);
      const serving = await within(RECOVER_MS, 'clients are answered again', () =>
        load.samples.some((s) => s.at >= thawAt + green && s.status === 200),
      );
      figures.push(
        `SIGSTOP: SERVICE_UNAVAILABLE after ${Math.round(unavailable)}, /ready red after ${Math.round(red)}; ` +
          `after SIGCONT green after ${Math.round(green)}, answering after ${Math.round(serving)}`,
      );
    } finally {
      if (!thawed) process.kill(pid, 'SIGCONT');
      await load.stop();
    }
    expect(neo4j.pid()).toBe(pid); // frozen is not dead: nothing restarted
    const during = load.samples;
    expect(during.every((s) => s.status === 200 || s.code === 'SERVICE_UNAVAILABLE'), JSON.stringify(during)).toBe(true);
    expect(Math.max(...during.map((s) => s.ms))).toBeLessThan(ANSWER_MS);
    expect(lines.join('\n')).not.toMatch(/restarting the embedded Neo4j failed/);
    expect(await databaseChecksum(driver, 'neo4j')).toEqual(before);
  }, 300_000);
});
