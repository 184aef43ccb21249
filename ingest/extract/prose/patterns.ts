import type { ClaimRelation } from '../types.js';

/**
 * Trigger phrases that relate a sentence's subject to the name that follows (`after`) or
 * precedes (`before`) them. They are written for what the lists actually say; the target must
 * then be a known entity (or a link), which relate/ checks.
 */
export interface Trigger {
  relation: ClaimRelation;
  strength: 'strong' | 'weak';
  direction: 'after' | 'before';
  re: RegExp;
  /** Every link in the rest of the clause is a target (`a mixture of [Baize](…)`). */
  allLinksInClause?: boolean;
  /** May fire inside parentheses (the appositive `Language Model (ChatGLM)` opens one). */
  inParentheses?: boolean;
  /** Fires only in a sentence that matches this too (a sentence about training). */
  context?: RegExp;
}

/** A sentence about how a model was trained. */
export const TRAINING = /\b(?:train\w*|(?:pre|re)-?train\w*|(?:instruction[- ])?(?:fine[- ]?)?tun\w*|finetun\w*|distill\w*|SFT|RLHF|learn\w*|utiliz\w*|use[sd]?|using|collect\w*|filter\w*)\b/i;

const TUNED = String.raw`(?:(?:instruction[- ])?(?:fine[- ]?tuned|finetuned|tuned|trained|pre-?trained|distilled)|SFT)`;
const NAME_AHEAD = String.raw`(?=(?!on\b|with\b|from\b|to\b|(?:large\s+)?language\s+model)\S+(?:\s\S+)?\s+model\b)`;

