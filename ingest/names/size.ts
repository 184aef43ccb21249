/**
 * Parameter-count tokens: `7B`, `13b`, `1.6B`, `176B`, `540M`. Only these make a name a size
 * variant of a family (`1b4` is 1.4B); `-Instruct`, `-Chat`, `-32K` or `-v1` make a different model.
 */
const SIZE_TOKEN = /^\d+(?:\.\d+)?[BbMm]\d*$/;

export function isSizeToken(token: string): boolean {
  return SIZE_TOKEN.test(token);
}

export interface SizedName {
  family: string;
  size: string;
  /** A checkpoint tag after the size (`zh`, `mt`): the same model released for a language or task mix. */
  tag?: string;
}

/** Tags that name a checkpoint of the same model, not a new model (unlike `Instruct` or `Chat`). */
const CHECKPOINT_TAG = /^(?:zh|en|cn|mt|multi|multilingual|chinese)$/i;

/** Bare version tokens (`V2`, `v1`) that a cell may list after a full name: `Llama V1 & V2`. */
const VERSION_TOKEN = /^[Vv]\d+(?:\.\d+)?$/;

export function isVersionToken(token: string): boolean {
  return VERSION_TOKEN.test(token);
}

/**
 * Splits `LLaMA-13B`, `GPT-J 6B`, `Llama65B`, `33B guanaco`, `bloom-1b4-zh` (1.4B, Chinese
 * checkpoint) into family and size. Returns null when anything but a size or a checkpoint tag
 * follows the family (`Falcon-7B-Instruct`, `Baichuan-13B-Chat`, `Llama-2-7B-32K`) or when
 * nothing but the size would remain.
 */
export function splitSize(name: string): SizedName | null {
  const trimmed = name.trim();
  const tagged = /^(.*?[A-Za-z\u3400-\u9fff].*?)[-_ ](\d+(?:\.\d+)?[BbMm]\d*)[-_ ]([A-Za-z]+)$/.exec(trimmed);
  if (tagged && CHECKPOINT_TAG.test(tagged[3])) return { family: tagged[1], size: tagged[2].toUpperCase(), tag: tagged[3] };
  const suffix = /^(.*?)([-_ ]?)(\d+(?:\.\d+)?[BbMm]\d*)$/.exec(trimmed);
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
