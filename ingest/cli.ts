/**
 * `npm run ingest -- [--dry-run] [--json] [--report] [paths…]` (default: data/corpus).
 *
 *   --dry-run   build the graph without touching Neo4j
 *   --json      print the graph as JSON on stdout (with --report: the report as JSON)
 *   --report    print the maintainers' report on stdout: unresolved names, merges by rule,
 *               cells that could not be read, each with file and line
 *
 * Without --dry-run the graph is loaded into Neo4j (NEO4J_URI, or the embedded one). Progress
 * goes to stderr, so stdout carries only what was asked for.
 */
import { fileURLToPath } from 'node:url';
import { buildGraph } from './pipeline.js';
import { formatReport } from './report/format.js';

export const DEFAULT_CORPUS = fileURLToPath(new URL('../data/corpus', import.meta.url));

export interface CliOptions {
  dryRun: boolean;
  json: boolean;
  report: boolean;
  help: boolean;
  paths: string[];
}

export class UsageError extends Error {}

export const USAGE = 'usage: npm run ingest -- [--dry-run] [--json] [--report] [files or folders…]  (default: data/corpus)';

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { dryRun: false, json: false, report: false, help: false, paths: [] };
  let onlyPaths = false;
  for (const arg of argv) {
    if (onlyPaths || !arg.startsWith('-') || arg === '-') opts.paths.push(arg);
    else if (arg === '--') onlyPaths = true;
    else if (arg === '--dry-run') opts.dryRun = true;
    else if (arg === '--json') opts.json = true;
    else if (arg === '--report') opts.report = true;
    else if (arg === '--help' || arg === '-h') opts.help = true;
    else throw new UsageError(`unknown option: ${arg}`);
  }
  if (!opts.paths.length) opts.paths = [DEFAULT_CORPUS];
  return opts;
}

const log = (m: string) => process.stderr.write(`[ingest] ${m}\n`);

async function load(graph: Parameters<typeof import('./load/load.js').loadGraph>[1]): Promise<void> {
  const { provideNeo4j } = await import('../src/neo4j/provide.js');
  const { createDriver, waitForNeo4j } = await import('../src/neo4j/driver.js');
  const { loadGraph } = await import('./load/load.js');
  const neo4j = await provideNeo4j({ log });
  let driver: ReturnType<typeof createDriver> | undefined;
  try {
    driver = createDriver(neo4j.settings);
    await waitForNeo4j(driver, 60_000);
    const result = await loadGraph(driver, graph, { log, database: neo4j.settings.database });
    log(`loaded ${result.nodes} nodes and ${result.relationships} relationships`);
  } finally {
    await driver?.close();
    await neo4j.stop();
  }
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
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    const { graph, report } = await buildGraph(opts.paths, { log });
    if (opts.json && opts.report) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else if (opts.json) process.stdout.write(`${JSON.stringify(graph, null, 2)}\n`);
    else if (opts.report) process.stdout.write(formatReport(report));
    else if (opts.dryRun) {
      const counts = (c: Record<string, number>) => Object.entries(c).map(([k, v]) => `${k} ${v}`).join(', ');
      process.stdout.write(`${graph.nodes.length} nodes (${counts(report.nodes)})\n${graph.edges.length} edges (${counts(report.edges)})\n`);
    }
    if (!opts.dryRun) await load(graph);
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
