import { foldName } from '../graph/name-key.js';

/**
 * Spelling clean-up shared by every step that reads a name out of Markdown: the lists pad names
 * with non-breaking spaces and leave stray emphasis marks behind (`**RNN**`, `` `FreeWilly` ``).
 */
export function cleanText(text: string): string {
  return text
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** `text` without the given characters at either end (index scans: no regex backtracking over long runs). */
export function trimChars(text: string, start: string, end: string = start): string {
  let a = 0;
  let b = text.length;
  while (a < b && start.includes(text[a])) a++;
  while (b > a && end.includes(text[b - 1])) b--;
  return text.slice(a, b);
}

const WRAPPING = '*`"\'“”‘’';

/** Strips emphasis and quote marks that wrap a name, keeping inner punctuation (`LawGPT_zh`). */
export function cleanName(text: string): string {
  let name = cleanText(text);
  for (;;) {
    const next = trimChars(trimChars(name, WRAPPING), ` \t\n:：,，;；${WRAPPING}`, ` \t\n,，;；${WRAPPING}`).trim();
    if (next === name) return name;
    name = next;
  }
}

/** Kebab-case form of a name for ids: accents dropped, CJK, kana and hangul kept, `@` kept for GitHub accounts. */
export function slug(name: string): string {
  return foldName(name)
    .replace(/[^a-z0-9\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af@]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** True for text written in a non-Latin script only (e.g. `华驼`), which we do not prefer as display name. */
export function isNonLatin(text: string): boolean {
  return /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(text) && !/[A-Za-z]/.test(text);
}
