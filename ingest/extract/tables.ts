import type { Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { NodeLabel } from '../graph/types.js';
import { arxivId } from '../names/links.js';
import { isGenericArchitecture, isLanguageCode } from '../names/placeholders.js';
import { cleanText } from '../names/text.js';
import { categoryFor, type SectionPath } from './categories.js';
import { readNames, type NamePiece } from './cells.js';
import { columnRole, type ColumnRole, type SubjectKind } from './columns.js';
import { callsItAModel, isModelPage } from './model-evidence.js';
import { describeClaims } from './prose/claims.js';
import { richText } from './rich-text.js';
import { provenance, type Place, type Sink } from './sink.js';
import type { Mention, Role } from './types.js';

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

const MULTI_MODAL_YES = /^(?:✅|✔|✔️|yes|y|true)$/i;
const MULTI_MODAL_NO = /^(?:✖|✖️|❌|✗|no|n|false)$/i;

interface Column {
  index: number;
  header: string;
  role: ColumnRole;
}

/**
 * Reads one GFM table: the subject column gives entries, the other recognised columns give
 * references and the statements between them. Every value keeps the row's line and the
 * column it came from.
 */
export function extractTable(sink: Sink, table: Table, at: SectionPath): void {
  const [head, ...rows] = table.children;
  const tableLine = table.position?.start.line ?? 0;
  const tablePlace: Place = { source: sink.source, line: tableLine, section: at.section };
  const columns: Column[] = [];
  let subjectKind: SubjectKind | undefined;
  head.children.forEach((cell, index) => {
    const header = cleanText(toString(cell));
    const role = columnRole(header);
    if (!role) {
      sink.note('skipped', tablePlace, header, 'column header not recognised; its values are not read');
      return;
    }
    if (role.role === 'subject') {
      if (subjectKind) return sink.note('skipped', tablePlace, header, 'second subject column; only the first is read');
      subjectKind = role.subject;
    }
    columns.push({ index, header, role: role.role });
  });
  if (!subjectKind) {
    sink.note('skipped', tablePlace, head.children.map((c) => cleanText(toString(c))).join(' | '), 'table has no model, project, method, data or benchmark column');
    return;
  }
  const hasBase = columns.some((c) => c.role === 'base');
  const { label, certain } = subjectLabel(subjectKind, hasBase, at.section);
  const category = categoryFor(sink, at);

  for (const row of rows) {
    const place: Place = { source: sink.source, line: row.position?.start.line ?? tableLine, section: at.section };
    const cell = (role: ColumnRole): { cell: TableCell; column: Column } | null => {
      const column = columns.find((c) => c.role === role);
      const c = column ? row.children[column.index] : undefined;
      return column && c ? { cell: c, column } : null;
    };
    const read = (role: ColumnRole) => {
      const found = cell(role);
      if (!found) return null;
      const reading = readNames(richText(found.cell.children));
      for (const p of reading.placeholders) sink.note('placeholder', place, p, `placeholder in "${found.column.header}"`);
      return { ...reading, column: found.column.header };
    };

    const subjectCell = read('subject');
    if (!subjectCell || subjectCell.pieces.length === 0) continue;
    const tableProv = (column: string) => provenance(place, 'table', { column });
    const featureCell = cell('mainFeature');
    const featureText = featureCell ? cleanText(richText(featureCell.cell.children).text.replace(/\n/g, ' ')) : '';
    // A method or project row whose own description calls it a model, or whose link is a model
    // page, is a model (LongChat, Llama-2-7B-32K-Instruct, Giraffe under "Extending Context Window").
    const kindOf = (p: NamePiece) =>
      (subjectKind === 'method' || (subjectKind === 'project' && !SOFTWARE_SECTION.test(at.section.join(' ')))) &&
      label !== 'Model' &&
      (callsItAModel(p.name, featureText) || isModelPage(p.url))
        ? { label: 'Model' as NodeLabel, certain: true }
        : { label, certain };
    const subjects = subjectCell.pieces.map((p) => entryMention(sink, p, kindOf(p).label, kindOf(p).certain, tableProv(subjectCell.column), place));

    for (const s of subjects) if (category) sink.statement('IN_CATEGORY', s, category, tableProv(subjectCell.column));

    const contributors = read('contributor');
    for (const piece of contributors?.pieces ?? []) {
      if (isLanguageCode(piece.name)) {
        sink.note('unreadable', place, piece.name, 'a language code in the contributor column (pasted from the next cell?)');
        continue;
      }
      const org = sink.mention({
        label: 'Organization',
        certain: true,
        role: 'reference',
        name: piece.name,
        url: piece.url,
        props: { kind: piece.name.startsWith('@') ? 'account' : 'institution' },
        provenance: tableProv(contributors!.column),
      });
      for (const s of subjects) sink.statement('FROM_CONTRIBUTOR', s, org, tableProv(contributors!.column));
    }

    const bases = read('base');
    if (bases) {
      const models = bases.pieces.filter((p) => {
        if (!isGenericArchitecture(p.name)) return true;
        sink.note('placeholder', place, p.name, `an architecture, not a model, in "${bases.column}"`);
        return false;
      });
      const mentions = models.map((p) => referenceMention(sink, p, 'Model', tableProv(bases.column)));
      // `BenTsao / ChatGLM-Med` with `LLaMA/ChatGLM`: as many bases as names pair up in order.
      const paired = subjects.length > 1 && mentions.length === subjects.length;
      subjects.forEach((s, i) => {
        for (const b of paired ? [mentions[i]] : mentions) sink.statement('BASED_ON', s, b, tableProv(bases.column));
      });
    }

    const usedIn = read('usedIn');
    for (const p of usedIn?.pieces ?? []) {
      const model = referenceMention(sink, p, 'Model', tableProv(usedIn!.column));
      for (const s of subjects) sink.statement('USES_METHOD', model, s, tableProv(usedIn!.column));
    }

    const drivenBy = read('drivenBy');
    for (const p of drivenBy?.pieces ?? []) {
      const model = referenceMention(sink, p, 'Model', tableProv(drivenBy!.column));
      for (const s of subjects) sink.statement('DRIVEN_BY', s, model, tableProv(drivenBy!.column));
    }

    const simple: [ColumnRole, NodeLabel, 'IN_DOMAIN' | 'HAS_LANGUAGE' | 'HAS_LICENSE'][] = [
      ['domain', 'Domain', 'IN_DOMAIN'],
      ['language', 'Language', 'HAS_LANGUAGE'],
      ['license', 'License', 'HAS_LICENSE'],
    ];
    for (const [role, nodeLabel, type] of simple) {
      const values = read(role);
      for (const p of values?.pieces ?? []) {
        const m = referenceMention(sink, { ...p, name: nodeLabel === 'Language' ? p.name.toLowerCase() : p.name }, nodeLabel, tableProv(values!.column));
        for (const s of subjects) sink.statement(type, s, m, tableProv(values!.column));
      }
    }

    const multiModal = cell('multiModal');
    if (multiModal) {
      const value = cleanText(toString(multiModal.cell));
      if (MULTI_MODAL_YES.test(value) || MULTI_MODAL_NO.test(value)) {
        for (const s of subjects) s.props.multiModal = MULTI_MODAL_YES.test(value);
      } else if (value) {
        sink.note('unreadable', place, value, `not a yes/no mark in "${multiModal.column.header}"`);
      }
    }

    const feature = cell('mainFeature');
    if (feature) {
      const rich = richText(feature.cell.children);
      const text = cleanText(rich.text.replace(/\n/g, ' '));
      if (text && text !== '-') for (const s of subjects) s.props.mainFeature = text;
      describeClaims(sink, rich, subjects, place);
    }
  }
}

/** The entry a row (or list item) is about; a link to an arXiv paper also names the paper describing it. */
export function entryMention(sink: Sink, piece: NamePiece, label: NodeLabel, certain: boolean, prov: Mention['provenance'], place: Place): Mention {
  const m = pieceMention(sink, piece, label, certain, 'entry', prov);
  const papers = [...(piece.url ? [{ url: piece.url, text: '' }] : []), ...(piece.references ?? [])].filter((l) => arxivId(l.url));
  for (const link of papers) {
    const id = arxivId(link.url)!;
    const paper = sink.mention({
      label: 'Paper',
      certain: true,
      role: 'reference',
      name: `arXiv:${id}`,
      url: link.url,
      props: { url: link.url, arxivId: id, kind: 'paper' },
      provenance: prov,
    });
    sink.statement('DESCRIBED_IN', m, paper, prov);
  }
  if (piece.references?.length && !papers.length) {
    sink.note('unreadable', place, piece.references.map((r) => r.text).join(', '), 'links in parentheses that are not papers');
  }
  return m;
}

export function referenceMention(sink: Sink, piece: NamePiece, label: NodeLabel, prov: Mention['provenance']): Mention {
  return pieceMention(sink, piece, label, true, 'reference', prov);
}

/** A mention of the name a cell piece holds, with its link. */
function pieceMention(
  sink: Sink,
  piece: NamePiece,
  label: NodeLabel,
  certain: boolean,
  role: Role,
  prov: Mention['provenance'],
): Mention {
  return sink.mention({
    label,
    certain,
    role,
    name: piece.name,
    alsoKnownAs: piece.alsoKnownAs,
    url: piece.url,
    sharedLink: piece.sharedLink,
    props: piece.url ? { url: piece.url } : {},
    provenance: prov,
  });
}
