import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

/**
 * The committed versions of one file in a git clone, read with the git CLI (no shell; every
 * argument passed as is). Renames are followed, so a list that moved keeps its history.
 */

const run = promisify(execFile);

export interface FileVersion {
  commit: string;
  /** Committer date, ISO 8601 in UTC. */
  date: string;
  /** The file's path in that commit. */
  path: string;
}

export class GitError extends Error {
  override name = 'GitError';
}

async function git(clone: string, args: string[], maxBuffer = 64 * 1024 * 1024): Promise<Buffer> {
  try {
    const { stdout } = await run('git', ['-C', clone, '-c', 'core.quotepath=off', '--no-pager', ...args], {
      encoding: 'buffer',
      maxBuffer,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
    });
    return stdout;
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: Buffer };
    if (err.code === 'ENOENT') throw new GitError('the git command was not found; --history needs git installed');
    const detail = err.stderr?.toString().trim().split('\n')[0] ?? err.message;
    throw new GitError(`git in ${clone} failed: ${detail}`);
  }
}

/** Every commit that changed `file` (a path relative to the clone), oldest first. */
export async function fileVersions(clone: string, file: string): Promise<FileVersion[]> {
  const root = resolve(clone);
  const inside = (await git(root, ['rev-parse', '--is-inside-work-tree']).catch(() => null))?.toString().trim();
  if (inside !== 'true') throw new GitError(`${clone} is not a git clone (no work tree there)`);
  // `--follow` cannot be combined with `--reverse`: read newest first, then turn around.
  const out = (await git(root, ['log', '--follow', '--format=%x00%H%x09%cI', '--name-only', '--', file])).toString('utf8');
  const versions: FileVersion[] = [];
  for (const record of out.split('\u0000').slice(1)) {
    const [header, ...rest] = record.split('\n');
    const [commit, date] = header.split('\t');
    const path = rest.map((l) => l.trim()).find(Boolean);
    if (!commit || !date || !path) continue;
    versions.push({ commit, date: new Date(date).toISOString(), path });
  }
  if (!versions.length) throw new GitError(`${file} has no committed version in ${clone}`);
  return versions.reverse();
}

/**
 * `path` as committed in `commit`: its size, and its bytes unless it is larger than `maxBytes`
 * (not read at all then). Null when the commit deleted it.
 */
export async function fileAt(clone: string, commit: string, path: string, maxBytes: number): Promise<{ size: number; bytes: Buffer | null } | null> {
  const root = resolve(clone);
  const object = `${commit}:${path}`;
  const kind = (await git(root, ['cat-file', '-t', object]).catch(() => null))?.toString().trim();
  if (kind !== 'blob') return null;
  const size = Number((await git(root, ['cat-file', '-s', object])).toString().trim());
  if (size > maxBytes) return { size, bytes: null };
  return { size, bytes: await git(root, ['cat-file', 'blob', object], maxBytes + 1024 * 1024) };
}
