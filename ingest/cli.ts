/**
 * `npm run ingest -- [options] [files or folders…]`: lists into the Neo4j store (NEO4J_URI, or
 * the embedded one), or with --dry-run into JSON or a report. Progress goes to stderr, so
 * stdout carries only what was asked for: the graph, the report, or what the ingest changed.
 */
import { fileURLToPath } from 'node:url';
import { Command, CommanderError, Option } from 'commander';
import { buildGraph } from './pipeline.js';
import { formatReport } from './report/format.js';
import type { LoadResult } from './load/load.js';
import type { HistoryStep } from './history/history.js';

export const DEFAULT_CORPUS = fileURLToPath(new URL('../data/corpus', import.meta.url));

export interface CliOptions {
  dryRun: boolean;
  json: boolean;
  report: boolean;
  replace: boolean;
  remove: string[];
  history: string | null;
  file: string;
  help: boolean;
  paths: string[];
}

export class UsageError extends Error {}

function program(): Command {
  return new Command('npm run ingest --')
    .description(
      'Ingest Markdown lists into the graph. Each file is a source: ingesting one replaces that source\'s facts ' +
        'and keeps every other source\'s. Without files, data/corpus.',
    )
    .argument('[paths...]', 'Markdown files, or folders (every *.md in them)')
    .option('--dry-run', 'build the graph of the given files without touching Neo4j')
    .option('--json', 'print JSON on stdout: the graph (--dry-run), the report (--report), or what changed')
    .option('--report', 'print the maintainers\' report: unresolved names, merges by rule, cells not read')
    .option('--replace', 'make the graph exactly the given files: every other stored source is removed')
    .addOption(new Option('--remove <file>', 'remove a stored source by file name (repeatable)').argParser((v: string, all: string[] = []) => [...all, v]))
    .option('--history <clone>', 'ingest every committed version of a list in a git clone, oldest first')
    .option('--file <path>', 'with --history: the list\'s path inside the clone', 'README.md')
    .helpOption('-h, --help', 'show this help')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, writeOut: () => {} })
    .allowExcessArguments(false);
}

export const HELP = program().helpInformation();
export const USAGE = 'usage: npm run ingest -- [options] [files or folders…]  (npm run ingest -- --help for the options)';

export function parseArgs(argv: string[]): CliOptions {
  const cmd = program();
  try {
    cmd.parse(argv, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError && (e.code === 'commander.helpDisplayed' || e.code === 'commander.help')) {
      return { dryRun: false, json: false, report: false, replace: false, remove: [], history: null, file: 'README.md', help: true, paths: [] };
    }
    if (e instanceof CommanderError) throw new UsageError(e.message.replace(/^error: /, ''));
    throw e;
  }
  const o = cmd.opts<{ dryRun?: boolean; json?: boolean; report?: boolean; replace?: boolean; remove?: string[]; history?: string; file: string }>();
  const opts: CliOptions = {
    dryRun: Boolean(o.dryRun),
    json: Boolean(o.json),
    report: Boolean(o.report),
    replace: Boolean(o.replace),
    remove: o.remove ?? [],
    history: o.history ?? null,
    file: o.file,
    help: false,
    paths: cmd.args,
  };
  if (cmd.getOptionValueSource('file') === 'cli' && !opts.history) throw new UsageError('--file goes with --history <clone>');
  if (opts.history && (opts.paths.length || opts.remove.length || opts.replace)) {
    throw new UsageError('--history takes no files, --remove or --replace: it ingests the versions of one list');
  }
  if (opts.dryRun && (opts.history || opts.remove.length || opts.replace)) {
    throw new UsageError('--dry-run builds the graph of files only; --history, --remove and --replace act on the stored graph');
  }
  if (opts.remove.length && opts.replace) throw new UsageError('--replace already removes every source not given; drop --remove');
  if (!opts.paths.length && !opts.remove.length && !opts.history) opts.paths = [DEFAULT_CORPUS];
  return opts;
}

const log = (m: string) => process.stderr.write(`[ingest] ${m}\n`);

/** INGEST_BATCH_ROWS: rows per write transaction (default 10,000; smaller for a database short of memory). */
function batchRows(): number | undefined {
  const raw = process.env.INGEST_BATCH_ROWS;
  if (!raw) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`INGEST_BATCH_ROWS must be a whole number of rows, not ${JSON.stringify(raw)}`);
  return n;
}

