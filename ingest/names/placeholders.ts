/**
 * Cell values that stand for "no value" rather than naming anything. Lists write them in many
 * ways: `-`, `not clear`, `etc.`, `...`.
 */
const PLACEHOLDER = /^(?:[-–—]+|\.{2,}|…|etc\.?|not clear|unclear|unknown|n\/a|none|todo|tbd|\?+)$/i;

export function isPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text.trim());
}

/**
 * Architecture families written where a model name is expected (`**RNN**` as ChatRWKV's base):
 * they name a kind of network, not a model, so they never become Model nodes.
 */
const GENERIC_ARCHITECTURE = /^(?:rnn|lstm|cnn|transformers?|mlp|moe|decoder|encoder)$/i;

export function isGenericArchitecture(text: string): boolean {
  return GENERIC_ARCHITECTURE.test(text.trim());
}

/** Language codes sometimes pasted into a neighbouring cell (`BaihaiAIen/zh`). */
const LANGUAGE_CODE = /^(?:en|zh|multi|ja|ko|fr|de|es|ru)$/i;

export function isLanguageCode(text: string): boolean {
  return LANGUAGE_CODE.test(text.trim());
}
