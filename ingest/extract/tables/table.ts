import type { Table, TableCell, TableRow } from 'mdast';
import type { NodeLabel } from '../../graph/types.js';
import { LEXICON, type SubjectKind } from '../../lexicon/lexicon.js';
import { cleanText } from '../../names/text.js';
import { categoryFor, placeSection, type SectionPath } from '../categories.js';
import type { ReadContext } from '../context.js';
import { noteSectionDerivation } from '../derivation.js';
import { enclosingGroup } from '../groups.js';
import { entryMention } from '../mentions.js';
import { callsItAModel, isModelPage } from '../model-evidence.js';
import { readNames, type NamePiece } from '../cells.js';
import { richText, sliceRich } from '../rich-text.js';
import { describeClaims } from '../prose/claims.js';
import { sectionKind } from '../section-kinds.js';
import { provenance, type Place, type Sink } from '../sink.js';
import type { Mention, RichText } from '../types.js';
import { assignColumns, type Column } from './columns.js';
import { readPaperRow } from './paper-rows.js';
import { readRowFacts } from './row-facts.js';

/** Sections whose `project` rows are software (engines, frameworks) even when a base model is given. */
const SOFTWARE_SECTION = /inference|framework|toolkit|platform|implementation/i;

function subjectLabel(kind: SubjectKind, hasBase: boolean, section: string[]): { label: NodeLabel; certain: boolean } {
  switch (kind) {
    case 'model':
      return { label: 'Model', certain: true };
    case 'project':
      return hasBase && !SOFTWARE_SECTION.test(section.join(' ')) ? { label: 'Model', certain: true } : { label: 'Project', certain: true };
    case 'method':
      // Evaluation "methods" include models used as judges (`GPT-4/ChatGPT`): join what they name.
      return { label: 'Method', certain: !/evaluation/i.test(section.join(' ')) };
    case 'data':
      return { label: 'Dataset', certain: true };
    case 'benchmark':
      return { label: 'Benchmark', certain: true };
  }
}

const LABEL_KIND: Partial<Record<NodeLabel, SubjectKind>> = { Model: 'model', Project: 'project', Method: 'method', Dataset: 'data', Benchmark: 'benchmark' };

/** One row as the readers of its cells see it. */
export interface Row {
  row: TableRow;
  place: Place;
  cell(column: Column | undefined): TableCell | null;
  rich(column: Column | undefined): RichText | null;
}

/**
 * Reads one GFM table: each column gets a role (from its header, else from its values), the
 * subject column gives entries, and the other columns the references, facts and statements
 * about them. A table without a subject column whose rows are papers (a `Paper` column beside
 * `keywords`) is read as papers and the models they name. Every value keeps the row's line and
 * the column it came from; how each column was read goes to the reading report.
 */
/**
 * `| Feature | Value |` with `| **Parameters** | 7B |`, `| **License** | MIT |` rows: two columns
 * whose first holds the keys a list item's sub-items use. Its values are facts of one thing, not
 * things, so it is no table of models.
 */
function isRecordTable(headers: string[], cellsOf: RichText[][]): boolean {
  if (headers.length !== 2 || cellsOf.length < 3) return false;
  const firsts = cellsOf.map((r) => r[0] ?? { text: '', links: [], bold: [] });
  const keyOf = (c: RichText) => cleanText(c.text).replace(/[:：]$/, '');
  const known = firsts.filter((c) => !!keyOf(c) && (LEXICON.keyRole(keyOf(c)) !== null || LEXICON.headerRole(keyOf(c)) !== null)).length;
  // Keys written bold (`**Parameters**`), or a header that says the other column holds values.
  const bold = firsts.filter((c) => c.text.trim() && c.bold.some((b) => b.start <= c.text.search(/\S/) && b.end >= c.text.trimEnd().length)).length;
  const valueHeader = LEXICON.recordValueHeaders.has(headers[1].normalize('NFKC').trim().toLowerCase());
  return known / firsts.length >= 0.5 || (known / firsts.length >= 0.2 && (valueHeader || bold / firsts.length >= 0.8));
}

/**
 * `TigerBot: A multi-language multi-task LLM`, `LaWGPT: 基于中文法律知识的大语言模型`: a name cell
 * that goes on to say what the model is. The name ends at the first colon outside brackets that a
 * space or CJK text follows (`llama3:8b` is one name); what follows is read as its description.
 */
function nameAndGloss(rich: RichText): { name: RichText; gloss: RichText | null } {
  let depth = 0;
  for (let i = 0; i < Math.min(rich.text.length, 60); i++) {
    const ch = rich.text[i];
    if ('([（【'.includes(ch)) depth++;
    else if (')]）】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (ch === ':' || ch === '：') && i > 0) {
      const rest = rich.text.slice(i + 1);
      if (!/^(?:\s|[\u3040-\u30ff\u3400-\u9fff])/.test(rest) || cleanText(rest).length < 6) return { name: rich, gloss: null };
      return { name: sliceRich(rich, 0, i), gloss: sliceRich(rich, i + 1, rich.text.length) };
    }
  }
  return { name: rich, gloss: null };
}

