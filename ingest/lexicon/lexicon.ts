import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nameKey } from '../graph/name-key.js';
import type { NodeLabel } from '../graph/types.js';
import { normaliseLabel } from './label.js';
import { PhraseIndex, type PhraseHit } from './phrase-index.js';

/**
 * The reading rules that are data, not code (`data/lexicon/*.json`): what a header or key
 * means, what a section heading lists, which group labels name a base or an organization,
 * licence spellings, placeholder values, and seed knowledge used as evidence only. Loaded and
 * checked once; adding a language or a synonym is a line in those files.
 */

export const LEXICON_DIR = fileURLToPath(new URL('../../data/lexicon/', import.meta.url));

export type Language = 'en' | 'zh' | 'ja';
type Words = Partial<Record<Language, string[]>>;

/** What a table column or a sub-item key holds. */
export const ROLES = [
  'subject',
  'contributor',
  'base',
  'architecture',
  'usedIn',
  'drivenBy',
  'domain',
  'language',
  'license',
  'description',
  'multiModal',
  'releaseDate',
  'parameters',
  'contextLength',
  'checkpoints',
  'paper',
  'keywords',
  'trainingData',
  'derivation',
  'url',
  'ignore',
] as const;
export type Role = (typeof ROLES)[number];

/** The kind of thing the rows of a subject column are about. */
export type SubjectKind = 'model' | 'project' | 'method' | 'data' | 'benchmark';
/** `any`: the header says only that the column names the rows (`Name`); the section or the other columns tell the kind. */
const SUBJECT_KINDS: readonly (SubjectKind | 'any')[] = ['model', 'project', 'method', 'data', 'benchmark', 'any'];

export interface RoleWord {
  role: Role;
  kind?: SubjectKind;
}

export type SectionKind = { label: NodeLabel; certain: boolean } | 'skip' | 'documents' | null;

interface SectionRule {
  kind: SectionKind;
  match: 'whole' | 'word' | 'end' | 'contains';
  words: string[];
}

export interface License {
  name: string;
  spellings: string[];
}

export interface Lexicon {
  /** The role a header names, with the word that said so. */
  headerRole(header: string): PhraseHit<RoleWord> | null;
  /** The role a sub-item key names (`地址`, `基座模型`, `License`). */
  keyRole(key: string): PhraseHit<RoleWord> | null;
  sectionRules: SectionRule[];
  /** Words of a paragraph asking for contributions: the list after it names what to send. */
  contributionLeadIns: string[];
  /** Base markers: `LLaMA 底座` → LLaMA. */
  baseMarkers: { affix: 'prefix' | 'suffix'; words: string[] }[];
  orgWords: string[];
  /** Countries written before a foreign institution's name (`德国萨尔大学`). */
  placePrefixes: string[];
  licenses: License[];
  isPlaceholder(value: string, role?: Role): boolean;
  yes: Set<string>;
  /** Headers that say a two-column table's second column holds values of one thing (`Feature | Value`). */
  recordValueHeaders: Set<string>;
  /** Words a parenthesis adds about a name that are not another name for it (`Gemma 2 2B（ベース）`). */
  annotations: Set<string>;
  no: Set<string>;
  known: { organizations: Set<string>; models: Set<string>; notModels: Set<string>; software: Set<string>; checkpointSuffixes: string[] };
}

function readJson(file: string): Record<string, unknown> {
  const path = `${LEXICON_DIR}${file}`;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new Error(`lexicon ${path}: ${(e as Error).message}`);
  }
}

function allWords(words: Words | undefined, where: string): string[] {
  if (!words || typeof words !== 'object') throw new Error(`lexicon ${where}: "words" must map languages to lists`);
  const out: string[] = [];
  for (const [lang, list] of Object.entries(words)) {
    if (!['en', 'zh', 'ja'].includes(lang)) throw new Error(`lexicon ${where}: unknown language "${lang}"`);
    if (!Array.isArray(list) || !list.every((w) => typeof w === 'string' && w.trim())) throw new Error(`lexicon ${where}: ${lang} must be a list of words`);
    out.push(...list);
  }
  return out;
}

