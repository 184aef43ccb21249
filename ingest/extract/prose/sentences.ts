import { sliceRich } from '../rich-text.js';
import type { RichText } from '../types.js';

/** What starts the next sentence after a full stop: spaces, then a capital, a link, bold, a digit or CJK. */
const NEXT_SENTENCE = /^[\s\u00a0]+(?=[A-Z`*\[\d"“(]|[\u3400-\u9fff])/;
/** A line that starts an enumeration (`- `, `1. `, `(ii) `). */
const ENUMERATION = /^\s{0,20}(?:[-•]\s|\d+\.\s|\(?[ivx]+\)\s)/;

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
  // Every test looks a bounded way ahead or behind, so a long text is split in linear time.
  let lastSolid = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (/[.!?。！？]/.test(ch)) {
      const ahead = text.slice(i + 1, i + 41);
      if (/[。！？]/.test(ch) || (NEXT_SENTENCE.test(ahead) && !ABBREVIATION.test(text.slice(Math.max(0, i - 8), i + 1)))) {
        cuts.push(i + 1);
      }
    } else if (ch === '\n') {
      const before = lastSolid >= 0 ? text[lastSolid] : '';
      if (/[.!?:。]/.test(before) || ENUMERATION.test(text.slice(i + 1, i + 41))) cuts.push(i + 1);
    }
    if (!/\s/.test(ch)) lastSolid = i;
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
