import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/**
 * `npm start` as a user runs it, with settings it cannot use: one line that names the setting
 * or the Neo4j, no stack trace, exit code 1, and nothing parsed or started first.
 */

function start(env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const STACK_LINE = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

describe('start-up errors', () => {
  it('a bad setting is one line naming it, before anything starts', async () => {
    const { code, stdout, stderr } = await start({ PORT: 'abc' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['[llm-lineage] start-up failed: PORT must be a whole number from 0 to 65535 (got "abc")']);
  });

  it('an unreachable Neo4j is reported as unreachable with its URI, before the corpus is parsed, password unsaid', async () => {
    const { code, stdout, stderr } = await start({ NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'pw-never-printed' });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/start-up failed: Neo4j at bolt:\/\/127\.0\.0\.1:1 is unreachable \(connection refused/);
    expect(stderr).toContain('NEO4J_URI');
    expect(stderr).not.toMatch(/encryption/i);
    expect(stderr).not.toContain('pw-never-printed');
    expect(stderr).not.toMatch(/^\[llm-lineage\] (read|resolved) /m);
    expect(stderr).not.toMatch(STACK_LINE);
  });
});
