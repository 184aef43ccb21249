import { LEXICON, type Role } from '../lexicon/lexicon.js';

/**
 * Cell values that stand for "no value" rather than naming anything — `-`, `not clear`, `etc.`,
 * `...`, `不明` — from `data/lexicon/values.json`; a role may add its own (`Individual` is no
 * contributor, `from scratch` no base). Punctuation alone is no value either.
 */
export function isPlaceholder(text: string, role?: Role): boolean {
  const t = text.trim();
  return !t || /^[\p{P}\p{S}\s]+$/u.test(t) || LEXICON.isPlaceholder(t, role);
}

/**
 * Architecture families written where a model name is expected (`**RNN**` as ChatRWKV's base):
 * they name a kind of network, not a model, so they never become Model nodes.
 */
const GENERIC_ARCHITECTURE = /^(?:rnn|lstm|cnn|transformers?|mlp|moe|decoder|encoder|encoder-decoder|decoder-only|ssm|mamba-style|state space model)$/i;

export function isGenericArchitecture(text: string): boolean {
  return GENERIC_ARCHITECTURE.test(text.trim());
}

/** Language codes sometimes pasted into a neighbouring cell (`BaihaiAIen/zh`). */
const LANGUAGE_CODE = /^(?:en|zh|multi|ja|ko|fr|de|es|ru)$/i;

export function isLanguageCode(text: string): boolean {
  return LANGUAGE_CODE.test(text.trim());
}
