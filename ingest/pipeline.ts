import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Graph } from './graph/types.js';
import { extractDocument } from './extract/extract.js';
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

/** Extractions by source and text digest: a history replay re-reads only the lists that changed. */
export type ExtractionCache = Map<string, Extraction>;

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
  const documents = await readInputs(paths, { limits: opts.limits, warn: (m) => log(`warning: ${m}`) });
  const built = buildGraphFromTexts(documents, { ...opts, aliases: opts.aliases ?? (await loadAliases()) });
  refuseEmptySources(built.graph, documents);
  return { ...built, documents };
}

/** The graph of lists already read and checked (readInputs), in the order given. */
export function buildGraphFromTexts(
  documents: readonly Pick<SourceText, 'source' | 'text' | 'sha256'>[],
  opts: BuildOptions & { aliases: AliasTable; cache?: ExtractionCache },
): { graph: Graph; report: IngestReport } {
  const log = opts.log ?? (() => {});
  const aliases = opts.aliases;
  const files: { source: string; extraction: Extraction }[] = [];
  for (const doc of documents) {
    const key = `${doc.source}\u0000${doc.sha256}`;
    let extraction = opts.cache?.get(key);
    if (!extraction) {
      extraction = extractDocument(parseMarkdown(doc.source, doc.text));
      opts.cache?.set(key, extraction);
    }
    log(`read ${doc.source}: ${extraction.mentions.length} mentions, ${extraction.statements.length} statements, ${extraction.claims.length} sentence claims`);
    files.push({ source: doc.source, extraction });
  }
  const all = concatExtractions(files.map((f) => f.extraction));

  // Sentences are linked against the entities the tables and lists establish, then the names
  // they introduce are resolved together with everything else.
  const known = resolve(all.mentions, aliases);
  const linked = linkClaims(all.claims, all.statements, known, aliases);
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
