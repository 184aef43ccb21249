import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS, parseArgs, UsageError } from '../../ingest/cli.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(TSX, ['ingest/cli.ts', ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('arguments', () => {
  it('reads flags and paths, defaulting to data/corpus', () => {
    expect(parseArgs(['--dry-run', '--json'])).toMatchObject({ dryRun: true, json: true, report: false, paths: [DEFAULT_CORPUS] });
    expect(parseArgs(['--report', 'a.md', 'dir'])).toMatchObject({ report: true, paths: ['a.md', 'dir'] });
    expect(parseArgs(['--', '--odd-name.md']).paths).toEqual(['--odd-name.md']);
  });

  it('refuses unknown flags, naming them', () => {
    expect(() => parseArgs(['--dryrun'])).toThrow(UsageError);
    expect(() => parseArgs(['--dryrun'])).toThrow(/--dryrun/);
  });
});

describe('npm run ingest', () => {
  it('--dry-run --json prints only the graph as JSON on stdout, progress on stderr', async () => {
    const { code, stdout, stderr } = await cli(['--dry-run', '--json', 'data/corpus']);
    expect(code).toBe(0);
    const graph = JSON.parse(stdout);
    expect(Object.keys(graph)).toEqual(['nodes', 'edges']);
    expect(graph.nodes.length).toBeGreaterThan(500);
    expect(stderr).toMatch(/\[ingest\] read open-source-chatgpt-list\.md/);
  });

  it('--dry-run --report prints the maintainers report', async () => {
    const { code, stdout } = await cli(['--dry-run', '--report']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/## Unresolved mentions/);
    expect(stdout).toMatch(/## Merges by rule/);
    expect(stdout).toMatch(/open-source-chatgpt-list\.md:209 {2}"zh"/);
  });

  it('exits with 2 and names an unknown argument', async () => {
    const { code, stderr, stdout } = await cli(['--dry-run', '--jsn']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unknown option '--jsn'/);
    expect(stderr).toMatch(/Did you mean --json\?/);
    expect(stdout).toBe('');
  });

  it('exits with 1 and names a missing path', async () => {
    const { code, stderr } = await cli(['--dry-run', '--json', 'no/such/folder']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/no\/such\/folder/);
  });
});
