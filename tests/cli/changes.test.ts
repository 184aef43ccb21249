import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestHistory } from '../../ingest/history/history.js';
import { runCli } from '../support/cli.js';
import { CORPUS_DIR } from '../support/corpus.js';
import { emptyDatabase, testDriver } from '../support/database.js';
import { TEST_OUTPUT, gitHistory } from '../support/git-history.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * `llm-lineage changes FILE` on a list ingested from a git history of the bundled list's two
 * versions: what a terminal user sees of the same answer the API gives.
 */
const FILE = 'open-source-chatgpt-list.md';
const OUTPUT = join(TEST_OUTPUT, 'cli');

let driver: Driver;
let server: TestServer;
let repo: string;

beforeAll(async () => {
  driver = testDriver();
  await emptyDatabase(driver);
  const early = await readFile(join(CORPUS_DIR, 'open-source-chatgpt-list-early.md'), 'utf8');
  const late = await readFile(join(CORPUS_DIR, FILE), 'utf8');
  repo = await gitHistory(FILE, [
    { text: early, date: '2023-03-20T10:00:00.000Z' },
    { text: late, date: '2023-11-15T10:00:00.000Z' },
  ]);
  await ingestHistory(driver, repo, FILE);
  server = await startTestServer(driver);
}, 240_000);

afterAll(async () => {
  await server?.stop();
  await driver?.close();
  await rm(repo, { recursive: true, force: true });
});

const cli = (args: string[]) => runCli(args, { url: server.url, output: OUTPUT });

describe('llm-lineage changes', () => {
  it('prints what the list changed between its versions: additions, removals, the rename, new facts', async () => {
    const { code, stdout } = await cli(['changes', FILE]);
    expect(code).toBe(0);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^open-source-chatgpt-list\.md: 2023-03-20 \(\w{10}\) → 2023-11-15 \(\w{10}\)$/);
    expect(lines).toContainEqual(expect.stringMatching(/^renamed\s+BenTsao\s+was Huatuo$/));
    expect(lines).toContainEqual(expect.stringMatching(/^added\s+MODEL\s+BiLLa$/));
    expect(lines).toContainEqual(expect.stringMatching(/^changed\s+BASED_ON\s+llama\.cpp\s+-LLaMA$/));
  });

  it('--json is the API answer; --csv one row per change; --kind and --since narrow it', async () => {
    const { body } = await server.graphql(`{ changes(source: "${FILE}") { added { id name kind } renamed { from to } } }`);
    const json = JSON.parse((await cli(['changes', FILE, '--json'])).stdout);
    expect(json.added).toEqual(body.data.changes.added);
    expect(json.renamed.map((r: { from: string; to: string }) => `${r.from} → ${r.to}`)).toContain('Huatuo → BenTsao');
    const csv = (await cli(['changes', FILE, '--csv', '--kind', 'model'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('change,kind,name,detail,id');
    expect(csv.filter((l) => l.startsWith('added,')).every((l) => l.startsWith('added,MODEL,'))).toBe(true);
    expect(csv).toContain('added,MODEL,BiLLa,,model:billa');
    // Since the late version: nothing changed after it.
    expect((await cli(['changes', FILE, '--since', '2023-12-01'])).stdout.trim().split('\n')[1]).toBe('no changes');
  });

  it('names a bad date in one line', async () => {
    const { code, stderr } = await cli(['changes', FILE, '--since', 'March']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/--since.*a date such as 2023-06-01/);
  });
});
