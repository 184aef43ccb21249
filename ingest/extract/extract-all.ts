import type { SourceDocument } from '../parse/markdown.js';
import { NO_OVERRIDES, type Overrides } from './context.js';
import { extractDocument } from './extract.js';
import { knowledgeFrom, SEED_KNOWLEDGE } from './knowledge.js';
import type { Extraction } from './types.js';

/**
 * Every document, read twice where it matters: a first reading with the seed knowledge; then a
 * document with a column the first reading could not place is read again knowing what all the
 * lists establish (their models and the organizations they credit), so a column of names another
 * list gives as models reads as a base column. Pure: the same documents give the same result.
 */
export function extractAll(docs: { doc: SourceDocument; overrides?: Overrides }[]): Extraction[] {
  const first = docs.map(({ doc, overrides }) => extractDocument(doc, { known: SEED_KNOWLEDGE, overrides: overrides ?? NO_OVERRIDES }));
  const undecided = first.map((ex) => ex.readings.some((r) => r.block === 'table' && r.parts.some((p) => p.role === null)));
  if (!undecided.some(Boolean)) return first;
  const known = knowledgeFrom(first);
  return docs.map(({ doc, overrides }, i) => (undecided[i] ? extractDocument(doc, { known, overrides: overrides ?? NO_OVERRIDES }) : first[i]));
}
