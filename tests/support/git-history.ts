import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** test-output/ is git-ignored: tests write only there. */
export const TEST_OUTPUT = fileURLToPath(new URL('../../test-output/', import.meta.url));

/**
 * A git repository in test-output/ with one commit per version of `file`, oldest first, each
 * committed at its date (author and committer), as a list's history is.
 */
export async function gitHistory(file: string, versions: { text: string; date: string; message?: string }[]): Promise<string> {
  await mkdir(TEST_OUTPUT, { recursive: true });
  const dir = await mkdtemp(join(TEST_OUTPUT, 'history-'));
  const git = (args: string[], env: Record<string, string> = {}) =>
    run('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', ...env },
    });
  await git(['init', '-q']);
  for (const [i, v] of versions.entries()) {
    await writeFile(join(dir, file), v.text);
    await git(['add', file]);
    await git(['commit', '-q', '-m', v.message ?? `version ${i + 1}`], { GIT_AUTHOR_DATE: v.date, GIT_COMMITTER_DATE: v.date });
  }
  return dir;
}

export async function commits(dir: string): Promise<string[]> {
  const { stdout } = await run('git', ['log', '--reverse', '--format=%H'], { cwd: dir });
  return stdout.trim().split('\n');
}
