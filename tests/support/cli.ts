import { spawn } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs `llm-lineage ARGS` through the package's bin against `url`, as a terminal user does, and
 * writes what it printed into `output` (an ignored folder), so what a user sees can be read there.
 */
export function runCli(args: string[], { url, stdin, output }: { url: string; stdin?: string; output: string }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/llm-lineage.mjs', '--url', url, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    child.stdin.end(stdin ?? '');
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', async (code) => {
      clearTimeout(timer);
      const name = args.filter((a) => !a.includes('/')).join('_').replace(/[^\w.-]+/g, '-').slice(0, 60);
      await mkdir(output, { recursive: true });
      await writeFile(path.join(output, `${name}.txt`), `$ llm-lineage ${args.join(' ')}\n${stdout}${stderr}`);
      resolve({ code, stdout, stderr });
    });
  });
}
