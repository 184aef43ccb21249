/**
 * Size shorthand, one name for a family and its sizes: `Qwen2-0.5B|1.5B|7B|72B` is Qwen2 at
 * four sizes, `Llama 3.1-8|70|405B` Llama 3.1 at 8B, 70B and 405B (the unit written once, at the
 * end), `InternVL-2|6|14|26` InternVL at four sizes. Versions list separate models
 * (`RWKV-v4|5|6` → RWKV-v4, RWKV-v5, RWKV-v6), and a part that is no size is a variant of its
 * own (`Qwen1.5-…|110B|MoE-A2.7B` → Qwen1.5-MoE-A2.7B).
 */
export interface Shorthand {
  /** The family the sizes belong to (null when the parts are versions). */
  family: string | null;
  /** Sizes in billions, ascending. */
  parameters: number[];
  /** Other names the shorthand lists: versions, and variants that are not sizes. */
  variants: string[];
}

const FIRST = /^(.+?)[-_ ](v?)(\d+(?:\.\d+)?)([bmk])?((?:[-_][a-z][\w.-]*)?)$/i;
const PART = /^(v?)(\d+(?:\.\d+)?)([bmk])?((?:[-_][a-z][\w.-]*)?)$/i;
const FACTOR: Record<string, number> = { b: 1, m: 0.001, k: 0.000001 };

export function readShorthand(name: string): Shorthand | null {
  if (!name.includes('|') || name.length > 160) return null;
  const parts = name.split('|').map((p) => p.trim()).filter(Boolean);
  if (parts.length < 2) return null;
  const first = FIRST.exec(parts[0]);
  if (!first || !/[A-Za-z\u3400-\u9fff]/.test(first[1])) return null;
  const family = first[1].trim();
  const versions = first[2] !== '';
  const read = [{ v: first[2], n: first[3], unit: first[4], rest: first[5] }];
  const variants: string[] = [];
  for (const part of parts.slice(1)) {
    const m = PART.exec(part);
    if (m) read.push({ v: m[1], n: m[2], unit: m[3], rest: m[4] });
    else if (/^[A-Za-z]/.test(part) && part.length <= 40) variants.push(`${family}-${part}`);
    else return null;
  }
  if (versions) {
    return { family: null, parameters: [], variants: [...read.map((r) => `${family}-v${r.n}${r.rest ?? ''}`), ...variants] };
  }
  const unit = [...read].reverse().find((r) => r.unit)?.unit ?? 'b';
  const parameters = [...new Set(read.map((r) => Number(r.n) * FACTOR[(r.unit ?? unit).toLowerCase()]))].sort((a, b) => a - b);
  return { family, parameters, variants };
}
