/**
 * Parameter-count tokens: `7B`, `13b`, `1.6B`, `176B`, `540M`. Only these make a name a size
 * variant of a family; `-Instruct`, `-mt`, `-32K` or `-v1` make a different model.
 */
const SIZE_TOKEN = /^\d+(?:\.\d+)?[BbMm]$/;

export function isSizeToken(token: string): boolean {
  return SIZE_TOKEN.test(token);
}

export interface SizedName {
  family: string;
  size: string;
}

/** Bare version tokens (`V2`, `v1`) that a cell may list after a full name: `Llama V1 & V2`. */
const VERSION_TOKEN = /^[Vv]\d+(?:\.\d+)?$/;

export function isVersionToken(token: string): boolean {
  return VERSION_TOKEN.test(token);
}

/**
 * Splits `LLaMA-13B`, `GPT-J 6B`, `Llama65B`, `33B guanaco` into family and size. Returns null
 * when the size is not a pure prefix or suffix (`Falcon-7B-Instruct`, `bloom-1b4-zh`) or when
 * nothing but the size would remain.
 */
export function splitSize(name: string): SizedName | null {
  const trimmed = name.trim();
  const suffix = /^(.*?)([-_ ]?)(\d+(?:\.\d+)?[BbMm])$/.exec(trimmed);
  if (suffix) {
    const [, family, separator, size] = suffix;
    // Glued sizes need a letter before them (`Coati7B`); `GPT3B`-like digits would be ambiguous.
    const familyOk = /[A-Za-z\u3400-\u9fff]/.test(family) && (separator !== '' || /[A-Za-z]$/.test(family));
    if (familyOk) return { family: family.replace(/[-_ ]+$/, ''), size: size.toUpperCase() };
  }
  const prefix = /^(\d+(?:\.\d+)?[BbMm])[-_ ]+(.*[A-Za-z\u3400-\u9fff].*)$/.exec(trimmed);
  if (prefix) return { family: prefix[2].trim(), size: prefix[1].toUpperCase() };
  return null;
}
