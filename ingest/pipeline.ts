import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Graph } from './graph/types.js';
import type { Overrides } from './extract/context.js';
import { extractAll } from './extract/extract-all.js';
import { parseOverrides } from './extract/overrides.js';
import { concatExtractions } from './extract/types.js';
import { parseMarkdown, type SourceDocument } from './parse/markdown.js';
import { buildGraphValue } from './relate/graph.js';
import { promoteDerivedModels } from './relate/kinds.js';
import { linkClaims } from './relate/link-claims.js';
import { buildReport, type IngestReport } from './report/report.js';
import { parseAliasTable, type AliasTable } from './resolve/aliases.js';
import { resolve } from './resolve/identity.js';

export type { IngestReport } from './report/report.js';

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
 * The whole ingest, without the database: parse → extract → resolve → relate. Paths may be
 * files or folders; a missing or unreadable one throws an Error naming it. The result is
 * deterministic: the same files give the same JSON.
 */
export async function buildGraph(
  paths: string[],
  opts: { log?: (m: string) => void; aliases?: AliasTable } = {},
): Promise<{ graph: Graph; report: IngestReport }> {
  const log = opts.log ?? (() => {});
  const aliases = opts.aliases ?? (await loadAliases());
  const inputs = await listInputs(paths);
  if (!inputs.length) throw new Error(`no Markdown files in ${paths.join(', ')}`);

  const docs: { doc: SourceDocument; overrides?: Overrides }[] = [];
  for (const file of inputs) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw new Error(`cannot read ${file}: ${(e as Error).message}`);
    }
    docs.push({ doc: parseMarkdown(basename(file), text), overrides: await readOverrides(file) });
  }
  const files = extractAll(docs).map((extraction, i) => {
    const source = docs[i].doc.source;
    log(`read ${source}: ${extraction.mentions.length} mentions, ${extraction.statements.length} statements, ${extraction.claims.length} sentence claims`);
    return { source, extraction };
  });
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
