import type { Graph } from '../graph/types.js';
import type { BlockReading, Extraction, Note } from '../extract/types.js';
import type { Resolution } from '../resolve/entity.js';
import type { UnlinkedClaim } from '../relate/link-claims.js';

/** One place in a list a maintainer may want to look at. */
export interface ReportItem {
  source: string;
  line: number;
  section: string[];
  text: string;
  reason: string;
}

export interface MergeReport {
  rule: string;
  /** Nodes where this rule joined different spellings, with where each spelling first appears. */
  merges: { id: string; names: string[]; at: string[] }[];
}

/** What `--report` prints for list maintainers. */
export interface IngestReport {
  files: { source: string; mentions: number; statements: number; claims: number }[];
  nodes: Record<string, number>;
  edges: Record<string, number>;
  /** Names that joined nothing: a paper title's subject, a name in a sentence, an ambiguous name. */
  unresolved: ReportItem[];
  merges: MergeReport[];
  /** Cells, items and columns that could not be read as names. */
  unreadable: ReportItem[];
  /** Placeholder values dropped (`-`, `not clear`, `etc.`), counted by spelling. */
  placeholders: { text: string; count: number }[];
  /** How each table and list block was read: its shape, and the role of each column or key and why. */
  readings: BlockReading[];
}

const item = (n: Note): ReportItem => ({ source: n.source, line: n.line, section: n.section, text: n.text, reason: n.reason });

function countBy<T>(list: T[], key: (t: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of list) out[key(t)] = (out[key(t)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function buildReport(files: { source: string; extraction: Extraction }[], res: Resolution, unlinked: UnlinkedClaim[], graph: Graph): IngestReport {
  const notes = files.flatMap((f) => f.extraction.notes);
  const unresolved: ReportItem[] = [
    ...res.unresolved.map((m) => ({ ...m.provenance, text: m.name, reason: 'named only here; matches nothing the lists name elsewhere' })),
    ...res.ambiguous.map((a) => ({ ...a.mention.provenance, text: a.mention.name, reason: `ambiguous: could be ${a.candidates.join(' or ')}` })),
    ...unlinked.map((u) => ({ ...u.claim.provenance, text: u.text, reason: `named in a sentence (${u.claim.relation}) but not listed anywhere` })),
  ].map((r) => ({ source: r.source, line: r.line, section: r.section, text: r.text, reason: r.reason }));

  const entities = new Map(res.entities.map((e) => [e.id, e]));
  const firstPlace = (id: string, spelling: string) => {
    const m = entities.get(id)?.mentions.find((x) => x.name === spelling || x.alsoKnownAs?.includes(spelling));
    return m ? `${m.provenance.source}:${m.provenance.line}` : '';
  };
  const rules = new Map<string, MergeReport['merges']>();
  for (const n of graph.nodes) {
    for (const m of n.merges) {
      const at = [...new Set(m.names.map((s) => firstPlace(n.id, s)).filter(Boolean))];
      rules.set(m.rule, [...(rules.get(m.rule) ?? []), { id: n.id, names: m.names, at }]);
    }
  }
  const placeholders = countBy(notes.filter((n) => n.kind === 'placeholder'), (n) => n.text);
  const order = (a: ReportItem, b: ReportItem) => a.source.localeCompare(b.source) || a.line - b.line || a.text.localeCompare(b.text);
  return {
    files: files.map((f) => ({
      source: f.source,
      mentions: f.extraction.mentions.length,
      statements: f.extraction.statements.length,
      claims: f.extraction.claims.length,
    })),
    nodes: countBy(graph.nodes, (n) => n.label),
    edges: countBy(graph.edges, (e) => e.type),
    unresolved: unresolved.sort(order),
    merges: [...rules].map(([rule, merges]) => ({ rule, merges })).sort((a, b) => a.rule.localeCompare(b.rule)),
    unreadable: notes.filter((n) => n.kind !== 'placeholder').map(item).sort(order),
    placeholders: Object.entries(placeholders).map(([text, count]) => ({ text, count })),
    readings: files.flatMap((f) => f.extraction.readings),
  };
}
