import { cleanName, cleanText, isNonLatin } from '../names/text.js';
import { isPlaceholder } from '../names/placeholders.js';
import { isSizeToken, isVersionToken, splitSize } from '../names/size.js';
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
}

export interface CellReading {
  pieces: NamePiece[];
  /** Values dropped as placeholders (`-`, `not clear`, `etc.`, `...`). */
  placeholders: string[];
}

/** Separators between several names in one cell: `/`, `,`, `&`, `、`, `;` and line breaks. */
const SEPARATOR = /[\/,&、;\n]/;

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

function segments(text: string, depths: number[], separator: RegExp): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (depths[i] === 0 && separator.test(text[i])) {
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

/**
 * Splits a name into the name proper and what its parentheses say: `华驼(HuaTuo)` gives the alias
 * HuaTuo, `low-rank adaptation (LoRA)` the acronym LoRA; `BLOOM (176B)` or `Books3 (Pile)` only
 * annotate, so they are dropped.
 */
export function splitParenthetical(raw: string): { name: string; alsoKnownAs: string[] } {
  const alsoKnownAs: string[] = [];
  const main = cleanName(raw.replace(/\s*[(（].*$/, ''));
  let text = raw;
  // Innermost first: `ToT([Yao et al. (2023)](…) and …)` loses its citations, keeps `ToT`.
  for (let guard = 0; guard < 5 && /[(（][^()（）]*[)）]/.test(text); guard++) {
    text = text.replace(/\s*[(（]([^()（）]*)[)）]\s*/g, (_, inner: string) => {
      const alt = cleanName(inner);
      if (alt && !isSizeToken(alt) && (isAcronymOf(alt, main) || (isNonLatin(main) && /^[A-Za-z][\w-]*$/.test(alt)))) {
        alsoKnownAs.push(alt);
      }
      return ' ';
    });
  }
  return { name: cleanName(text), alsoKnownAs };
}

/**
 * Reads the names in a cell: splits on separators outside parentheses (also inside a link's
 * text, which then gives its target to every name), drops placeholders, expands a bare size or
 * version after a full name (`LLaMA-7B/13B` → LLaMA-7B, LLaMA-13B; `Llama V1 & V2`).
 */
export function readNames(rich: RichText, separator: RegExp = SEPARATOR): CellReading {
  const depths = parenDepths(rich.text);
  const pieces: NamePiece[] = [];
  const placeholders: string[] = [];
  const references = rich.links.filter((l) => depths[l.start] > 0);
  const outerLinks = rich.links.filter((l) => depths[l.start] === 0);

  for (const seg of segments(rich.text, depths, separator)) {
    const raw = rich.text.slice(seg.start, seg.end);
    let text = cleanText(raw).replace(/\s*(?:\.{3}|…)$/, '');
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
    pieces.push(piece);
  }

  // A bare size or version continues the name before it.
  for (let i = 1; i < pieces.length; i++) {
    const p = pieces[i];
    if (!isSizeToken(p.name) && !isVersionToken(p.name)) continue;
    const prev = pieces[i - 1].name;
    const family = isSizeToken(p.name) ? (splitSize(prev)?.family ?? prev) : prev.replace(/\s*[Vv]\d+(?:\.\d+)?$/, '');
    const joiner = isSizeToken(p.name) ? (/[-_]/.test(prev) ? '-' : ' ') : ' ';
    pieces[i] = { ...pieces[i - 1], name: `${family}${joiner}${p.name}`, alsoKnownAs: undefined, references: undefined };
  }
  return { pieces, placeholders };
}