export function loadLexicon(): Lexicon {
  const headers = new PhraseIndex<RoleWord>();
  const keys = new PhraseIndex<RoleWord>();
  const roles = readJson('roles.json').roles as { role: Role; kind?: SubjectKind | 'any'; as?: string[]; words: Words }[];
  roles.forEach((entry, i) => {
    const where = `roles.json entry ${i + 1}`;
    if (!ROLES.includes(entry.role)) throw new Error(`lexicon ${where}: unknown role "${entry.role}"`);
    if (entry.role === 'subject' && !SUBJECT_KINDS.includes(entry.kind as SubjectKind)) throw new Error(`lexicon ${where}: a subject needs a kind`);
    const as = entry.as ?? ['header', 'key'];
    const value: RoleWord = entry.kind && entry.kind !== 'any' ? { role: entry.role, kind: entry.kind } : { role: entry.role };
    for (const w of allWords(entry.words, where)) {
      if (as.includes('header')) headers.add(w, value);
      if (as.includes('key')) keys.add(w, value);
    }
  });

  const sectionsFile = readJson('sections.json') as {
    sections: { kind: string; certain?: boolean; match: SectionRule['match']; words: Words }[];
    contributionLeadIns: Words;
  };
  const sections = sectionsFile.sections.map((r, i): SectionRule => {
    const where = `sections.json entry ${i + 1}`;
    let kind: SectionKind;
    if (r.kind === 'skip' || r.kind === 'documents') kind = r.kind;
    else if (r.kind === 'none') kind = null;
    else kind = { label: r.kind as NodeLabel, certain: r.certain ?? false };
    if (!['whole', 'word', 'end', 'contains'].includes(r.match)) throw new Error(`lexicon ${where}: unknown match "${r.match}"`);
    return { kind, match: r.match, words: allWords(r.words, where).map(normaliseLabel) };
  });

  const groups = readJson('groups.json') as { baseMarkers: { affix: 'prefix' | 'suffix'; words: Words }[]; orgWords: Words; placePrefixes: Words };
  const values = readJson('values.json') as { placeholders: Record<string, string[]>; yes: string[]; no: string[]; recordValueHeaders: string[]; annotations: string[] };
  const placeholders = new Map<string, Set<string>>();
  for (const [role, list] of Object.entries(values.placeholders)) {
    if (role !== 'any' && !ROLES.includes(role as Role)) throw new Error(`lexicon values.json: unknown role "${role}"`);
    placeholders.set(role, new Set(list.map((v) => v.normalize('NFKC').trim().toLowerCase())));
  }
  const licenses = (readJson('licenses.json').licenses as License[]).map((l, i) => {
    if (!l.name || !Array.isArray(l.spellings)) throw new Error(`lexicon licenses.json entry ${i + 1}: needs name and spellings`);
    return l;
  });
  const known = readJson('known.json') as { organizations: string[]; models: string[]; notModels: string[]; software: string[]; checkpointSuffixes: string[] };
  const keysOf = (list: string[]) => new Set(list.map(nameKey).filter(Boolean));

  return {
    headerRole: (h) => headers.lookup(h),
    keyRole: (k) => keys.lookup(k),
    sectionRules: sections,
    contributionLeadIns: allWords(sectionsFile.contributionLeadIns, 'sections.json contributionLeadIns').map((w) => w.toLowerCase()),
    baseMarkers: groups.baseMarkers.map((m, i) => ({ affix: m.affix, words: allWords(m.words, `groups.json marker ${i + 1}`) })),
    orgWords: allWords(groups.orgWords, 'groups.json orgWords'),
    placePrefixes: allWords(groups.placePrefixes, 'groups.json placePrefixes'),
    licenses,
    isPlaceholder(value, role) {
      const v = value.normalize('NFKC').trim().toLowerCase();
      if (!v) return true;
      const is = (w: string) => placeholders.get('any')!.has(w) || (!!role && !!placeholders.get(role)?.has(w));
      // `from-scratch 229M`: hyphens for spaces, and a size after the word.
      return is(v) || is(v.replace(/[-_]+/g, ' ').replace(/\s+\d[\d.]*\s*[kmbt]?$/, '').trim());
    },
    yes: new Set(values.yes.map((v) => v.toLowerCase())),
    recordValueHeaders: new Set(values.recordValueHeaders.map((v) => v.normalize('NFKC').toLowerCase())),
    annotations: new Set(values.annotations.map((v) => v.normalize('NFKC').toLowerCase())),
    no: new Set(values.no.map((v) => v.toLowerCase())),
    known: {
      organizations: keysOf(known.organizations),
      models: keysOf(known.models),
      notModels: keysOf(known.notModels),
      software: keysOf(known.software ?? []),
      checkpointSuffixes: (known.checkpointSuffixes ?? []).map((w) => w.toLowerCase()),
    },
  };
}

/** The bundled lexicon, read once. */
export const LEXICON: Lexicon = loadLexicon();