export const TRIGGERS: Trigger[] = [
  // Successors and size versions are not derivations: matched first so `version of` below does not fire.
  { relation: 'related', strength: 'strong', direction: 'after', re: /\b(?:second|next|new)[- ]generation version of\s*/gi },
  { relation: 'related', strength: 'strong', direction: 'after', re: /\b(?:re-?)?(?:implementation|implemention|reproduction|port|clone) (?:of|for)\s*/gi },
  { relation: 'related', strength: 'weak', direction: 'after', re: /\breproduc(?:e|es|ing)\s+(?:the\s+)?/gi },
  { relation: 'related', strength: 'strong', direction: 'after', re: /\b(?:proposed in|borrows from)\s*/gi },
  { relation: 'related', strength: 'weak', direction: 'after', re: /\b(?:converts?|supports?|run inference on|inference (?:on|for|of))\s+(?:the\s+)?(?:latest\s+)?/gi },
  { relation: 'release', strength: 'strong', direction: 'after', re: /\bmodels? released:\s*/gi },
  { relation: 'release', strength: 'strong', direction: 'after', re: /\breleased\b[^.]*?\bincluding\s*/gi },

  // Derivation.
  { relation: 'base', strength: 'strong', direction: 'after', re: new RegExp(String.raw`\b${TUNED} from\s*`, 'gi') },
  { relation: 'base', strength: 'strong', direction: 'after', re: /\b(?:instruction[- ]fine[- ]?tuned|instruction[- ]tuned|fine[- ]?tuned|finetuned|accelerated|multimodal|multi-modal|open[- ]sourced?|trained) version (?:of\s*)?/gi },
  { relation: 'base', strength: 'weak', direction: 'after', re: /\bversion of\s*/gi },
  { relation: 'base', strength: 'strong', direction: 'after', re: /\bbuilt[- ](?:up)?on(?:\s+on)?(?:\s+top\s+of)?(?:\s+the\s+foundation\s+of)?\s*/gi },
  { relation: 'base', strength: 'strong', direction: 'after', re: /\b(?:trained|developed) based on(?: fine-?tuning)?\s*/gi },
  { relation: 'base', strength: 'strong', direction: 'after', re: /\b(?:further|continue[ds]?|continual) (?:pre-?train(?:ed|ing)?|train(?:ing)?)\s+(?!on\b)/gi },
  { relation: 'base', strength: 'strong', direction: 'after', re: new RegExp(String.raw`\bis an? ${NAME_AHEAD.replace('model', 'model (?:fine-?tuned|finetuned|trained)')}`, 'gi') },
  { relation: 'base', strength: 'strong', direction: 'after', re: new RegExp(String.raw`\b(?:an? |the )?(?:fine-?tuned|finetuned|instruct(?:ion)?-tuned) ${NAME_AHEAD}`, 'gi') },
  { relation: 'base', strength: 'strong', direction: 'after', re: new RegExp(String.raw`\ban? (?:instruction-following|instruction-tuned|instruct-tuned|chat) ${NAME_AHEAD}`, 'gi') },
  { relation: 'base', strength: 'weak', direction: 'after', re: /\b(?:fine[- ]?tuned|finetuned)\s+(?!on\b|with\b|using\b|for\b|to\b|from\b|version\b|by\b|in\b|and\b|models?\b)/gi },
  { relation: 'base', strength: 'weak', direction: 'before', re: /(?<=\S)\s+instruct(?:ion)?[- ]tuning\b/gi },
  { relation: 'base', strength: 'weak', direction: 'after', re: /(?<![-\w])based on\s*/gi },
  { relation: 'base', strength: 'weak', direction: 'after', re: /\b(?:fine-?tun(?:e|ing)|finetun(?:e|ing)|tuning|continue training|pre-?training on|performs pre-?training on)\s+(?!on\b|with\b|for\b|to\b|of\b|in\b|script\b)/gi },
  { relation: 'base', strength: 'weak', direction: 'before', re: /(?<=\S)(?:-| )based\b/gi },
  { relation: 'base', strength: 'weak', direction: 'after', re: /\b(?:frozen )?(?:LLM|[Ll]anguage [Mm]odel)\s*[,(]\s*/g, inParentheses: true },
  { relation: 'base', strength: 'weak', direction: 'after', re: /基于\s*/g },
  { relation: 'base', strength: 'weak', direction: 'before', re: /(?<=[A-Za-z0-9])\s*微调/g },

  // Data.
  { relation: 'tuned-on', strength: 'strong', direction: 'after', re: /\b(?:fine[- ]?tuned|finetuned|tuned|trained|pre-?trained) on a mixture of\s*/gi, allLinksInClause: true },
  { relation: 'tuned-on', strength: 'strong', direction: 'after', re: new RegExp(String.raw`\b${TUNED} on\s*`, 'gi') },
  { relation: 'data', strength: 'strong', direction: 'after', re: /\b(?:use[sd]?|using|utilize[sd]?)\s+(?=\S+(?:\s\S+)?\s+(?:data|dataset)\b)/gi },
  { relation: 'data', strength: 'strong', direction: 'before', re: /'s (?:data|dataset)\b/gi },
  { relation: 'data', strength: 'strong', direction: 'after', re: /\b(?:filter(?:ed)?|collect(?:ed)?|sampled?|gather(?:ed)?)\s+(?:(?:data|conversations|dialogues|samples|examples)\s+)?from\s*(?:the\s+)?/gi },
  // `~90K ShareGPT conversations`, `the OpenOrca dataset`: a listed dataset named with a data noun.
  { relation: 'data-named', strength: 'strong', direction: 'before', re: /(?<=[\w)\]])\s+(?:conversations|dialogues|dialogs|data|dataset|datasets|corpus|instructions)\b/gi, context: TRAINING },
  { relation: 'generated-by', strength: 'strong', direction: 'after', re: /\bgenerated (?:by|via|using|with)(?: using| letting)?\s*/gi },

  // Methods.
  { relation: 'technique', strength: 'strong', direction: 'after', re: /\b(?:fine[- ]?tuned|finetuned|trained|tuned|train(?: \w+)?) (?:with|using)\s*(?:the\s+)?/gi },
  { relation: 'technique', strength: 'weak', direction: 'after', re: /\b(?:using|called|via)\s*(?:the\s+)?/gi },
  { relation: 'technique', strength: 'weak', direction: 'before', re: /(?<=\S) (?:trained|tuned) version\b/gi },
  { relation: 'technique', strength: 'weak', direction: 'after', re: /\bwith\s+(?=\S+\s*$)/gi },

  // Evaluation.
  { relation: 'eval', strength: 'weak', direction: 'after', re: /\b(?:on|in)\s+(?:the\s+)?/gi },
];

/** Words that make a clause a comparison: what follows them is a peer, never a base. */
export const COMPARISON = /\b(?:outperform\w*|competitive|comparable|similar\w*|identical|equivalent|resembl\w*|surpass\w*|than|exceed\w*|approach(?:es|ing)?|close to|inherits?|impressing|beats?|rivals?|like)\b|%|-like\b|-level\b/i;

/** Words that make a clause about where data came from: its models are sources, not bases. */
export const DATA_PROVENANCE = /\b(?:generated|api|conversations?|dialog(?:ue)?s|distill(?:ed|ation)?|responses?|answers?)\b/i;
