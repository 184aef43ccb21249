import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../ingest/pipeline.js';
import { loadGraph } from '../../ingest/load/load.js';
import { testDriver } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The notebook examples in examples/ run as a user would run them, against the real HTTP server
 * loaded with the bundled corpus: Python (standard library only) and Node (built-in fetch).
 */

let driver: Driver;
let server: TestServer;

beforeAll(async () => {
  driver = testDriver();
  const { graph } = await buildGraph(['data/corpus']);
  // Same database as the test server (startTestServer uses the default one).
  await loadGraph(driver, graph);
  server = await startTestServer(driver);
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** The table rows the examples print: name, relation, depth, direction. */
function tableRows(stdout: string): { name: string; relation: string; depth: number; direction: string }[] {
  return stdout
    .split('\n')
    .map((line) => /^(.+?)\s+([A-Z_?]+)\s+(\d+)\s+(ancestor|descendant)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1].trim(), relation: m[2], depth: Number(m[3]), direction: m[4] }));
}

function expectVicunaLineage(stdout: string) {
  expect(stdout).toMatch(/^Lineage of Vicuna \(model:vicuna\)$/m);
  const rows = tableRows(stdout);
  // Vicuna is based on LLaMA-13B, a size variant of LLaMA: LLaMA is an ancestor.
  expect(rows).toContainEqual(expect.objectContaining({ name: 'LLaMA', direction: 'ancestor' }));
  expect(rows.find((r) => r.name === 'LLaMA')!.depth).toBeGreaterThanOrEqual(1);
  expect(rows).toContainEqual(expect.objectContaining({ name: 'WizardVicunaLM', relation: 'BASED_ON', depth: 1, direction: 'descendant' }));
  expect(stdout).toMatch(/^node-link export: [1-9]\d* nodes, [1-9]\d* links$/m);
}

describe('notebook examples', () => {
  it('examples/lineage.py prints Vicuna\'s lineage with LLaMA as an ancestor (URL and name from argv)', async () => {
    const { code, stdout, stderr } = await run('python3', ['examples/lineage.py', `${server.url}/graphql`, 'Vicuna']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectVicunaLineage(stdout);
  });

  it('examples/lineage.mjs prints Vicuna\'s lineage with LLaMA as an ancestor (URL and name from argv)', async () => {
    const { code, stdout, stderr } = await run(process.execPath, ['examples/lineage.mjs', `${server.url}/graphql`, 'Vicuna']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expectVicunaLineage(stdout);
  });

  it('both read the URL from LLM_LINEAGE_URL and default the model to Vicuna', async () => {
    const env = { LLM_LINEAGE_URL: `${server.url}/graphql` };
    for (const [command, script] of [['python3', 'examples/lineage.py'], [process.execPath, 'examples/lineage.mjs']]) {
      const { code, stdout } = await run(command, [script], env);
      expect(code, script).toBe(0);
      expectVicunaLineage(stdout);
    }
  });

  it('both print one line, no traceback, when the server is down', async () => {
    const probe = createServer().listen(0, '127.0.0.1');
    await once(probe, 'listening');
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    for (const [command, script] of [['python3', 'examples/lineage.py'], [process.execPath, 'examples/lineage.mjs']]) {
      const { code, stdout, stderr } = await run(command, [script, `http://127.0.0.1:${port}/graphql`]);
      expect(code, script).toBe(1);
      expect(stdout, script).toBe('');
      expect(stderr.trim().split('\n'), script).toEqual([
        expect.stringMatching(new RegExp(`^cannot reach the llm-lineage server at http://127\\.0\\.0\\.1:${port}/graphql \\(.*refused.*\\): start it with \`npm start\`$`, 'i')),
      ]);
    }
  });

  it('both exit non-zero with the GraphQL error for an unknown model', async () => {
    for (const [command, script] of [['python3', 'examples/lineage.py'], [process.execPath, 'examples/lineage.mjs']]) {
      const { code, stdout, stderr } = await run(command, [script, `${server.url}/graphql`, 'no-such-model-xyz']);
      expect(code, script).not.toBe(0);
      expect(stdout + stderr, script).toMatch(/GraphQL error: .*no-such-model-xyz/i);
    }
  });
});
