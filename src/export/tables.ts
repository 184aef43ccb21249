import type { NodeRecord } from '../records/node-record.js';
import { neighbours } from '../queries/edges.js';
import type { CypherRunner } from '../queries/runner.js';
import { edgeAttributes, ends, modelFacts, type Orientation, type Subgraph } from './subgraph.js';

/** The flat tables of an export: one row per model with its facts, or one row per relation. */
export type ExportTable = 'MODELS' | 'RELATIONS';

/** Model columns filled from a model's outgoing relations: column → relation type. */
const RELATED_COLUMNS: [string, string][] = [
  ['contributors', 'FROM_CONTRIBUTOR'],
  ['basedOn', 'BASED_ON'],
  ['variantOf', 'VARIANT_OF'],
  ['licenses', 'HAS_LICENSE'],
  ['languages', 'HAS_LANGUAGE'],
  ['domains', 'IN_DOMAIN'],
  ['datasets', 'TRAINED_WITH'],
  ['methods', 'USES_METHOD'],
  ['categories', 'IN_CATEGORY'],
];

export const MODEL_COLUMNS = [
  'id', 'name', 'aliases', 'url', 'releaseDate', 'parameters', 'contextLength',
  ...RELATED_COLUMNS.map(([column]) => column), 'mainFeature', 'mentions', 'sources',
];
export const RELATION_COLUMNS = [
  'id', 'type', 'source', 'sourceName', 'target', 'targetName', 'derivedFrom', 'derivationKinds', 'derivationMethods', 'sources',
];

type Cell = string | number | string[] | number[];

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. Lists are JSON. */
function field(value: Cell): string {
  const text = Array.isArray(value) ? JSON.stringify(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(columns: string[], rows: Record<string, Cell>[]): string {
  return [columns.join(','), ...rows.map((row) => columns.map((c) => field(row[c] ?? '')).join(','))].join('\r\n') + '\r\n';
}

/**
 * The models of the subgraph, each with its facts: the names of its contributors, bases,
 * licenses, languages… (read in one query, whatever relations the subgraph itself holds).
 */
async function modelRows(runner: CypherRunner, graph: Subgraph): Promise<Record<string, Cell>[]> {
  const models = graph.nodes.filter((n) => n.label === 'Model');
  const hops = await neighbours(runner, models.map((m) => m.id), 'OUTGOING', RELATED_COLUMNS.map(([, type]) => type));
  const related = new Map<string, Map<string, string[]>>();
  for (const hop of hops) {
    const byType = related.get(hop.from) ?? new Map<string, string[]>();
    related.set(hop.from, byType);
    byType.set(hop.edge.type, [...(byType.get(hop.edge.type) ?? []), hop.node.name]);
  }
  return models
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
    .map((m: NodeRecord) => ({
      id: m.id,
      name: m.name,
      aliases: m.aliases,
      url: typeof m.props.url === 'string' ? m.props.url : '',
      ...modelFacts(m),
      ...Object.fromEntries(RELATED_COLUMNS.map(([column, type]) => [column, related.get(m.id)?.get(type) ?? []])),
      mainFeature: typeof m.props.mainFeature === 'string' ? m.props.mainFeature : '',
      mentions: m.mentions,
      sources: m.provenance.map((p) => `${p.source}:${p.line}`),
    }));
}

function relationRows(graph: Subgraph, orientation: Orientation): Record<string, Cell>[] {
  const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
  return graph.edges
    .map((e) => {
      const { source, target } = ends(e, orientation);
      return { id: e.id, ...edgeAttributes(e), source, sourceName: names.get(source) ?? '', target, targetName: names.get(target) ?? '' };
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** One CSV table of the subgraph, for pandas `read_csv` and spreadsheets. */
export async function toCsv(runner: CypherRunner, graph: Subgraph, table: ExportTable, orientation: Orientation): Promise<{ content: string; rows: number }> {
  const rows = table === 'MODELS' ? await modelRows(runner, graph) : relationRows(graph, orientation);
  return { content: csv(table === 'MODELS' ? MODEL_COLUMNS : RELATION_COLUMNS, rows), rows: rows.length };
}
