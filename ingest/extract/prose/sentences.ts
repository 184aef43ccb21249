import { sliceRich } from '../rich-text.js';
import type { RichText } from '../types.js';

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATION = /(?:\b(?:e\.g|i\.e|etc|al|vs|approx|abbr|No|Fig)|\b[A-Z])\.$/;

/**
 * Splits a description into sentences: at `.`, `!`, `?` followed by a capital, a link, a name
 * in bold or code, and at line breaks that follow a full stop or start an enumeration. Other
 * line breaks (`<br />` used for wrapping) count as spaces. Offsets of links stay valid.
 */
export function splitSentences(rich: RichText): RichText[] {
  const text = rich.text;
  const cuts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/[.!?。！？]/.test(ch)) {
      const rest = text.slice(i + 1);
      const m = /^[\s\u00a0]+(?=[A-Z`*\[\d"“(]|[\u3400-\u9fff])/.exec(rest);
      if (/[。！？]/.test(ch) || (m && !ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1)))) {
        cuts.push(i + 1);
      }
    } else if (ch === '\n') {
      const before = text.slice(0, i).trimEnd();
      const after = text.slice(i + 1);
      if (/[.!?:。]$/.test(before) || /^\s*(?:[-•]\s|\d+\.\s|\(?[ivx]+\)\s)/.test(after)) cuts.push(i + 1);
    }
  }
  cuts.push(text.length);
  const out: RichText[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const s = sliceRich(rich, cuts[k], cuts[k + 1]);
    const lead = s.text.length - s.text.trimStart().length;
    const trail = s.text.length - s.text.trimEnd().length;
    const trimmed = sliceRich(s, lead, s.text.length - trail);
    if (trimmed.text) out.push({ ...trimmed, text: trimmed.text.replace(/\n/g, ' ') });
  }
  return out;
}

/** Paren depth at each offset of a sentence (targets inside a parenthetical describe something else). */
export function parenDepthAt(text: string, offset: number): number {
  let depth = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '(' || text[i] === '（') depth++;
    else if ((text[i] === ')' || text[i] === '）') && depth > 0) depth--;
  }
  return depth;
}
