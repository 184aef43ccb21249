import { hasCjk, normaliseLabel } from './label.js';

/**
 * Finds which lexicon phrase a label says: the longest phrase it contains, as whole words for
 * Latin phrases and anywhere for CJK ones; between phrases of one length, the rightmost (the
 * head of an English or Japanese noun phrase comes last: `Base Model` is a base, `Model Name` a
 * model). A label equal to a phrase always wins; otherwise the phrase must cover at least half
 * of the label, so a descriptive header (`Collections of open instruction-following LLMs`) says
 * nothing. Linear in the number of phrases per label.
 */
export interface PhraseHit<T> {
  value: T;
  phrase: string;
  exact: boolean;
}

export class PhraseIndex<T> {
  private readonly exact = new Map<string, { value: T; phrase: string }>();
  private readonly phrases: { norm: string; padded: string; cjk: boolean; value: T; phrase: string }[] = [];

  add(phrase: string, value: T): void {
    const norm = normaliseLabel(phrase);
    if (!norm) return;
    if (!this.exact.has(norm)) this.exact.set(norm, { value, phrase });
    this.phrases.push({ norm, padded: ` ${norm} `, cjk: hasCjk(norm), value, phrase });
  }

  lookup(label: string): PhraseHit<T> | null {
    const norm = normaliseLabel(label);
    if (!norm) return null;
    const whole = this.exact.get(norm);
    if (whole) return { ...whole, exact: true };
    const padded = ` ${norm} `;
    let best: { value: T; phrase: string; length: number; at: number } | null = null;
    for (const p of this.phrases) {
      const at = p.cjk ? norm.lastIndexOf(p.norm) : padded.lastIndexOf(p.padded);
      if (at < 0) continue;
      const length = p.norm.length;
      if (!best || length > best.length || (length === best.length && at > best.at)) best = { value: p.value, phrase: p.phrase, length, at };
    }
    if (!best || best.length * 2 < norm.length) return null;
    return { value: best.value, phrase: best.phrase, exact: false };
  }
}
