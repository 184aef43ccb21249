/** Lower case without accents or non-breaking spaces: the common ground of keys and slugs. */
export function foldName(name: string): string {
  return name
    .replace(/\u00a0/g, ' ')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/**
 * The one normalisation by which names are compared everywhere (ingest resolution, GraphQL
 * look-ups): case-, space-, accent- and punctuation-insensitive, CJK, kana and hangul kept.
 * `Vicuna`, `vicuna`, ` VICUNA ` and `Vi-cuna` share a key.
 */
export function nameKey(name: string): string {
  return foldName(name).replace(NOT_KEY, '');
}

/** Latin letters and digits, kana, CJK ideographs and hangul count; everything else is spacing or punctuation. */
const NOT_KEY = /[^a-z0-9\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]+/g;
