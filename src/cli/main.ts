/**
 * `npx llm-lineage …` (or `npm run lineage -- …`): the GraphQL API from a terminal, over HTTP
 * like any other client (`--url`, default $LLM_LINEAGE_URL or http://localhost:4000). Each
 * command prints for people by default, `--json` for tools, `--csv` for spreadsheets and pandas.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, InvalidArgumentError, Option } from 'commander';
import { baseUrl, CliError, download, graphql } from './client.js';
import { columnsOf, csv, firstList, lineageRows, lineageTree, table, type Lineage } from './format.js';

interface Output {
  json?: boolean;
  csv?: boolean;
}

function depth(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10) throw new InvalidArgumentError('a whole number from 1 to 10');
  return n;
}

function first(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('a whole number from 1 to 100');
  return n;
}

function isoDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))?$/.test(value) || Number.isNaN(Date.parse(value))) throw new InvalidArgumentError('a date such as 2023-06-01 or 2023-06-01T12:00:00Z');
  return value.length === 10 ? `${value}T00:00:00Z` : value;
}

const program = new Command('llm-lineage')
  .description('Ask the llm-lineage server about large language models: lineage, search, paths, exports, changes.')
  .option('--url <url>', 'the server (default: $LLM_LINEAGE_URL or http://localhost:4000)')
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

/** --json and --csv, which every answering command takes. */
function outputs(command: Command): Command {
  return command
    .addOption(new Option('--json', 'print the answer as JSON').conflicts('csv'))
    .addOption(new Option('--csv', 'print the answer as CSV'));
}

const url = () => baseUrl(program.opts<{ url?: string }>().url);
const print = (text: string): void => {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
};

outputs(
  program
    .command('lineage')
    .argument('<name>', 'model name or alias, e.g. Vicuna')
    .description('a model\'s family tree: what it is built on, and what is built on it')
    .addOption(new Option('--direction <direction>', 'which way to walk').choices(['both', 'ancestors', 'descendants']).default('both'))
    .option('--depth <hops>', 'hops each way (1 to 10)', depth, 3),
).action(async (name: string, opts: Output & { direction: string; depth: number }) => {
  const data = await graphql<{ lineage: Lineage }>(
    url(),
    `query Lineage($name: String!, $direction: Direction!, $maxDepth: Int!) {
      lineage(name: $name, direction: $direction, maxDepth: $maxDepth) {
        root { id name } nodes { id name kind depth } edges { type source target derivedFrom } omitted
      }
    }`,
    { name, direction: opts.direction.toUpperCase(), maxDepth: opts.depth },
  );
  if (opts.json) return print(JSON.stringify(data.lineage, null, 2));
  if (opts.csv) return print(csv(lineageRows(data.lineage), ['name', 'id', 'relation', 'depth', 'direction']));
  print(lineageTree(data.lineage));
});

outputs(
  program
    .command('search')
    .argument('<text>', 'words to look for; typos are tolerated')
    .description('names of every kind that match, best first')
    .option('--kind <kind...>', 'only these kinds, e.g. model organization dataset')
    .option('--first <n>', 'how many at most (1 to 100)', first, 10),
).action(async (text: string, opts: Output & { kind?: string[]; first: number }) => {
  const data = await graphql<{ search: { name: string; kind: string; score: number; node: { id: string } }[] }>(
    url(),
    `query Search($text: String!, $kinds: [Kind!], $first: Int!) { search(query: $text, kinds: $kinds, first: $first) { name kind score node { id } } }`,
    { text, kinds: opts.kind?.map((k) => k.toUpperCase()) ?? null, first: opts.first },
  );
  const rows = data.search.map((h) => ({ name: h.name, kind: h.kind, score: Math.round(h.score * 100) / 100, id: h.node.id }));
  if (opts.json) return print(JSON.stringify(data.search, null, 2));
  if (opts.csv) return print(csv(rows, ['name', 'kind', 'score', 'id']));
  print(rows.length ? table(rows, ['name', 'kind', 'score', 'id']) : `nothing matches ${JSON.stringify(text)}`);
});

outputs(
  program
    .command('path')
    .argument('<from>', 'name of the start')
    .argument('<to>', 'name of the end')
    .description('the shortest path between two models (lineage relations unless --any)')
    .option('--any', 'walk every relation type (shared contributors, datasets …)'),
).action(async (from: string, to: string, opts: Output & { any?: boolean }) => {
  const data = await graphql<{ path: null | { length: number; nodes: { id: string; name: string }[]; edges: { type: string; source: string; target: string; derivedFrom: string }[] } }>(
    url(),
    `query Path($from: String!, $to: String!, $any: Boolean!) {
      path(from: $from, to: $to, anyRelation: $any) { length nodes { id name } edges { type source target derivedFrom } }
    }`,
    { from, to, any: Boolean(opts.any) },
  );
  if (opts.json) return print(JSON.stringify(data.path, null, 2));
  if (!data.path) throw new CliError(`no path between ${from} and ${to} within 10 hops${opts.any ? '' : ' over lineage relations (try --any)'}`);
  const { nodes, edges } = data.path;
  const rows = edges.map((e, i) => ({ from: nodes[i].name, relation: e.type, to: nodes[i + 1].name, direction: e.source === nodes[i].id ? 'forward' : 'backward', derivedFrom: e.derivedFrom }));
  if (opts.csv) return print(csv(rows, ['from', 'relation', 'to', 'direction', 'derivedFrom']));
  const hops = edges.map((e, i) => (e.source === nodes[i].id ? ` —${e.type}→ ` : ` ←${e.type}— `));
  print(`${nodes.map((n, i) => (i ? hops[i - 1] : '') + n.name).join('')}\n(${data.path.length} ${data.path.length === 1 ? 'hop' : 'hops'})`);
});

