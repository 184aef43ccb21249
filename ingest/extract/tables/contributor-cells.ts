import type { Knowledge } from '../knowledge.js';

/** Co-contributors in one cell: `西北工业大学+华为`, `A，B` besides the separators of any names. */
export const CONTRIBUTOR_SEPARATOR = /[\/,&、;\n+＋，；]/;

/**
 * A contributor cell that names people: surnames (one capitalised Latin word each, known as no
 * organization) with `等` / `et al.` or joined by `和` / `and`, or a lineage (`LeNet 一脉`).
 */
export function namesAuthors(text: string, known: Knowledge): boolean {
  if (text.endsWith('一脉')) return true;
  const m = /^([A-Z][a-z]{1,15})(?:\s*(?:等|et al\.?)|\s*(?:和|与|and|&)\s*([A-Z][a-z]{1,15}))$/.exec(text.trim());
  if (!m) return false;
  return [m[1], m[2]].filter((w): w is string => !!w).every((w) => !known.isOrganization(w));
}
