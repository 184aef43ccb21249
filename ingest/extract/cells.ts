import { LEXICON } from '../lexicon/lexicon.js';
import { nameKey } from '../graph/name-key.js';
import { repositoryKey } from '../names/links.js';
import { cleanName, cleanText, isNonLatin } from '../names/text.js';
import { isPlaceholder } from '../names/placeholders.js';
import { readShorthand } from '../names/shorthand.js';
import { isSizeToken, isVersionToken, splitSize } from '../names/size.js';
import { SEED_KNOWLEDGE } from './knowledge.js';
import type { RichText, TextLink } from './types.js';

/** One name read from a cell (or a list item head). */
export interface NamePiece {
  name: string;
  url?: string;
  /** The link covered several names, e.g. `[LLaMA/LLaMA2](…)`. */
  sharedLink?: boolean;
  /** Spellings given in parentheses that are another name for it: acronyms, romanisations. */
  alsoKnownAs?: string[];
  /** Links in parentheses after the name: citations such as `ToT([Yao et al.](…))`. */
  references?: TextLink[];
  /** Sizes the name gives in billions (`Qwen2-0.5B|1.5B|7B`). */
  parameters?: number[];
  /** The account of an `org/name` id (`mosaicml` of `mosaicml/mpt-7b`). */
  owner?: string;
  /** How the cell wrote a run of names it shares (`Phi-3 small/medium`). */
  writtenAs?: string[];
}

/** A bare size with a checkpoint tag (`2b6-zh` after `bloom-1b4`). */
const SIZE_WITH_TAG = /^\d+(?:\.\d+)?[BbMm]\d*[-_](?:zh|en|cn|mt|multi|chinese)$/i;

/** A size word ending a name (`Phi-3 small`, `BERT base`), which a bare size word after it continues. */
const SIZE_WORD = /([\s-])(?:tiny|mini|small|base|medium|large|xl|xxl|huge)$/i;

export interface CellReading {
  pieces: NamePiece[];
  /** Values dropped as placeholders (`-`, `not clear`, `etc.`, `...`). */
  placeholders: string[];
}

/** Separators between several names in one cell: `/`, `,`, `，`, `&`, `、`, `;`, `；` and line breaks. */
const SEPARATOR = /[\/,，&、;；\n]/;

interface Span {
  start: number;
  end: number;
}

/** Paren depth at each offset, so separators inside `(…)` do not split. */
function parenDepths(text: string): number[] {
  const depths: number[] = [];
  let depth = 0;
  for (const ch of text) {
    if (ch === '(' || ch === '（') depth++;
    depths.push(depth);
    if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  // `for…of` walks code points; fill in the second half of surrogate pairs.
  while (depths.length < text.length) depths.push(depth);
  return depths;
}

function segments(text: string, depths: number[], separator: RegExp, keep: Set<number>): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (depths[i] === 0 && !keep.has(i) && separator.test(text[i])) {
      out.push({ start, end: i });
      start = i + 1;
    }
  }
  out.push({ start, end: text.length });
  return out;
}

/** `LoRA` for `low-rank adaptation`, `COIG` for `Chinese Open Instruction Generalist`. */
function isAcronymOf(acronym: string, name: string): boolean {
  const capitals = acronym.replace(/[^A-Z]/g, '');
  const initials = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join('');
  return capitals.length >= 2 && capitals === initials;
}

/** A Latin name given beside a name in another script (`轩辕(XuanYuan 2.0)`), or the other way round (`LLaMA(羊驼)`). */
function isTranslation(alt: string, main: string): boolean {
  if (isSizeToken(alt) || alt.length > 40) return false;
  if (isNonLatin(main)) return /^[A-Za-z][\w .+·-]*$/.test(alt) && alt.split(/\s+/).length <= 5;
  return isNonLatin(alt) && alt.length <= 12 && !/[，。、；：,;:]/.test(alt);
}

/**
 * Splits a name into the name proper and what its parentheses say: `华驼(HuaTuo)` and
 * `轩辕(XuanYuan 2.0)` give the Latin name as an alias, `low-rank adaptation (LoRA)` the acronym
 * LoRA; `BLOOM (176B)` or `Books3 (Pile)` only annotate, so they are dropped.
 */
