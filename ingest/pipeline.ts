import { readFile } from 'node:fs/promises';
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import type { Graph } from './graph/types.js';
import type { Overrides } from './extract/context.js';
import { extractAll } from './extract/extract-all.js';
import { parseOverrides } from './extract/overrides.js';
import { readInputs, RefusedInputs, type SourceText } from './input/files.js';
import type { InputLimits } from './input/limits.js';
import { RefusedInput } from './input/refusal.js';
import { concatExtractions, type Extraction } from './extract/types.js';
import { parseMarkdown } from './parse/markdown.js';
import { buildGraphValue } from './relate/graph.js';
import { promoteDerivedModels } from './relate/kinds.js';
import { linkClaims } from './relate/link-claims.js';
import { buildReport, type IngestReport } from './report/report.js';
import { parseAliasTable, type AliasTable } from './resolve/aliases.js';
import { resolve } from './resolve/identity.js';

export type { IngestReport } from './report/report.js';
export { listInputs, readInputs, type SourceText } from './input/files.js';

/** The reviewed alias table shipped with the project. */
export const ALIASES_PATH = fileURLToPath(new URL('../data/aliases.json', import.meta.url));

export async function loadAliases(path = ALIASES_PATH): Promise<AliasTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read the alias table ${path}: ${(e as Error).message}`);
  }
  try {
    return parseAliasTable(JSON.parse(text), path);
  } catch (e) {
    throw new Error(`alias table ${path}: ${(e as Error).message}`);
  }
}

/** A maintainer's corrections beside a list (`list.lineage.json` or `list.md.lineage.json`), if any. */
export async function readOverrides(file: string): Promise<Overrides | undefined> {
  for (const path of [file.replace(/\.md$/i, '.lineage.json'), `${file}.lineage.json`]) {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch {
      continue;
    }
    try {
      return parseOverrides(JSON.parse(text), path);
    } catch (e) {
      throw new Error((e as Error).message.startsWith(path) ? (e as Error).message : `${path}: ${(e as Error).message}`);
    }
  }
  return undefined;
}

/** A list as the build reads it: its text, and the maintainer's corrections beside its file. */
export type BuildDocument = Pick<SourceText, 'source' | 'text' | 'sha256'> & { overrides?: Overrides };

/** The documents with the overrides beside their files (none for a version read from git history). */
export async function withOverrides<T extends Pick<SourceText, 'origin'>>(documents: readonly T[]): Promise<(T & { overrides?: Overrides })[]> {
  const out: (T & { overrides?: Overrides })[] = [];
  for (const d of documents) {
    const overrides = !d.origin || /@[0-9a-f]{40}$/.test(d.origin) ? undefined : await readOverrides(d.origin);
    out.push(overrides ? { ...d, overrides } : d);
  }
  return out;
}

/**
 * Extractions by the digests of all the lists of a build (a list may be read again knowing what
 * the others establish: extract-all.ts): a replay that builds the same lists again reads none.
 */
export type ExtractionCache = Map<string, Extraction[]>;

export interface BuildOptions {
  log?: (m: string) => void;
  aliases?: AliasTable;
}

/**
 * The whole ingest, without the database: parse → extract → resolve → relate. Paths may be
 * files or folders; a missing or unreadable one throws an Error naming it, and files that are
 * not good lists (binary, not UTF-8, past a limit, or yielding no entity) are refused
 * (RefusedInput / RefusedInputs, naming each). The result is deterministic: the same files give
 * the same JSON.
 */
export async function buildGraph(
  paths: string[],
  opts: BuildOptions & { limits?: InputLimits } = {},
): Promise<{ graph: Graph; report: IngestReport; documents: SourceText[] }> {
  const log = opts.log ?? (() => {});
  const documents = await withOverrides(await readInputs(paths, { limits: opts.limits, warn: (m) => log(`warning: ${m}`) }));
  const built = buildGraphFromTexts(documents, { ...opts, aliases: opts.aliases ?? (await loadAliases()) });
  refuseEmptySources(built.graph, documents);
  return { ...built, documents };
}

/** The graph of lists already read and checked (readInputs), in the order given. */
export function buildGraphFromTexts(
  documents: readonly BuildDocument[],
  opts: BuildOptions & { aliases: AliasTable; cache?: ExtractionCache },
): { graph: Graph; report: IngestReport } {
  const bytes = documents.reduce((n, d) => n + d.text.length, 0);
  if (bytes < LARGE_INPUT) return build(documents, opts);
  // A build holds every list's extraction at once, about 9 KB of objects per table row; with
  // V8's default heap growth garbage piles up to twice that before it is collected (100k
  // rows: 2.7 GB resident for 1.4 GB live). Growing the heap by at most 60% at a time keeps a
  // large build near its live set, for some 30% more CPU; small ones keep the defaults.
  v8.setFlagsFromString('--heap-growing-percent=60');
  try {
    return build(documents, opts);
  } finally {
    v8.setFlagsFromString('--heap-growing-percent=0');
  }
}

/** Inputs from this many characters on are built with a tighter heap (see buildGraphFromTexts). */
const LARGE_INPUT = 4 * 1024 * 1024;

function build(
  documents: readonly BuildDocument[],
  opts: BuildOptions & { aliases: AliasTable; cache?: ExtractionCache },
): { graph: Graph; report: IngestReport } {
  const log = opts.log ?? (() => {});
  const aliases = opts.aliases;
  const key = documents.map((d) => `${d.source}\u0000${d.sha256}${d.overrides ? `\u0000${JSON.stringify(d.overrides)}` : ''}`).join('\u0001');
  let extractions = opts.cache?.get(key);
  if (!extractions) {
    extractions = extractAll(documents.map((d) => ({ doc: parseMarkdown(d.source, d.text), overrides: d.overrides })));
    opts.cache?.set(key, extractions);
  }
  const files = extractions.map((extraction, i) => {
    const source = documents[i].source;
    log(`read ${source}: ${extraction.mentions.length} mentions, ${extraction.statements.length} statements, ${extraction.claims.length} sentence claims`);
    return { source, extraction };
  });
  const all = concatExtractions(files.map((f) => f.extraction));

  // Sentences are linked against the entities the tables and lists establish, then the names
  // they introduce are resolved together with everything else (that first resolution is not
  // kept: a long list's is hundreds of megabytes).
  const linked = linkClaims(all.claims, all.statements, resolve(all.mentions, aliases), aliases);
  const res = resolve([...all.mentions, ...linked.mentions], aliases);
  promoteDerivedModels(res, linked.statements);
  const graph = buildGraphValue(res, [...all.statements, ...linked.statements]);
  log(`resolved ${all.mentions.length + linked.mentions.length} mentions into ${graph.nodes.length} nodes and ${graph.edges.length} edges`);
  return { graph, report: buildReport(files, res, linked.unlinked, graph) };
}

/**
 * Refuses the documents that yield no node at all (an empty file, prose without a list or table
 * the extractor can read, a UTF-16 file without byte-order mark): ingesting one would only
 * replace that source's facts with nothing.
 */
export function refuseEmptySources(graph: Graph, documents: readonly Pick<SourceText, 'source' | 'origin'>[]): void {
  const stated = new Set<string>();
  for (const n of graph.nodes) for (const p of n.provenance) stated.add(p.source);
  const refused = documents
    .filter((d) => !stated.has(d.source))
    .map((d) => new RefusedInput(d.origin, 'yields no entity: no table, list or heading names a model, dataset, paper or anything else the ingest reads; nothing is ingested'));
  if (refused.length === 1) throw refused[0];
  if (refused.length) throw new RefusedInputs(refused);
}
