/**
 * The one normalisation by which headers, keys, section titles and group labels are compared
 * with the lexicon: width and case folded, footnote marks, emoji and parentheses dropped,
 * punctuation turned into spaces, English plurals and British spellings folded
 * (`Licences (B)` and `license` compare equal). CJK text is kept as written.
 */

const SPELLING: Record<string, string> = {
  licence: 'license',
  organisation: 'organization',
  normalisation: 'normalization',
  finetuned: 'fine tuned',
  finetune: 'fine tune',
  pretrained: 'pre trained',
  pretraining: 'pre training',
};

/** Words that end in `s` without being plurals. */
const NOT_PLURAL = new Set(['news', 'series', 'species', 'bias', 'corpus', 'status', 'class', 'analysis', 'alias', 'canvas', 'llms', 'ms', 'gpus', 'tps', 'has', 'is', 'was', 'this', 'its', 'us', 'vs', 'plus', 'apis']);

function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.has(word) || !/^[a-z]+$/.test(word)) return word === 'llms' ? 'llm' : word;
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('ss') || word.endsWith('us') || word.endsWith('is')) return word;
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** The text inside the first parentheses of a label (`Params (B)` → `B`), as a unit hint. */
export function labelHint(text: string): string | null {
  const m = /[(（]([^()（）]{1,20})[)）]/.exec(text.normalize('NFKC'));
  return m ? m[1].trim() : null;
}

export function normaliseLabel(text: string): string {
  const folded = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\[\^[^\]]{0,40}\]/g, ' ')
    .replace(/[(（][^()（）]{0,80}[)）]/g, ' ')
    .replace(/\p{Extended_Pictographic}/gu, ' ')
    .replace(/[^\p{L}\p{N}#+\s]/gu, ' ');
  const words: string[] = [];
  // CJK text has no spaces between words: `入出力で扱える トークン数` (a wrapped header) is one phrase.
  const joined = folded.replace(/(?<=[\u3040-\u30ff\u3400-\u9fff])\s+(?=[\u3040-\u30ff\u3400-\u9fff])/g, '');
  for (const raw of joined.split(/\s+/)) {
    if (!raw) continue;
    const spelled = SPELLING[raw] ?? raw;
    for (const w of spelled.split(' ')) words.push(singular(w));
  }
  return words.join(' ');
}
