import { readFileSync } from 'node:fs';
import { LEXICON_DIR } from '../lexicon/lexicon.js';
import { hasCjk } from '../lexicon/label.js';

/**
 * How a model was made from its base, read from words (`fine-tuned with LoRA`, `4-bit
 * quantized`, `merged from`, `增量预训练`, `継続事前学習`) by the table in
 * `data/lexicon/derivations.json`. Each hit is evidence that keeps its words and its place;
 * relate/ turns the evidence of the row or item that states a BASED_ON into that edge's kinds.
 */
export const DERIVATION_KINDS = ['FINETUNE', 'ADAPTER', 'QUANTIZATION', 'MERGE', 'CONTINUED_PRETRAINING', 'DISTILLATION', 'ALIGNMENT', 'CONTEXT_EXTENSION'] as const;
export type DerivationKind = (typeof DERIVATION_KINDS)[number];

/** Where the words were read: the row's or item's own text, a column or key, or the section and group around it. */
export type EvidenceSource = 'text' | 'column' | 'key' | 'section';

export interface DerivationEvidence {
  kind: DerivationKind;
  /** The words that said it, as written. */
  words: string;
  source: string;
  line: number;
  from: EvidenceSource;
}

interface Table {
  kinds: { kind: DerivationKind; words: Record<string, string[]> }[];
  methods: Record<string, string[]>;
  capability: { before: Record<string, string[]>; after: Record<string, string[]> };
  subsumes: Partial<Record<DerivationKind, DerivationKind[]>>;
}

const PATH = `${LEXICON_DIR}derivations.json`;
const table = JSON.parse(readFileSync(PATH, 'utf8')) as Table;

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[- ]/g, '[-\\s]?');

/** One alternation of literal words per kind: Latin words bounded by non-letters, CJK anywhere. */
function wordsPattern(words: string[]): RegExp {
  const latin = words.filter((w) => !hasCjk(w)).sort((a, b) => b.length - a.length).map(escape);
  const cjk = words.filter(hasCjk).sort((a, b) => b.length - a.length).map(escape);
  const parts = [...(latin.length ? [`(?<![\\p{L}\\p{N}])(?:${latin.join('|')})(?![\\p{L}\\p{N}])`] : []), ...(cjk.length ? [`(?:${cjk.join('|')})`] : [])];
  return new RegExp(parts.join('|'), 'giu');
}

const KINDS = table.kinds.map((k) => {
  if (!(DERIVATION_KINDS as readonly string[]).includes(k.kind)) throw new Error(`lexicon ${PATH}: unknown kind "${k.kind}"`);
  return { kind: k.kind, re: wordsPattern(Object.values(k.words).flat()) };
});
const METHODS = Object.entries(table.methods).map(([name, words]) => ({ name, re: wordsPattern(words) }));

/** How far around a kind's words the capability words are looked for. */
const NEAR = 16;
const lower = (words: Record<string, string[]>) => Object.values(words).flat().map((w) => w.toLowerCase());
const CAPABILITY_BEFORE = lower(table.capability.before);
const CAPABILITY_AFTER = lower(table.capability.after);

/** `可以在量化后部署`, `supports LoRA fine-tuning`: what the model or its code can do, not how it was made. */
function isCapability(window: string, start: number, end: number): boolean {
  const before = window.slice(Math.max(0, start - NEAR), start).toLowerCase().trimEnd();
  const after = window.slice(end, end + NEAR).toLowerCase().trimStart();
  // `supports LoRA fine-tuning`: the capability word may stand before a method named first.
  return CAPABILITY_BEFORE.some((w) => before.includes(w)) || CAPABILITY_AFTER.some((w) => after.startsWith(w));
}

/** Long texts are read for their first part only: a description says how a model was made early. */
const WINDOW = 4_000;

/** The kinds a text names, each with its words; a kind that subsumes another in the same text drops it (`LoRA微调` is an adapter). */
export function derivationEvidence(text: string, at: { source: string; line: number }, from: EvidenceSource): DerivationEvidence[] {
  const window = text.slice(0, WINDOW);
  const found: DerivationEvidence[] = [];
  for (const k of KINDS) {
    k.re.lastIndex = 0;
    for (const m of window.matchAll(k.re)) {
      if (isCapability(window, m.index ?? 0, (m.index ?? 0) + m[0].length)) continue;
      found.push({ kind: k.kind, words: m[0], source: at.source, line: at.line, from });
      break;
    }
  }
  const dropped = new Set(found.flatMap((e) => table.subsumes[e.kind] ?? []));
  return found.filter((e) => !dropped.has(e.kind));
}

/** Methods the words name (`LoRA`, `DPO`, `GPTQ`), canonical names. */
export function derivationMethods(evidence: readonly DerivationEvidence[]): string[] {
  const out = new Set<string>();
  for (const e of evidence) {
    for (const m of METHODS) {
      m.re.lastIndex = 0;
      if (m.re.test(e.words)) out.add(m.name);
    }
  }
  return [...out].sort();
}

/**
 * The kinds of one BASED_ON edge from the evidence of the rows and items that state it: their
 * own words if they say anything, else their sections'; UNSPECIFIED when nothing says.
 */
export function derivationOf(evidence: readonly DerivationEvidence[]): { kinds: string[]; methods: string[]; evidence: DerivationEvidence[] } {
  const own = evidence.filter((e) => e.from !== 'section');
  const used = own.length ? own : evidence;
  const kinds = [...new Set(used.map((e) => e.kind))];
  const dropped = new Set(kinds.flatMap((k) => table.subsumes[k] ?? []));
  const final = kinds.filter((k) => !dropped.has(k)).sort((a, b) => DERIVATION_KINDS.indexOf(a) - DERIVATION_KINDS.indexOf(b));
  const kept = used.filter((e) => final.includes(e.kind));
  const seen = new Set<string>();
  const distinct = kept.filter((e) => {
    const k = `${e.kind}\u0000${e.words.toLowerCase()}\u0000${e.source}\u0000${e.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { kinds: final.length ? final : ['UNSPECIFIED'], methods: derivationMethods(distinct), evidence: distinct };
}

/** Adds what a text says of how these mentions were made to each of them. */
export function noteDerivation(mentions: readonly { derivation?: DerivationEvidence[] }[], text: string, at: { source: string; line: number }, from: EvidenceSource): void {
  if (!text) return;
  const found = derivationEvidence(text, at, from);
  if (!found.length) return;
  for (const m of mentions) m.derivation = [...(m.derivation ?? []), ...found];
}

/** What the headings and groups around a block say (`継続事前学習モデル`, `Quantized models`), for the mentions read in it. */
export function noteSectionDerivation(
  mentions: readonly { derivation?: DerivationEvidence[] }[],
  source: string,
  at: { section: string[]; headingLines: number[]; groups: { label: string; line: number }[] },
): void {
  at.section.forEach((heading, i) => noteDerivation(mentions, heading, { source, line: at.headingLines[i] ?? 0 }, 'section'));
  for (const g of at.groups) noteDerivation(mentions, g.label, { source, line: g.line }, 'section');
}
