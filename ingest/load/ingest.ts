import type { Driver } from 'neo4j-driver';
import type { SourceText } from '../input/files.js';
import { buildGraphFromTexts, loadAliases, refuseEmptySources, withOverrides, type ExtractionCache } from '../pipeline.js';
import type { AliasTable } from '../resolve/aliases.js';
import { storeGraph, type LoadResult, type SourceDocument, type StoreOptions } from './load.js';
import { Store } from './store.js';

/**
 * Ingest as a store of sources. Every fact belongs to the sources that state it; the store keeps
 * each source's text, so an ingest resolves all sources together again — the stored ones, with
 * the given ones added or put in place of their stored version, and the removed ones left out —
 * and writes the difference as the next generation. Ingesting a file thus replaces only that
 * file's facts; a node or relation goes only when no source states it any more.
 */

export interface IngestRequest {
  /** Lists read and checked (pipeline readInputs), added or replacing their stored version. */
  add: SourceText[];
  /** Stored sources to drop, by file name. */
  remove?: string[];
  /** The graph becomes exactly `add`: every other stored source is removed. */
  replace?: boolean;
  /** When the added versions were written (their commit date); default now. */
  date?: string;
  commit?: string | null;
  aliases?: AliasTable;
  /** Extractions kept between ingests of one run (a history replay). */
  cache?: ExtractionCache;
}

export class UnknownSource extends Error {
  override name = 'UnknownSource';
}

/** A path, or a history version's clone and path without its commit (`<clone>:<path>@<commit>`). */
function originOf(origin: string): string {
  return origin.replace(/@[0-9a-f]{40}$/, '');
}

export async function ingestSources(driver: Driver, request: IngestRequest, opts: StoreOptions = {}): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  const store = new Store(driver, opts.database);
  await store.prepare();
  const { current } = await store.state();
  const stored = request.replace ? [] : await store.sourceTexts(current);

  const removing = new Set(request.remove ?? []);
  for (const name of removing) {
    if (!stored.some((s) => s.source === name) && !request.replace) {
      const names = stored.map((s) => s.source).join(', ') || 'none';
      throw new UnknownSource(`no stored source is named ${name} (stored: ${names}); see the \`sources\` query or \`npm run ingest -- --dry-run\``);
    }
  }
  const adding = new Map(request.add.map((d) => [d.source, d]));
  const date = request.date ?? new Date().toISOString();
  const documents: SourceDocument[] = [];
  for (const s of stored) {
    if (removing.has(s.source) || adding.has(s.source)) continue;
    if (s.text === null) {
      throw new Error(`the stored source ${s.source} was loaded as a graph value, without its text, so it cannot be resolved again; ingest it from its file, or use --replace`);
    }
    documents.push({ source: s.source, text: s.text, sha256: s.sha256, origin: s.origin, date, commit: null });
  }
  for (const d of request.add) {
    const previous = stored.find((s) => s.source === d.source);
    if (previous?.origin && originOf(previous.origin) !== originOf(d.origin)) {
      log(`${d.source} replaces the stored ${d.source} read from ${previous.origin}`);
    }
    documents.push({ source: d.source, text: d.text, sha256: d.sha256, origin: d.origin, date, commit: request.commit ?? null });
  }
  // One order for every build of the store, whatever order files were given in.
  documents.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));

  const aliases = request.aliases ?? (await loadAliases());
  // Corrections beside a list's file (extract/overrides.ts) are read again at every build, as its text is kept.
  const withCorrections = await withOverrides(documents.map((d) => ({ source: d.source, text: d.text!, sha256: d.sha256, origin: d.origin ?? '' })));
  const { graph, report } = buildGraphFromTexts(
    withCorrections.map((d) => ({ source: d.source, text: d.text, sha256: d.sha256, ...(d.overrides ? { overrides: d.overrides } : {}) })),
    { log, aliases, cache: request.cache },
  );
  refuseEmptySources(graph, request.add);
  for (const f of report.files) {
    const doc = documents.find((d) => d.source === f.source)!;
    doc.counts = { mentions: f.mentions, statements: f.statements, claims: f.claims };
  }
  return storeGraph(driver, graph, documents, {
    ...opts,
    basedOn: current,
    action: opts.action ?? (request.replace ? 'replace' : request.add.length ? 'ingest' : 'remove'),
    date: opts.date ?? date,
    replaceLegacy: opts.replaceLegacy ?? Boolean(request.replace),
  });
}

/**
 * What `npm start` ingests. With paths (INGEST_PATHS) the graph becomes exactly those lists. Without,
 * an empty store (or one written by an older llm-lineage, which kept no sources) gets the bundled
 * corpus, and a store that has sources is resolved again with the current rules: a no-op unless
 * the ingest code or alias table changed, and never a loss of a list the user ingested.
 */
export async function ingestAtStart(
  driver: Driver,
  input: { paths: string[] | null; defaults: string[]; read: (paths: string[]) => Promise<SourceText[]> },
  opts: StoreOptions = {},
): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  if (input.paths) return ingestSources(driver, { add: await input.read(input.paths), replace: true }, opts);
  const store = new Store(driver, opts.database);
  await store.prepare();
  const state = await store.state();
  if (state.current === 0 || state.legacy) {
    if (state.legacy) log('the database holds a graph written by an older llm-lineage, which kept no sources: it is replaced by the bundled corpus (ingest your own lists again with npm run ingest)');
    return ingestSources(driver, { add: await input.read(input.defaults) }, { ...opts, replaceLegacy: true });
  }
  return ingestSources(driver, { add: [] }, { ...opts, action: 'refresh' });
}
