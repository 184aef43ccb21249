import { labelHint } from '../../lexicon/label.js';
import { LEXICON, type Role, type SubjectKind } from '../../lexicon/lexicon.js';
import { cleanText } from '../../names/text.js';
import type { Knowledge } from '../knowledge.js';
import type { RichText } from '../types.js';
import { profileColumn, type ColumnProfile } from './profile.js';

/**
 * Which role each column of a table plays, and why: the header's words (through the lexicon,
 * in English, Chinese or Japanese), else what its values look like, else a list maintainer's
 * override. Every decision is kept for the reading report.
 */
export interface Column {
  index: number;
  header: string;
  role: Role | null;
  /** For the subject column: what its rows are about. */
  kind?: SubjectKind;
  why: 'header' | 'content' | 'override' | 'not read';
  /** The word or the evidence that decided, for people. */
  detail: string;
  /** A unit written in the header (`Params (B)` → `B`). */
  hint: string | null;
}

/** A maintainer's reading of a header: a role, or `subject:<kind>`. */
export type ColumnOverrides = Map<string, string>;

const MOSTLY = 0.6;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Roles only models have: they mark a table as a table of models when nothing else says. */
const MODEL_FACTS: Role[] = ['base', 'parameters', 'contextLength', 'checkpoints', 'architecture'];

export interface TableShape {
  columns: Column[];
  subject: Column | null;
  /** The kind of the rows when the subject column does not name one. */
  defaultKind: SubjectKind | null;
}

