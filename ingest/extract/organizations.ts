import { LEXICON } from '../lexicon/lexicon.js';
import { normaliseLabel, hasCjk } from '../lexicon/label.js';
import type { Knowledge } from './knowledge.js';

/** `HuggingFace et al.`, `CMU et al.`: the organization, without the co-authors. */
export function withoutEtAl(name: string): string {
  return name.replace(/(?<!\s)\s*(?:,\s*)?(?:et\s+al\.?|etc\.?|等)\s*$/i, '').trim();
}

const ORG_WORDS = LEXICON.orgWords.map((w) => ({ word: normaliseLabel(w) || w.toLowerCase(), cjk: hasCjk(w) }));

/**
 * Whether a name reads as an organization's: one the lists or the seed knowledge name as such,
 * or a name ending in an organization word (`Mistral AI`, `Shanghai AI Laboratory`,
 * `RWKV Foundation`, `清华大学`, `京大 言語メディア研究室`).
 */
export function isOrganizationName(name: string, known: Knowledge): boolean {
  const bare = withoutEtAl(name);
  if (!bare || bare.length > 60) return false;
  if (known.isOrganization(bare)) return true;
  if (known.isModel(bare)) return false;
  const norm = normaliseLabel(bare);
  if (!norm || norm.split(' ').length > 6) return false;
  // A one-character ending (`京大`, `東大`) marks only a short name: in a long run of text it is just a character.
  return ORG_WORDS.some(({ word, cjk }) => (cjk ? norm.endsWith(word) && norm !== word && (word.length > 1 || norm.length <= 4) : norm.endsWith(` ${word}`)));
}
