/**
 * Parameter counts and context lengths as lists write them. Parameters come back in billions
 * (`7B` → 7, `540M` → 0.54, `0.06 - 11` → [0.06, 11], `3, 7, 12` with a `(B)` header → [3, 7, 12]);
 * context lengths in tokens (`2048`, `4k` → 4096, `32K` → 32768, `8,192` → 8192, `1M` → 1048576),
 * a `k` counting 1024 as model cards do.
 */

const NUMBER = /(\d+(?:\.\d+)?)\s*([kKmMbBtT])?(?![\w.])/g;

function unitFactor(unit: string | undefined, hint: string | null): number | null {
  const u = (unit ?? hint ?? '').toLowerCase();
  if (u === 'b' || u === 'billion' || u === 'billions') return 1;
  if (u === 'm' || u === 'million' || u === 'millions') return 0.001;
  if (u === 't' || u === 'trillion') return 1000;
  if (u === 'k') return 0.000001;
  return null;
}

const distinctSorted = (xs: number[]) => [...new Set(xs.map((x) => Math.round(x * 1e6) / 1e6))].sort((a, b) => a - b);

/** Drops what parentheses say about the numbers (`84k (ALiBi)`, `(B)`), and HTML comments. */
function bare(value: string): string {
  return value.normalize('NFKC').replace(/<!--.*?-->/g, ' ').replace(/\([^()]{0,60}\)/g, ' ');
}

/**
 * Parameter counts in billions. A number needs a unit (`7B`, `1.3b`, `540M`) unless the column
 * gives one (`Params (B)`, hint `B`); counts of experts (`8x7B`) read as the product.
 */
export function readParameters(value: string, hint: string | null = null): number[] {
  const text = bare(value).replace(/(\d+(?:\.\d+)?)\s*[x×]\s*(\d+(?:\.\d+)?)\s*([bBmM])/g, (_, a, b, u) => `${Number(a) * Number(b)}${u}`);
  if (text.length > 200) return [];
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const factor = unitFactor(m[2], hint);
    if (factor === null) continue;
    const n = Number(m[1]) * factor;
    if (n > 0 && n < 100_000) out.push(n);
  }
  return distinctSorted(out);
}

/** Context lengths in tokens; numbers under 64 are not context lengths. */
export function readContextLength(value: string): number[] {
  const text = bare(value).replace(/(\d),(\d{3})(?!\d)/g, '$1$2');
  if (text.length > 200) return [];
  const out: number[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const unit = (m[2] ?? '').toLowerCase();
    if (unit === 'b' || unit === 't') continue;
    const n = Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 * 1024 : 1);
    if (n >= 64 && n <= 100_000_000 && Number.isInteger(n)) out.push(n);
  }
  return distinctSorted(out);
}

/** A value that is only a parameter count or a list/range of them (`7B`, `1.3B / 6.7B`, `7-70B`). */
export function looksLikeParameters(value: string): boolean {
  const text = bare(value).trim();
  if (!text || text.length > 40) return false;
  const tokens = text.split(/(?<!\s)\s*(?:[-–~,/|&、]|\bto\b|\band\b)\s*/).filter(Boolean);
  return tokens.every((t) => /^~?\d+(?:\.\d+)?\s*[bBmM]?$/.test(t)) && /\d\s*[bBmM]$/.test(tokens[tokens.length - 1] ?? '');
}
