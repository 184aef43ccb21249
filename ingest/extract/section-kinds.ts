import { LEXICON, type SectionKind } from '../lexicon/lexicon.js';
import { hasCjk, normaliseLabel } from '../lexicon/label.js';

export type { SectionKind } from '../lexicon/lexicon.js';

/**
 * What the items of a list section are, read from its headings (the deepest heading that says
 * wins) by the rules of `data/lexicon/sections.json`: `Fine-tune > Models > Chinese` lists
 * models, `Dataset > For Evaluation` benchmarks, `1. Model` models, `3. Dataset` datasets.
 * `skip` sections hold navigation or news; `null` means the headings do not say.
 */
export function sectionKind(headings: string[]): SectionKind {
  for (let i = headings.length - 1; i >= 0; i--) {
    const said = headingKind(headings[i]);
    if (said !== undefined) return said;
  }
  return null;
}

/** What one heading says, or undefined when it says nothing. */
export function headingKind(heading: string): SectionKind | undefined {
  const text = normaliseLabel(heading.replace(/^\s*\d+(?:\.\d+)*\.?\s+/, ''));
  if (!text) return undefined;
  const padded = ` ${text} `;
  for (const rule of LEXICON.sectionRules) {
    for (const w of rule.words) {
      const hit =
        rule.match === 'whole'
          ? text === w
          : rule.match === 'end'
            ? text.endsWith(hasCjk(w) ? w : ` ${w}`) || text === w
            : rule.match === 'word'
              ? hasCjk(w)
                ? text.includes(w)
                : padded.includes(` ${w} `)
              : text.includes(w);
      if (hit) return rule.kind;
    }
  }
  return undefined;
}
