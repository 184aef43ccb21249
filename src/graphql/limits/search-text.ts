import { badInput } from '../errors.js';

/** Longest `search` query, in characters. */
export const SEARCH_MAX_CHARACTERS = 200;
/** Most words: each becomes three Lucene clauses, and names are a few words long. */
export const SEARCH_MAX_WORDS = 16;
/** Longest word: no name in any list is longer, and fuzzy matching of a long term is costly. */
export const SEARCH_MAX_WORD_LENGTH = 64;

/** The `search` text within bounds, or a BAD_USER_INPUT error that names the bound. */
export function searchText(value: string): string {
  const text = value.trim();
  if (!text) throw badInput('query must not be empty.', 'query');
  if (text.length > SEARCH_MAX_CHARACTERS) {
    throw badInput(`query must be at most ${SEARCH_MAX_CHARACTERS} characters (got ${text.length}).`, 'query');
  }
  const words = text.split(/\s+/);
  if (words.length > SEARCH_MAX_WORDS) {
    throw badInput(`query must be at most ${SEARCH_MAX_WORDS} words (got ${words.length}).`, 'query');
  }
  const longest = words.reduce((a, w) => (w.length > a.length ? w : a), '');
  if (longest.length > SEARCH_MAX_WORD_LENGTH) {
    throw badInput(`each word of query must be at most ${SEARCH_MAX_WORD_LENGTH} characters (got one of ${longest.length}).`, 'query');
  }
  return text;
}
