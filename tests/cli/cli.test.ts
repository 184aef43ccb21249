import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { MODEL_COLUMNS } from '../../src/export/tables.js';
import { testDriver } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { runCli } from '../support/cli.js';

/**
 * The user CLI as a terminal user runs it (`npx llm-lineage …`, the package's bin), against the
 * real HTTP server loaded with the bundled corpus. Each command's output is printed by the test
 * run into test-output/cli/, so what a user sees can be read there.
 */

const OUTPUT = path.resolve('test-output/cli');
let driver: Driver;
let server: TestServer;

beforeAll(async () => {
  driver = testDriver();
  const { graph } = await buildGraph(['data/corpus']);
  await loadGraph(driver, graph);
  server = await startTestServer(driver);
  await mkdir(OUTPUT, { recursive: true });
}, 120_000);

afterAll(async () => {
  await server?.stop();
  await driver?.close();
});

const lineage = (args: string[], opts: { url?: string; stdin?: string } = {}) => runCli(args, { url: opts.url ?? server.url, stdin: opts.stdin, output: OUTPUT });

/** A loopback port nothing listens on (just released by a server of ours). */
async function unusedPort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** The lines of a named section of `lineage`'s tree ("ancestors …:" or "descendants …:"). */
function section(tree: string, title: string): string[] {
  const lines = tree.split('\n');
  const start = lines.findIndex((l) => l.startsWith(title));
  if (start < 0) return [];
  const end = lines.findIndex((l, i) => i > start && /^\S/.test(l));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('llm-lineage CLI', () => {
  it('lineage NAME prints an indented family tree: bases above, derivatives below', async () => {
    const { code, stdout, stderr } = await lineage(['lineage', 'Vicuna', '--depth', '2']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Vicuna  (model:vicuna)');
    const ancestors = section(stdout, 'ancestors');
    expect(ancestors.some((l) => /^\s+[└├]─ LLaMA\b/.test(l))).toBe(true);
    const descendants = section(stdout, 'descendants');
    expect(descendants).toContainEqual(expect.stringMatching(/^  [└├]─ WizardVicunaLM  \(based on/));
    // Deeper relatives are indented under the model they are built on.
    const llama = await lineage(['lineage', 'LLaMA', '--direction', 'descendants', '--depth', '2']);
    const rows = section(llama.stdout, 'descendants');
    const vicuna = rows.findIndex((l) => /^  [└├]─ Vicuna  /.test(l));
    expect(vicuna).toBeGreaterThanOrEqual(0);
    expect(rows.slice(vicuna + 1).find((l) => l.includes('WizardVicunaLM'))).toMatch(/^  [│ ]  [└├]─ WizardVicunaLM/);
  });

  it('lineage --json and --csv give the same relatives', async () => {
    const json = JSON.parse((await lineage(['lineage', 'Vicuna', '--json'])).stdout);
    expect(json.root).toEqual({ id: 'model:vicuna', name: 'Vicuna' });
    const csv = (await lineage(['lineage', 'Vicuna', '--csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('name,id,relation,depth,direction');
    expect(csv).toContain('WizardVicunaLM,model:wizardvicunalm,BASED_ON,1,descendant');
    expect(csv).toHaveLength(json.nodes.length); // header + every relative (the root has no row)
  });

  it('search TEXT ranks the exact name first, typos tolerated', async () => {
    const { code, stdout } = await lineage(['search', 'vicunna', '--kind', 'model', '--first', '3']);
    expect(code).toBe(0);
    const [header, rule, top] = stdout.split('\n');
    expect(header).toMatch(/^name\s+kind\s+score\s+id$/);
    expect(rule).toMatch(/^-+\s+-+/);
    expect(top).toMatch(/^Vicuna\s+MODEL\s+[\d.]+\s+model:vicuna$/);
    const csv = (await lineage(['search', 'vicuna', '--csv'])).stdout.split('\n');
    expect(csv[0]).toBe('name,kind,score,id');
    expect(csv[1]).toMatch(/^Vicuna,MODEL,/);
  });

  it('path A B prints the hops between two models', async () => {
    const { code, stdout } = await lineage(['path', 'WizardVicunaLM', 'LLaMA']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^WizardVicunaLM —BASED_ON→ Vicuna —BASED_ON→ LLaMA\n\(2 hops\)/);
    const csv = (await lineage(['path', 'WizardVicunaLM', 'LLaMA', '--csv'])).stdout.trim().split('\n');
    expect(csv).toEqual(['from,relation,to,direction,derivedFrom', 'WizardVicunaLM,BASED_ON,Vicuna,forward,TABLE', 'Vicuna,BASED_ON,LLaMA,forward,TABLE']);
  });

  it('query FILE runs any GraphQL query, with variables, as JSON or CSV', async () => {
    const file = path.join(OUTPUT, 'models.graphql');
    await writeFile(file, 'query ($base: String!) { models(filter: { basedOn: $base }, first: 5) { totalCount nodes { name contributors { name } } } }');
    const { code, stdout } = await lineage(['query', file, '--variables', '{"base":"LLaMA"}']);
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data.models.totalCount).toBeGreaterThan(5);
    expect(data.models.nodes).toHaveLength(5);
    const csv = (await lineage(['query', file, '--variables', '{"base":"LLaMA"}', '--csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('name,contributors');
    expect(csv).toHaveLength(6);
    const piped = await lineage(['query', '-'], { stdin: '{ model(name: "alpaca") { name } }' });
    expect(JSON.parse(piped.stdout)).toEqual({ model: { name: 'Alpaca' } });
  });

  it('export downloads node-link, GraphML or CSV, to standard output or a file', async () => {
    const csv = (await lineage(['export', '--csv'])).stdout.split('\r\n');
    expect(csv[0]).toBe(MODEL_COLUMNS.join(','));
    expect(csv.filter((l) => l.startsWith('model:')).length).toBeGreaterThan(100);
    const json = JSON.parse((await lineage(['export', '--json', '--name', 'Vicuna', '--direction', 'ancestors', '--orientation', 'lineage'])).stdout);
    expect(json.graph).toMatchObject({ root: 'model:vicuna', orientation: 'LINEAGE' });
    const file = path.join(OUTPUT, 'llm-lineage.graphml');
    const written = await lineage(['export', '--format', 'graphml', '-o', file]);
    expect(written.code).toBe(0);
    expect(await readFile(file, 'utf8')).toMatch(/^<\?xml[\s\S]*<graphml/);
  });

  it('says in one line what went wrong: an unknown name, a server that is down, a bad option', async () => {
    const unknown = await lineage(['lineage', 'no-such-model-xyz']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^llm-lineage: No model named "no-such-model-xyz"/)]);
    const closed = await unusedPort();
    const down = await lineage(['search', 'vicuna'], { url: `http://127.0.0.1:${closed}` });
    expect(down.code).toBe(1);
    expect(down.stderr).toBe(`llm-lineage: cannot reach the llm-lineage server at http://127.0.0.1:${closed} (connection refused): start it with \`npm start\`, or pass --url\n`);
    const bad = await lineage(['lineage', 'Vicuna', '--depth', '99']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--depth <hops>' argument '99' is invalid/);
  });
});
