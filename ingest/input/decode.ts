import { RefusedInput } from './refusal.js';

/**
 * Bytes of a list file to text. Markdown lists are UTF-8; a file that is not text (an image, an
 * archive, anything with NUL bytes) or not valid UTF-8 is refused, naming the file and, for bad
 * UTF-8, the line. A byte-order mark says the encoding for sure, so UTF-16 with one is decoded,
 * with a warning. Latin-1 and other legacy encodings cannot be told apart reliably: refused.
 */

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** Something the user should know (a non-UTF-8 encoding was decoded). */
  warnings: string[];
}

/** File signatures, to say what a binary file is. */
const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], what: 'a RIFF file (WebP, WAV, AVI)' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (or a .docx, .xlsx, .jar)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'an SQLite database' },
];

const BOMS: { bytes: number[]; encoding: DecodedText['encoding'] }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0xff >> (need + 2));
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Control characters other than tab, line feed, form feed and carriage return: a sign of binary data. */
function controlCharacters(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) n++;
  }
  return n;
}

export function decodeMarkdown(file: string, bytes: Uint8Array): DecodedText {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom && bom.encoding !== 'utf-8') {
    let text: string;
    try {
      text = new TextDecoder(bom.encoding, { fatal: true }).decode(bytes.subarray(bom.bytes.length));
    } catch {
      throw new RefusedInput(file, `not Markdown text: it starts with a ${bom.encoding.toUpperCase()} byte-order mark but is not valid ${bom.encoding.toUpperCase()}`);
    }
    if (text.includes('\u0000')) throw new RefusedInput(file, 'not Markdown text: binary data (NUL characters)');
    const name = bom.encoding.toUpperCase();
    return { text, encoding: bom.encoding, warnings: [`${file}: read as ${name} (it has a ${name} byte-order mark); save it as UTF-8 to silence this warning`] };
  }

  const signature = SIGNATURES.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw new RefusedInput(file, `not Markdown text: it is ${signature.what}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new RefusedInput(file, 'not Markdown text: binary data (NUL bytes)', lineAt(bytes, nul));

  const body = bom ? bytes.subarray(bom.bytes.length) : bytes;
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    const offset = bad + (bom ? bom.bytes.length : 0);
    const hex = bytes[offset].toString(16).toUpperCase().padStart(2, '0');
    throw new RefusedInput(
      file,
      `not valid UTF-8 (byte 0x${hex}); Markdown lists must be UTF-8 — if it is Latin-1, convert it first: iconv -f latin1 -t utf-8`,
      lineAt(bytes, offset),
    );
  }
  const text = new TextDecoder('utf-8').decode(body);
  const controls = controlCharacters(text);
  if (controls >= 32 || controls > text.length / 200) throw new RefusedInput(file, `not Markdown text: binary data (${controls} control characters)`);
  return { text, encoding: 'utf-8', warnings: [] };
}
