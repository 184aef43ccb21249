import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve as resolvePath } from 'node:path';
import { decodeMarkdown } from './decode.js';
import { checkFileSize, checkTextLimits, DEFAULT_LIMITS, type InputLimits } from './limits.js';
import { RefusedInput } from './refusal.js';

/** One list, read and checked, ready for the parser. */
export interface SourceText {
  /** File name without directory, as provenance records it. */
  source: string;
  text: string;
  /** Hex SHA-256 of the text (UTF-8), which tells versions of a source apart. */
  sha256: string;
  /** Where it was read from: a path, or `<clone>@<commit>:<path>` for a version from git history. */
  origin: string;
}

/** Several inputs refused at once: every one is named, so one run tells the user all that is wrong. */
export class RefusedInputs extends Error {
  override name = 'RefusedInputs';

  constructor(readonly refusals: RefusedInput[]) {
    super(`${refusals.length} inputs refused, so none was read:\n${refusals.map((r) => `  ${r.message}`).join('\n')}`);
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Files to read: each file as given, each folder's `*.md` files sorted by name. */
export async function listInputs(paths: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const p of paths) {
    const full = resolvePath(p);
    let info;
    try {
      info = await stat(full);
    } catch {
      throw new Error(`no such file or folder: ${p}`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(full)).filter((n) => n.toLowerCase().endsWith('.md')).sort();
      files.push(...names.map((n) => join(full, n)));
    } else files.push(full);
  }
  const unique = [...new Set(files)];
  const seen = new Map<string, string>();
  for (const f of unique) {
    const other = seen.get(basename(f));
    if (other) throw new Error(`two inputs share the file name ${basename(f)} (${other}, ${f}); provenance names files without folders`);
    seen.set(basename(f), f);
  }
  return unique;
}

/**
 * A list's bytes, checked and decoded: refused (RefusedInput, naming the file and line) when it
 * is not Markdown text or passes a limit. `warn` hears about encodings decoded with a warning.
 */
export function sourceText(origin: string, source: string, bytes: Uint8Array, opts: { limits?: InputLimits; warn?: (m: string) => void } = {}): SourceText {
  const limits = opts.limits ?? DEFAULT_LIMITS;
  checkFileSize(origin, bytes.length, limits);
  const decoded = decodeMarkdown(origin, bytes);
  for (const w of decoded.warnings) opts.warn?.(w);
  checkTextLimits(origin, decoded.text, limits);
  return { source, text: decoded.text, sha256: sha256(decoded.text), origin };
}

/**
 * Reads and checks every input before any is parsed. A missing path throws at once; files that
 * are not good lists are refused together, each named, so nothing is ingested unless all are good.
 */
export async function readInputs(paths: string[], opts: { limits?: InputLimits; warn?: (m: string) => void } = {}): Promise<SourceText[]> {
  const files = await listInputs(paths);
  if (!files.length) throw new Error(`no Markdown files in ${paths.join(', ')}`);
  const out: SourceText[] = [];
  const refused: RefusedInput[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      // Told by its size before it is read: a huge file is refused without filling memory.
      checkFileSize(file, (await stat(file)).size, opts.limits ?? DEFAULT_LIMITS);
      bytes = await readFile(file);
    } catch (e) {
      if (e instanceof RefusedInput) {
        refused.push(e);
        continue;
      }
      throw new Error(`cannot read ${file}: ${(e as Error).message}`);
    }
    try {
      out.push(sourceText(file, basename(file), bytes, opts));
    } catch (e) {
      if (!(e instanceof RefusedInput)) throw e;
      refused.push(e);
    }
  }
  if (refused.length === 1) throw refused[0];
  if (refused.length) throw new RefusedInputs(refused);
  return out;
}
