/**
 * The two ways a data folder fails that Neo4j reports badly (a full disk as "Could not append
 * transaction", a read-only folder as an EROFS stack trace): checked before the launcher starts,
 * recognised in its output after, and reported in one line that names the folder.
 */
import { mkdir, statfs, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Below this much free space Neo4j cannot start (it preallocates transaction logs) or soon panics. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

export function readOnlyMessage(dataDir: string, detail: string): string {
  return `The Neo4j data folder ${dataDir} is read-only (${detail}); make it writable, or use another Neo4j with NEO4J_URI.`;
}

export function diskFullMessage(dataDir: string, freeBytes?: number): string {
  const free = freeBytes === undefined ? '' : ` (${Math.floor(freeBytes / (1024 * 1024))} MB free)`;
  return `The disk holding the Neo4j data folder ${dataDir} is full${free}; free some space and start again.`;
}

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

export interface FolderProblem {
  reason: 'read-only' | 'disk-full';
  /** One line naming the folder. */
  message: string;
}

/** Whether Neo4j could write to `dataDir` (created if missing); undefined when it could. */
export async function checkDataDir(dataDir: string): Promise<FolderProblem | undefined> {
  const probe = join(dataDir, `.write-check-${process.pid}`);
  try {
    // A recursive mkdir on a read-only file system reports ENOENT; a plain one says EROFS.
    await mkdir(dataDir, { recursive: true }).catch((e: NodeJS.ErrnoException) =>
      e.code === 'ENOENT' ? mkdir(dataDir).then(() => undefined) : Promise.reject(e),
    );
    await writeFile(probe, 'llm-lineage checks that this folder is writable\n');
    await unlink(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (READ_ONLY_CODES.has(code)) return { reason: 'read-only', message: readOnlyMessage(dataDir, code) };
    if (code === 'ENOSPC' || code === 'EDQUOT') return { reason: 'disk-full', message: diskFullMessage(dataDir) };
    throw e;
  }
  const free = await freeBytes(dataDir);
  if (free !== undefined && free < MIN_FREE_BYTES) return { reason: 'disk-full', message: diskFullMessage(dataDir, free) };
  return undefined;
}

export async function freeBytes(dir: string): Promise<number | undefined> {
  try {
    const s = await statfs(dir);
    return s.bavail * s.bsize;
  } catch {
    return undefined;
  }
}

/** What the launcher's output says about the folder, if it says either thing. */
export function folderProblemIn(output: string, dataDir: string): FolderProblem | undefined {
  if (/No space left on device|DISK_FULL|out of disk space|Could not append transaction/i.test(output)) {
    return { reason: 'disk-full', message: diskFullMessage(dataDir) };
  }
  if (/Read-only file system|EROFS|AccessDeniedException/i.test(output)) {
    return { reason: 'read-only', message: readOnlyMessage(dataDir, 'EROFS') };
  }
  return undefined;
}