export function assignColumns(
  headers: string[],
  columnCells: RichText[][],
  opts: { known: Knowledge; overrides?: ColumnOverrides; sectionKind?: SubjectKind | null },
): TableShape {
  const profiles = new Map<number, ColumnProfile>();
  const profile = (i: number) => {
    let p = profiles.get(i);
    if (!p) profiles.set(i, (p = profileColumn(columnCells[i] ?? [], opts.known)));
    return p;
  };

  const columns: Column[] = headers.map((raw, index) => {
    const header = cleanText(raw);
    const hint = labelHint(header);
    const override = opts.overrides?.get(header.toLowerCase()) ?? opts.overrides?.get(header);
    if (override) {
      const [role, kind] = override.split(':') as [Role, SubjectKind | undefined];
      return { index, header, role, ...(role === 'subject' ? { kind: kind ?? 'model' } : {}), why: 'override', detail: `override "${override}"`, hint };
    }
    const hit = header ? LEXICON.headerRole(header) : null;
    if (hit) return { index, header, role: hit.value.role, ...(hit.value.kind ? { kind: hit.value.kind } : {}), why: 'header', detail: `header word "${hit.phrase}"`, hint };
    return { index, header, role: null, why: 'not read', detail: header ? 'header not in the lexicon' : 'empty header', hint };
  });

  // One subject per table: the first the header names. A second subject header tells the kind
  // of a first that only names (`Name | … | Dataset`: the rows are datasets).
  let subject = columns.find((c) => c.role === 'subject') ?? null;
  const second = columns.find((c) => c.role === 'subject' && c !== subject && c.kind);
  if (subject && !subject.kind && second) {
    subject.kind = second.kind;
    subject.detail += ` (its kind from "${second.header}")`;
  }
  for (const c of columns) {
    // `project | base model | data`: beside rows of models or projects, a data column says what
    // they were trained on.
    if (c.role === 'subject' && c !== subject && c.kind === 'data' && (subject!.kind === 'model' || subject!.kind === 'project')) {
      c.role = 'trainingData';
      delete c.kind;
      c.detail = `a data column beside the ${subject!.kind} column "${subject!.header}": what its rows were trained on`;
      continue;
    }
    if (c.role === 'subject' && c !== subject) {
      c.role = null;
      c.why = 'not read';
      c.detail = `a second subject column ("${c.header}"); only "${subject!.header}" is read`;
    }
  }

  // A header-named subject whose values repeat row after row (`BERT (base)` in every row) names
  // the family or architecture; an unnamed column of distinct, linked names is then the subject.
  const unnamed = columns.filter((c) => c.role === null && c.why !== 'override');
  const nameColumn = (c: Column) => {
    const p = profile(c.index);
    return p.nonEmpty >= 1 && p.distinct >= 0.9 && p.sentences < 0.3 && p.words <= 8 && p.licenses < 0.5 && p.dates < 0.5 && p.parameters < 0.5 && p.organizations < MOSTLY && p.marks < 0.5 && p.numbers < 0.5;
  };
  if (subject && subject.why === 'header') {
    const p = profile(subject.index);
    const better = unnamed.find((c) => c.index < subject!.index && nameColumn(c) && profile(c.index).links >= 0.5);
    // Or the unnamed column links every name while the header's column links almost none: the
    // header then titles what the model is (`GPT (small, 1b)`), the links name the models.
    const repeats = p.nonEmpty >= 4 && p.distinct < 0.5;
    const unlinked = p.nonEmpty >= 4 && p.links < 0.3 && better !== undefined && profile(better.index).links >= MOSTLY;
    if ((repeats || unlinked) && better) {
      subject.role = 'architecture';
      subject.why = 'content';
      subject.detail = repeats
        ? `header "${subject.header}" names the subject, but its values repeat (${pct(p.distinct)} distinct): read as the architecture`
        : `header "${subject.header}" names the subject, but only ${pct(p.links)} of its values link while the unnamed column before it links ${pct(profile(better.index).links)}: read as the architecture`;
      better.role = 'subject';
      better.kind = subject.kind;
      better.why = 'content';
      better.detail = `distinct, linked names (${pct(profile(better.index).distinct)} distinct, ${pct(profile(better.index).links)} links)`;
      subject = better;
    }
  }
  // An unnamed column of names is the subject only beside columns that say what its rows are.
  const saysWhat = columns.some((c) => c.role && c.role !== 'ignore' && c.role !== 'description');
  // `| 架构 | 机构 | 参数 | 亮点 |` whose first column links each row's own page: with no header
  // naming the subject, an architecture column of distinct, linked names names the rows.
  const named = columns.find((c) => c.role === 'architecture' && c.why === 'header' && c.index === 0 && nameColumn(c) && profile(c.index).links >= MOSTLY);
  if (!subject && named) {
    const p = profile(named.index);
    named.role = 'subject';
    named.kind = opts.sectionKind ?? 'model';
    named.why = 'content';
    named.detail = `header "${named.header}" says architecture, but its values are distinct, linked names that open every row (${pct(p.distinct)} distinct, ${pct(p.links)} links)`;
    subject = named;
  }
  if (!subject && (saysWhat || opts.sectionKind)) {
    const candidate = unnamed.find(nameColumn);
    if (candidate) {
      candidate.role = 'subject';
      candidate.why = 'content';
      const p = profile(candidate.index);
      candidate.detail = `distinct names (${pct(p.distinct)} distinct, ${pct(p.links)} links, ${p.words.toFixed(1)} words per cell)`;
      subject = candidate;
    }
  }

  for (const c of columns) {
    if (c.role !== null || c.why === 'override') continue;
    const p = profile(c.index);
    if (p.nonEmpty < 2) continue;
    const decide = (role: Role, evidence: string) => {
      c.role = role;
      c.why = 'content';
      c.detail = evidence;
    };
    if (p.licenses >= MOSTLY) decide('license', `${pct(p.licenses)} of its values are licences`);
    else if (p.dates >= MOSTLY) decide('releaseDate', `${pct(p.dates)} of its values are dates`);
    else if (p.parameters >= MOSTLY) decide('parameters', `${pct(p.parameters)} of its values are parameter counts`);
    else if (p.organizations >= MOSTLY) decide('contributor', `${pct(p.organizations)} of its values name organizations`);
    else if (subject && p.models >= MOSTLY && p.notModels === 0) decide('base', `${pct(p.models)} of its values name known models`);
    else if (p.sentences >= 0.5) decide('description', `${pct(p.sentences)} of its values are sentences`);
    else if (p.marks >= 0.8) decide('ignore', `${pct(p.marks)} of its values are marks`);
  }

  const hasModelFacts = columns.some((c) => c.role && MODEL_FACTS.includes(c.role));
  const defaultKind: SubjectKind | null = subject?.kind ?? opts.sectionKind ?? (hasModelFacts ? 'model' : null);
  if (subject && !subject.kind) {
    if (defaultKind) subject.kind = defaultKind;
    else {
      // `Name | Stars`: nothing says what the rows are, so they are not read.
      subject.role = null;
      subject.why = 'not read';
      subject.detail = `"${subject.header}" names the rows, but neither the section nor the other columns say what they are`;
      subject = null;
    }
  }
  return { columns, subject, defaultKind };
}
