import { basename, resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { RefusedInputs, sourceText, type SourceText } from '../input/files.js';
import { checkFileSize, DEFAULT_LIMITS, type InputLimits } from '../input/limits.js';
import { RefusedInput } from '../input/refusal.js';
import { ingestSources } from '../load/ingest.js';
import type { LoadResult, StoreOptions } from '../load/load.js';
import { Store } from '../load/store.js';
import { loadAliases, type ExtractionCache } from '../pipeline.js';
import { fileAt, fileVersions, type FileVersion } from './git.js';

/**
 * A list's history: every committed version of one file of a git clone, oldest first, each
 * ingested as the next version of its source (named by the file's name, as provenance names
 * sources), dated by its commit. Facts thereby record when each source first and last stated
 * them. Versions the store already holds (by commit) are skipped, so importing the same history
 * twice changes nothing and importing it again later adds only the new commits.
 */

export interface HistoryStep {
  version: FileVersion;
  /** Null when the version was skipped. */
  result: LoadResult | null;
  skipped?: string;
}

export interface HistoryOptions extends StoreOptions {
  limits?: InputLimits;
  /** Called after each version, once readers see it (or once it is skipped). */
  onStep?: (step: HistoryStep) => void | Promise<void>;
}

/** The versions as source texts; a version that is not a good list is skipped with the reason. */
async function readVersions(clone: string, source: string, versions: FileVersion[], limits: InputLimits) {
  const out: { version: FileVersion; doc: SourceText | null; skipped?: string }[] = [];
  for (const version of versions) {
    const origin = `${resolve(clone)}:${version.path}@${version.commit}`;
    const file = await fileAt(clone, version.commit, version.path, limits.fileBytes);
    if (!file) {
      out.push({ version, doc: null, skipped: 'the commit deletes the file' });
      continue;
    }
    try {
      checkFileSize(origin, file.size, limits);
      out.push({ version, doc: sourceText(origin, source, file.bytes!, { limits }) });
    } catch (e) {
      if (!(e instanceof RefusedInput)) throw e;
      out.push({ version, doc: null, skipped: e.message });
    }
  }
  return out;
}

export async function ingestHistory(driver: Driver, clone: string, file: string, opts: HistoryOptions = {}): Promise<HistoryStep[]> {
  const log = opts.log ?? (() => {});
  const source = basename(file);
  const versions = await fileVersions(clone, file);
  log(`${file} in ${clone}: ${versions.length} committed version${versions.length === 1 ? '' : 's'} (source ${source})`);
  const read = await readVersions(clone, source, versions, opts.limits ?? DEFAULT_LIMITS);

  const store = new Store(driver, opts.database);
  await store.prepare();
  const known = new Set((await store.sourceVersions()).filter((v) => v.source === source && v.commit).map((v) => v.commit!));
  const aliases = await loadAliases();
  const cache: ExtractionCache = new Map();

  const steps: HistoryStep[] = [];
  for (const { version, doc, skipped } of read) {
    const at = `${version.commit.slice(0, 10)} (${version.date.slice(0, 10)})`;
    const step = await (async (): Promise<HistoryStep> => {
      if (known.has(version.commit)) return { version, result: null, skipped: 'already in the store' };
      if (!doc) {
        log(`skipped ${at}: ${skipped}`);
        return { version, result: null, skipped };
      }
      try {
        const result = await ingestSources(
          driver,
          { add: [doc], date: version.date, commit: version.commit, aliases, cache },
          { ...opts, action: 'history', date: version.date, log: () => {} },
        );
        log(`${at}: ${describeStep(result)}`);
        return { version, result };
      } catch (e) {
        if (!(e instanceof RefusedInput || e instanceof RefusedInputs)) throw e;
        log(`skipped ${at}: ${e.message}`);
        return { version, result: null, skipped: e.message };
      }
    })();
    steps.push(step);
    await opts.onStep?.(step);
  }
  return steps;
}

function describeStep(r: LoadResult): string {
  if (!r.changed) return 'no change';
  const { nodes, edges } = r.summary;
  return `generation ${r.generation}: nodes +${nodes.added} -${nodes.removed} ~${nodes.changed}, relations +${edges.added} -${edges.removed} ~${edges.changed}`;
}
