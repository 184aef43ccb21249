import { LEXICON, type License } from '../lexicon/lexicon.js';
import { cleanText } from './text.js';

/** A licence read from the start of a value: its canonical name and the spelling written. */
export interface LicenseReading {
  name: string;
  spelling: string;
}

function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s_]+/g, ' ').trim();
}

const SPELLINGS: { spelling: string; license: License }[] = LEXICON.licenses
  .flatMap((license) => [license.name, ...license.spellings].map((s) => ({ spelling: fold(s), license })))
  .sort((a, b) => b.spelling.length - a.spelling.length);

/**
 * `Apache 2.0`, `CC BY-SA-4.0`, `Apache 2.0 with usage restriction inherited from BLOOM`: the
 * longest known spelling the value starts with, followed by a word boundary, or null.
 */
export function readLicense(value: string): LicenseReading | null {
  const text = cleanText(value);
  const folded = fold(text);
  for (const { spelling, license } of SPELLINGS) {
    if (!folded.startsWith(spelling)) continue;
    const next = folded.charAt(spelling.length);
    if (next && /[\p{L}\p{N}]/u.test(next) && !/^[\u3040-\u30ff\u3400-\u9fff]/.test(next)) continue;
    return { name: license.name, spelling: text.slice(0, spelling.length).trim() };
  }
  return null;
}

/** True when the whole value reads as a known licence (for guessing an unnamed column). */
export function isLicense(value: string): boolean {
  const reading = readLicense(value);
  return !!reading && fold(value).length - reading.spelling.length < 40;
}