export function splitParenthetical(raw: string): { name: string; alsoKnownAs: string[] } {
  const alsoKnownAs: string[] = [];
  const open = raw.search(/[(（]/);
  const main = cleanName(open < 0 ? raw : raw.slice(0, open));
  let text = raw;
  // Innermost first: `ToT([Yao et al. (2023)](…) and …)` loses its citations, keeps `ToT`.
  for (let guard = 0; guard < 5 && /[(（][^()（）]*[)）]/.test(text); guard++) {
    text = text.replace(/[(（]([^()（）]*)[)）]/g, (_, inner: string) => {
      const alt = cleanName(inner);
      if (alt && !isSizeToken(alt) && !LEXICON.annotations.has(alt.normalize('NFKC').toLowerCase()) && (isAcronymOf(alt, main) || isTranslation(alt, main))) alsoKnownAs.push(alt);
      return ' ';
    });
  }
  return { name: cleanName(text), alsoKnownAs };
}

/** `owner/name` written as one name: a Hugging Face or GitHub id, not two names. */
const REPO_ID = /(?<![\w.-])([A-Za-z0-9][\w.-]{0,60})\/([A-Za-z0-9][\w.-]{0,100})(?![\w/-])/g;

function isRepoId(owner: string, name: string, links: TextLink[]): boolean {
  if (isSizeToken(name) || isVersionToken(name) || nameKey(owner) === nameKey(name)) return false;
  const path = `${owner}/${name}`.toLowerCase();
  if (links.some((l) => repositoryKey(l.url)?.endsWith(path))) return true;
  if (SEED_KNOWLEDGE.isModel(owner) || SEED_KNOWLEDGE.isOrganization(name)) return false;
  if (SEED_KNOWLEDGE.isOrganization(owner)) return true;
  return /^[a-z0-9][a-z0-9_.-]*$/.test(owner) && /[\d_-]/.test(name);
}

/** Offsets of the `&` inside a known organization's name (`Weights & Biases`), which does not separate names. */
function knownNameJoins(text: string): Set<number> {
  const out = new Set<number>();
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const left = text.slice(Math.max(0, i - 40), i).split(/[\/,、;\n]/).pop()!.trim().split(/\s+/);
    const right = text.slice(i + 1, i + 41).split(/[\/,、;&\n]/)[0].trim().split(/\s+/);
    search: for (let l = 1; l <= Math.min(3, left.length); l++) {
      for (let r = 1; r <= Math.min(3, right.length); r++) {
        if (SEED_KNOWLEDGE.isOrganization(`${left.slice(-l).join(' ')} & ${right.slice(0, r).join(' ')}`)) {
          out.add(i);
          break search;
        }
      }
    }
  }
  return out;
}

/** Offsets of the `/` inside `org/name` ids, which do not separate names. */
function repoIdSlashes(text: string, links: TextLink[]): Set<number> {
  const out = new Set<number>();
  if (!text.includes('/')) return out;
  for (const m of text.matchAll(REPO_ID)) if (isRepoId(m[1], m[2], links)) out.add((m.index ?? 0) + m[1].length);
  return out;
}

/**
 * Reads the names in a cell: splits on separators outside parentheses (also inside a link's
 * text, which then gives its target to every name), drops placeholders, expands a bare size or
 * version after a full name (`LLaMA-7B/13B` → LLaMA-7B, LLaMA-13B; `Llama V1 & V2`) and size
 * shorthand (`Qwen2-0.5B|1.5B|7B`). With `repoIds` (cells that name models) an `org/name` id
 * (`mosaicml/mpt-7b`) is one name whose owner is kept, not two names.
 */