export function extractTable(sink: Sink, table: Table, at: SectionPath, ctx: ReadContext): void {
  const [head, ...rows] = table.children;
  const tableLine = table.position?.start.line ?? 0;
  const section = placeSection(at);
  const tablePlace: Place = { source: sink.source, line: tableLine, section };
  // `入出力で扱える<br>トークン数`: a header's line breaks are spaces.
  const headers = head.children.map((c) => cleanText(richText(c.children).text));
  const cellsOf = rows.map((r) => r.children.map((c) => richText(c.children)));
  if (isRecordTable(headers, cellsOf)) {
    sink.reading({ line: tableLine, section, block: 'table', shape: 'record of one thing (a key, then its value), not read', parts: [] });
    sink.note('skipped', tablePlace, headers.join(' | '), 'a record of one thing: its rows are keys and values, not things');
    return;
  }
  const sectionLabel = sectionKind(at.section);
  const shape = assignColumns(
    headers,
    headers.map((_, i) => cellsOf.map((r) => r[i] ?? { text: '', links: [], bold: [] })),
    { known: ctx.known, overrides: ctx.overrides.columns, sectionKind: typeof sectionLabel === 'object' && sectionLabel ? (LABEL_KIND[sectionLabel.label] ?? null) : null },
  );
  const group = enclosingGroup(at, ctx.known, (label, line) => ctx.overrides.blocks.get(String(line)) ?? ctx.overrides.blocks.get(label.toLowerCase()));
  const byRole = (role: Column['role']) => shape.columns.find((c) => c.role === role);
  const paperColumn = byRole('paper');
  const plural: Record<SubjectKind, string> = { model: 'models', project: 'projects', method: 'methods', data: 'datasets', benchmark: 'benchmarks' };
  const readAs = shape.subject ? `table of ${plural[shape.subject.kind ?? shape.defaultKind ?? 'model']}` : paperColumn ? 'table of papers and the models they name' : 'not read';
  sink.reading({
    line: tableLine,
    section,
    block: 'table',
    shape: group ? `${readAs}, in ${group.why}` : readAs,
    parts: shape.columns.map((c) => ({ name: c.header || `(column ${c.index + 1}, no header)`, role: c.role === 'subject' ? `subject (${c.kind ?? shape.defaultKind})` : c.role, why: c.why, detail: c.detail })),
  });
  for (const c of shape.columns) {
    if (c.role === null && (c.header || cellsOf.some((r) => cleanText(r[c.index]?.text ?? '')))) {
      sink.note('skipped', tablePlace, c.header || `(column ${c.index + 1})`, `column not read: ${c.detail}`);
    }
  }

  const rowOf = (row: TableRow): Row => {
    const place: Place = { source: sink.source, line: row.position?.start.line ?? tableLine, section };
    return {
      row,
      place,
      cell: (column) => (column ? (row.children[column.index] ?? null) : null),
      rich: (column) => (column && row.children[column.index] ? richText(row.children[column.index].children) : null),
    };
  };

  if (!shape.subject) {
    if (paperColumn) {
      const category = categoryFor(sink, at);
      for (const row of rows) readPaperRow(sink, rowOf(row), shape.columns, { category, group, known: ctx.known });
      return;
    }
    sink.note('skipped', tablePlace, headers.map((h) => cleanText(h)).join(' | '), 'table has no model, project, method, data or benchmark column');
    return;
  }

  const kind = shape.subject.kind!;
  const hasBase = shape.columns.some((c) => c.role === 'base');
  const { label, certain } = subjectLabel(kind, hasBase, at.section);
  const category = categoryFor(sink, at);
  const featureColumn = byRole('description');

  for (const tableRow of rows) {
    const row = rowOf(tableRow);
    const cellRich = row.rich(shape.subject);
    if (!cellRich) continue;
    const { name: subjectRich, gloss } = nameAndGloss(cellRich);
    const reading = readNames(subjectRich, undefined, { repoIds: true });
    for (const p of reading.placeholders) sink.note('placeholder', row.place, p, `placeholder in "${shape.subject.header}"`);
    if (!reading.pieces.length) continue;
    const subjectProv = provenance(row.place, 'table', { column: shape.subject.header || 'name' });
    const featureRich = row.rich(featureColumn);
    const featureText = featureRich ? cleanText(featureRich.text.replace(/\n/g, ' ')) : '';
    // A method or project row whose own description calls it a model, or whose link is a model
    // page, is a model (LongChat, Llama-2-7B-32K-Instruct, Giraffe under "Extending Context Window").
    const kindOf = (p: NamePiece) =>
      (kind === 'method' || (kind === 'project' && !SOFTWARE_SECTION.test(at.section.join(' ')))) &&
      label !== 'Model' &&
      (callsItAModel(p.name, featureText) || isModelPage(p.url))
        ? { label: 'Model' as NodeLabel, certain: true }
        : { label, certain };
    const subjects: Mention[] = reading.pieces.map((p) => entryMention(sink, p, kindOf(p).label, kindOf(p).certain, subjectProv, row.place));
    for (const s of subjects) if (category) sink.statement('IN_CATEGORY', s, category, subjectProv);
    noteSectionDerivation(subjects, sink.source, at);
    if (gloss) {
      for (const s of subjects) s.props.mainFeature ??= cleanText(gloss.text);
      describeClaims(sink, gloss, subjects, row.place);
    }
    readRowFacts(sink, row, shape.columns, subjects, { group, known: ctx.known });
  }
}

/** A yes/no mark of a flag column, through the lexicon (`✅`, `&#x2716;`, `yes`, `◯`). */
export function readMark(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (LEXICON.yes.has(v)) return true;
  if (LEXICON.no.has(v)) return false;
  return null;
}