/** What an ingest changed, in a few lines: totals, then per source. */
export function formatChanges(result: LoadResult): string {
  if (!result.changed) return `nothing changed: generation ${result.generation} already states these lists (${result.nodes} nodes, ${result.relationships} relations)\n`;
  const c = (x: { added: number; removed: number; changed: number }) => `+${x.added} -${x.removed} ~${x.changed}`;
  const { nodes, edges } = result.summary;
  const lines = [
    `generation ${result.generation}: ${result.nodes} nodes, ${result.relationships} relations`,
    `  all sources: nodes ${c(nodes)}, relations ${c(edges)}  (+ added, - removed, ~ changed)`,
  ];
  const status = (s: string) =>
    result.sources.added.includes(s) ? 'new' : result.sources.updated.includes(s) ? 'new version' : result.sources.removed.includes(s) ? 'removed' : 'unchanged';
  for (const [source, counts] of [...result.summary.bySource].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${source} (${status(source)}): nodes ${c(counts.nodes)}, relations ${c(counts.edges)}`);
  }
  for (const s of result.sources.removed) if (!result.summary.bySource.has(s)) lines.push(`  ${s} (removed): nothing else changed`);
  return `${lines.join('\n')}\n`;
}

function changesJson(result: LoadResult) {
  return {
    generation: result.generation,
    changed: result.changed,
    nodes: result.nodes,
    relations: result.relationships,
    sources: result.sources,
    totals: { nodes: result.summary.nodes, relations: result.summary.edges },
    bySource: Object.fromEntries([...result.summary.bySource].map(([s, c]) => [s, { nodes: c.nodes, relations: c.edges }])),
  };
}

async function withStore<T>(work: (driver: import('neo4j-driver').Driver, database: string | undefined) => Promise<T>): Promise<T> {
  const { provideNeo4j } = await import('../src/neo4j/provide.js');
  const { createDriver, waitForNeo4j } = await import('../src/neo4j/driver.js');
  const neo4j = await provideNeo4j({ log });
  let driver: ReturnType<typeof createDriver> | undefined;
  try {
    driver = createDriver(neo4j.settings);
    await waitForNeo4j(driver, 60_000);
    return await work(driver, neo4j.settings.database);
  } finally {
    await driver?.close();
    await neo4j.stop();
  }
}

/** The ingest into the store; what changed goes to `out` (stdout, or stderr after a report). */
async function run(opts: CliOptions, out: (text: string) => void): Promise<void> {
  if (opts.history) {
    const { ingestHistory } = await import('./history/history.js');
    const steps: HistoryStep[] = await withStore((driver, database) => ingestHistory(driver, opts.history!, opts.file, { log, database, batchSize: batchRows() }));
    const applied = steps.filter((s) => s.result?.changed);
    if (opts.json) {
      out(`${JSON.stringify(steps.map((s) => ({ commit: s.version.commit, date: s.version.date, skipped: s.skipped ?? null, changes: s.result ? changesJson(s.result) : null })), null, 2)}\n`);
      return;
    }
    const skipped = steps.filter((s) => s.skipped && s.skipped !== 'already in the store').length;
    const known = steps.filter((s) => s.skipped === 'already in the store').length;
    out(`${steps.length} versions of ${opts.file}: ${applied.length} ingested, ${known} already in the store, ${skipped} skipped\n`);
    const last = [...steps].reverse().find((s) => s.result)?.result;
    if (last) out(formatChanges(last));
    return;
  }

  const { readInputs } = await import('./pipeline.js');
  const { ingestSources } = await import('./load/ingest.js');
  const documents = opts.paths.length ? await readInputs(opts.paths, { warn: (m) => log(`warning: ${m}`) }) : [];
  const result = await withStore((driver, database) =>
    ingestSources(driver, { add: documents, remove: opts.remove, replace: opts.replace }, { log, database, batchSize: batchRows() }),
  );
  out(opts.json ? `${JSON.stringify(changesJson(result), null, 2)}\n` : formatChanges(result));
}

export async function main(argv: string[]): Promise<number> {
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n${USAGE}\n`);
    return 2;
  }
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    if (opts.dryRun) {
      const { graph, report } = await buildGraph(opts.paths, { log });
      if (opts.json && opts.report) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      else if (opts.json) process.stdout.write(`${JSON.stringify(graph, null, 2)}\n`);
      else if (opts.report) process.stdout.write(formatReport(report));
      else {
        const counts = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
        process.stdout.write(`${graph.nodes.length} nodes (${counts(report.nodes)})\n${graph.edges.length} edges (${counts(report.edges)})\n`);
      }
      return 0;
    }
    if (opts.report) {
      const { report } = await buildGraph(opts.paths, { log });
      process.stdout.write(opts.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
    }
    const stdout = (text: string) => process.stdout.write(text);
    const stderr = (text: string) => process.stderr.write(text);
    await run({ ...opts, json: opts.json && !opts.report }, opts.report ? stderr : stdout);
    return 0;
  } catch (e) {
    process.stderr.write(`ingest failed: ${(e as Error).message}\n`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