export function readNames(rich: RichText, separator: RegExp = SEPARATOR, opts: { repoIds?: boolean; linkIsOne?: boolean } = {}): CellReading {
  const owned = opts.repoIds ? ownedName(rich) : null;
  if (owned) return owned;
  const depths = parenDepths(rich.text);
  const pieces: NamePiece[] = [];
  const spans: Span[] = [];
  const placeholders: string[] = [];
  const references = rich.links.filter((l) => depths[l.start] > 0);
  const outerLinks = rich.links.filter((l) => depths[l.start] === 0);

  const keep = opts.repoIds ? repoIdSlashes(rich.text, rich.links) : new Set<number>();
  for (const i of knownNameJoins(rich.text)) keep.add(i);
  // `[Computer Vision Institute, SZU](github.com/CVI-SZU)`: a maker's link is one account, one name.
  if (opts.linkIsOne) for (const l of outerLinks) for (let i = l.start; i < l.end; i++) if (separator.test(rich.text[i])) keep.add(i);
  // `ViT-G/14`: a slash before a bare number of two or more digits (a patch size) is part of the name.
  for (let i = rich.text.indexOf('/'); i > 0; i = rich.text.indexOf('/', i + 1)) {
    if (/[A-Za-z]/.test(rich.text[i - 1]) && /^\d{2,}(?:$|[\s,;、，)）\]])/.test(rich.text.slice(i + 1, i + 8))) keep.add(i);
  }
  // `R&D`, `AT&T`: an ampersand between short capitals, with no space, is part of a name.
  for (let i = rich.text.indexOf('&'); i > 0; i = rich.text.indexOf('&', i + 1)) {
    const left = /(?:^|[^A-Za-z])([A-Z]{1,3})$/.test(rich.text.slice(Math.max(0, i - 4), i));
    const right = /^([A-Z]{1,3})(?:[^A-Za-z]|$)/.test(rich.text.slice(i + 1, i + 5));
    if (left && right) keep.add(i);
  }
  for (const seg of segments(rich.text, depths, separator, keep)) {
    const raw = rich.text.slice(seg.start, seg.end);
    // `Ziya-LLaMA-13B-v1 等`, `LLaMA, etc.`: what stands for "and others" is no part of the name.
    let text = cleanText(raw).replace(/(?<!\s)\s*(?:\.{3}|…|等|etc\.?)$/, '');
    if (!cleanName(text)) {
      if (cleanText(raw)) placeholders.push(cleanText(raw));
      continue;
    }
    const { name, alsoKnownAs } = splitParenthetical(text);
    if (!name || isPlaceholder(name)) {
      placeholders.push(cleanText(raw));
      continue;
    }
    const links = outerLinks.filter((l) => l.start < seg.end && l.end > seg.start);
    const link = links[0];
    const piece: NamePiece = { name };
    if (link && link.url.trim()) {
      piece.url = link.url.trim();
      if (link.start < seg.start || link.end > seg.end) piece.sharedLink = true;
    }
    if (alsoKnownAs.length) piece.alsoKnownAs = alsoKnownAs;
    const refs = references.filter((l) => l.start >= seg.start && l.end <= seg.end);
    if (refs.length) piece.references = refs;
    for (const p of expandName(piece, !!opts.repoIds)) {
      pieces.push(p);
      spans.push(seg);
    }
  }

  // A bare size, size word or version continues the name before it (`LLaMA-7B/13B`,
  // `Phi-3 small/medium`, `Llama V1 & V2`); each name keeps the cell's spelling of the run as
  // written (shown as an alias, never used to join).
  let runStart = -1;
  for (let i = 1; i < pieces.length; i++) {
    const p = pieces[i];
    const prev = pieces[i - 1].name;
    const word = SIZE_WORD.exec(prev);
    let family: string | null = null;
    let joiner = ' ';
    if (isSizeToken(p.name) || SIZE_WITH_TAG.test(p.name)) {
      family = splitSize(prev)?.family ?? prev;
      joiner = /[-_]/.test(prev) ? '-' : ' ';
    } else if (isVersionToken(p.name)) family = prev.replace(/(?<!\s)\s*[Vv]\d+(?:\.\d+)?$/, '');
    else if (word && SIZE_WORD.test(` ${p.name}`)) {
      family = prev.slice(0, word.index);
      joiner = word[1];
    }
    if (family === null) {
      runStart = -1;
      continue;
    }
    if (runStart < 0) runStart = i - 1;
    pieces[i] = { ...pieces[i - 1], name: `${family}${joiner}${p.name}`, alsoKnownAs: undefined, references: undefined };
    if (word) {
      const written = cleanText(rich.text.slice(spans[runStart].start, spans[i].end));
      for (let j = runStart; j <= i; j++) pieces[j] = { ...pieces[j], writtenAs: [written] };
    }
  }
  return { pieces, placeholders };
}

/**
 * `HIT&HFL/**Chinese-LLaMA-Alpaca**`, `FastChat/**Vicuna**`: the name in bold after its owners'
 * `Owner/`; one name, its owners kept.
 */
function ownedName(rich: RichText): CellReading | null {
  if (rich.bold.length !== 1) return null;
  const b = rich.bold[0];
  const before = rich.text.slice(0, b.start);
  const m = /^\s*([^/\n]{1,60}?)\s*\/\s*$/.exec(before);
  if (!m || cleanText(rich.text.slice(b.end)) !== '') return null;
  const name = cleanName(rich.text.slice(b.start, b.end));
  if (!name || isPlaceholder(name)) return null;
  const link = rich.links.find((l) => l.start <= b.start && l.end >= b.end);
  return { pieces: [{ name, owner: cleanName(m[1]), ...(link?.url.trim() ? { url: link.url.trim() } : {}) }], placeholders: [] };
}

/**
 * What one name stands for: size shorthand (`Qwen2-0.5B|1.5B|7B`) is its family with those
 * sizes, plus the versions and variants it lists; an `org/name` id is the name, its owner kept.
 */
function expandName(piece: NamePiece, repoIds: boolean): NamePiece[] {
  const id = repoIds ? /^([A-Za-z0-9][\w.-]*)\/([A-Za-z0-9][\w.-]*(?: [A-Za-z0-9][\w.-]*){0,3})$/.exec(piece.name) : null;
  // `ViT-G/14` is one name (a patch size), not the model `14` of an account `ViT-G`; a name with
  // spaces after the slash is owned only by an organization the seed knows (`MSFT/DeepSpeed Chat`).
  if (id && piece.name.length <= 160 && !/^\d+$/.test(id[2]) && (!id[2].includes(' ') || SEED_KNOWLEDGE.isOrganization(id[1]))) {
    return [{ ...piece, name: id[2], owner: id[1], alsoKnownAs: [...(piece.alsoKnownAs ?? []), piece.name] }];
  }
  const short = readShorthand(piece.name);
  if (!short) return [piece];
  const out: NamePiece[] = [];
  if (short.family) out.push({ ...piece, name: short.family, parameters: short.parameters, alsoKnownAs: [...(piece.alsoKnownAs ?? []), piece.name] });
  for (const v of short.variants) out.push({ name: v, ...(piece.url ? { url: piece.url, sharedLink: true } : {}) });
  if (out.length > 1 && out[0].url) out[0] = { ...out[0], sharedLink: true };
  return out;
}