outputs(
  program
    .command('query')
    .argument('<file>', 'a file holding a GraphQL query, or - for standard input')
    .description('run any GraphQL query (see the schema in GraphiQL at /graphiql) and print its data')
    .option('--variables <json>', 'variables as JSON, or @file'),
).action(async (file: string, opts: Output & { variables?: string }) => {
  const readText = (path: string) => (path === '-' ? readStdin() : readFile(path, 'utf8').catch(() => { throw new CliError(`cannot read ${path}`); }));
  const query = await readText(file);
  let variables: Record<string, unknown> = {};
  if (opts.variables) {
    const text = opts.variables.startsWith('@') ? await readText(opts.variables.slice(1)) : opts.variables;
    try {
      variables = JSON.parse(text);
    } catch {
      throw new CliError('--variables must be a JSON object (or @file holding one)');
    }
  }
  const data = await graphql(url(), query, variables);
  if (opts.csv) {
    const rows = firstList(data);
    if (!rows) throw new CliError('--csv needs an answer with a list of objects in it');
    return print(csv(rows, columnsOf(rows)));
  }
  print(JSON.stringify(data, null, 2));
});

program
  .command('export')
  .description('download the graph, or one model\'s lineage subgraph (like GET /export)')
  .addOption(new Option('--format <format>', 'serialisation').choices(['node-link', 'graphml', 'csv']).default('node-link'))
  .option('--json', 'same as --format node-link')
  .option('--csv', 'same as --format csv')
  .addOption(new Option('--table <table>', 'for csv: which table').choices(['models', 'relations']).default('models'))
  .addOption(new Option('--orientation <orientation>', 'edges as the relation reads, or base → derived').choices(['relation', 'lineage']).default('relation'))
  .option('--name <model>', 'export this model\'s lineage subgraph only')
  .addOption(new Option('--direction <direction>', 'with --name: which way').choices(['both', 'ancestors', 'descendants']).default('both'))
  .option('--depth <hops>', 'with --name: hops (1 to 10)', depth, 3)
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .action(async (opts: Output & { format: string; table: string; orientation: string; name?: string; direction: string; depth: number; output?: string }) => {
    const format = opts.csv ? 'csv' : opts.json ? 'node-link' : opts.format;
    const params: Record<string, string> = { format, orientation: opts.orientation };
    if (format === 'csv') params.table = opts.table;
    if (opts.name) Object.assign(params, { name: opts.name, direction: opts.direction.toUpperCase(), maxDepth: String(opts.depth) });
    const content = await download(url(), params);
    if (opts.output) {
      await writeFile(opts.output, content);
      process.stderr.write(`wrote ${opts.output}\n`);
    } else print(content);
  });

interface Changes {
  source: string;
  from: { date: string; commit: string | null } | null;
  to: { date: string; commit: string | null } | null;
  added: { id: string; name: string; kind: string }[];
  removed: { id: string; name: string; kind: string }[];
  renamed: { from: string; to: string; repository: string | null; node: { id: string } }[];
  changed: { node: { id: string; name: string }; type: string; added: { name: string }[]; removed: { name: string }[] }[];
}

outputs(
  program
    .command('changes')
    .argument('<source>', 'a list file, as the server names it (see: query sources)')
    .description('what a list changed between two of its versions: added, removed, renamed, new facts')
    .option('--since <date>', 'compare from the version current at this date (ISO 8601); from the first when omitted', isoDate)
    .option('--until <date>', 'compare to the version current at this date; to the current one when omitted', isoDate)
    .option('--kind <kind...>', 'only nodes of these kinds, e.g. model dataset'),
).action(async (source: string, opts: Output & { since?: string; until?: string; kind?: string[] }) => {
  const data = await graphql<{ changes: Changes }>(
    url(),
    `query Changes($source: String!, $since: DateTime, $until: DateTime, $kinds: [Kind!]) {
      changes(source: $source, since: $since, until: $until) {
        source from { date commit } to { date commit }
        added(kinds: $kinds) { id name kind } removed(kinds: $kinds) { id name kind }
        renamed { from to repository node { id } }
        changed { node { id name } type added { name } removed { name } }
      }
    }`,
    { source, since: opts.since ?? null, until: opts.until ?? null, kinds: opts.kind?.map((k) => k.toUpperCase()) ?? null },
  );
  const c = data.changes;
  if (opts.json) return print(JSON.stringify(c, null, 2));
  const rows = [
    ...c.added.map((n) => ({ change: 'added', kind: n.kind, name: n.name, detail: '', id: n.id })),
    ...c.removed.map((n) => ({ change: 'removed', kind: n.kind, name: n.name, detail: '', id: n.id })),
    ...c.renamed.map((r) => ({ change: 'renamed', kind: '', name: r.to, detail: `was ${r.from}`, id: r.node.id })),
    ...c.changed.map((f) => ({
      change: 'changed',
      kind: f.type,
      name: f.node.name,
      detail: [...f.added.map((n) => `+${n.name}`), ...f.removed.map((n) => `-${n.name}`)].join(' '),
      id: f.node.id,
    })),
  ];
  if (opts.csv) return print(csv(rows, ['change', 'kind', 'name', 'detail', 'id']));
  const version = (v: Changes['from']) => (v ? `${v.date.slice(0, 10)}${v.commit ? ` (${v.commit.slice(0, 10)})` : ''}` : 'nothing');
  const head = `${c.source}: ${version(c.from)} → ${version(c.to)}`;
  print(rows.length ? `${head}\n${table(rows, ['change', 'kind', 'name', 'detail'])}` : `${head}\nno changes`);
});

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.stderr.write(`llm-lineage: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
