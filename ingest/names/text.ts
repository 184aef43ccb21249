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

/** Strips emphasis and quote marks that wrap a name, keeping inner punctuation (`LawGPT_zh`). */
export function cleanName(text: string): string {
  let name = cleanText(text);
  for (;;) {
    const next = name
      .replace(/^[*`"'“”‘’]+|[*`"'“”‘’]+$/g, '')
      .replace(/^[\s:：,，;；]+|[\s,，;；]+$/g, '')
      .trim();
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
