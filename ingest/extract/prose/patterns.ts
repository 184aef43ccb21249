import { readFileSync } from 'node:fs';
import { LEXICON_DIR } from '../../lexicon/lexicon.js';
import type { ClaimRelation } from '../types.js';

/**
 * Trigger phrases that relate a sentence's subject to the name that follows (`after`) or
 * precedes (`before`) them, in English, Chinese and Japanese: the table in
 * `data/lexicon/phrases.json`, compiled once. The target must then be a known entity (or a
 * link), which relate/ checks.
 */
export interface Trigger {
  lang: string;
  relation: ClaimRelation;
  strength: 'strong' | 'weak';
  direction: 'after' | 'before';
  re: RegExp;
  /** Every link in the rest of the clause is a target (`a mixture of [Baize](…)`). */
  allLinksInClause?: boolean;
  /** A weak phrase that still names a well-known model the lists do not list (`基于BLOOM`). */
  wellKnownTargets?: boolean;
  /** A release phrase loose enough (`开源了`) that only the subject's own checkpoints count as released. */
  checkpointsOnly?: boolean;
  /** May fire inside parentheses (the appositive `Language Model (ChatGLM)` opens one). */
  inParentheses?: boolean;
  /** Fires only in a sentence that matches this too (a sentence about training). */
  context?: RegExp;
}

const RELATIONS: ClaimRelation[] = ['base', 'tuned-on', 'data', 'data-named', 'generated-by', 'technique', 'eval', 'related', 'release', 'by'];

interface PhraseTable {
  guards: Record<'comparison' | 'dataProvenance' | 'afterBaseName' | 'training', Record<string, string>>;
  triggers: {
    lang: string;
    relation: ClaimRelation;
    strength: 'strong' | 'weak';
    direction: 'after' | 'before';
    pattern: string;
    caseless?: boolean;
    allLinksInClause?: boolean;
    wellKnownTargets?: boolean;
    checkpointsOnly?: boolean;
    inParentheses?: boolean;
    context?: 'training';
  }[];
}

const PATH = `${LEXICON_DIR}phrases.json`;

function compile(source: string, flags: string, where: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new Error(`lexicon ${PATH} ${where}: ${(e as Error).message}`);
  }
}

const table = JSON.parse(readFileSync(PATH, 'utf8')) as PhraseTable;

/** One regular expression of every language's words for a guard. */
function guard(name: keyof PhraseTable['guards']): RegExp {
  const parts = Object.values(table.guards[name]).map((p) => `(?:${p})`);
  return compile(parts.join('|'), 'i', `guard ${name}`);
}

/** A sentence about how a model was trained. */
export const TRAINING = guard('training');

/** Words that make a clause a comparison: what follows them is a peer, never a base. */
export const COMPARISON = guard('comparison');

/** Words that make a clause about where data came from: its models are sources, not bases. */
export const DATA_PROVENANCE = guard('dataProvenance');

/**
 * Words right after a base's name that make the name a modifier: a source of data
 * (`基于ChatGPT生成的数据`, `Alpaca数据集`) or a recipe (`在Stanford Alpaca模式基础上`), not a base.
 */
export const AFTER_BASE_NAME = guard('afterBaseName');

export const TRIGGERS: Trigger[] = table.triggers.map((t, i) => {
  const where = `trigger ${i + 1}`;
  if (!RELATIONS.includes(t.relation)) throw new Error(`lexicon ${PATH} ${where}: unknown relation "${t.relation}"`);
  if (t.direction !== 'after' && t.direction !== 'before') throw new Error(`lexicon ${PATH} ${where}: direction must be after or before`);
  return {
    lang: t.lang,
    relation: t.relation,
    strength: t.strength,
    direction: t.direction,
    re: compile(t.pattern, t.caseless ? 'gi' : 'g', where),
    ...(t.allLinksInClause ? { allLinksInClause: true } : {}),
    ...(t.wellKnownTargets ? { wellKnownTargets: true } : {}),
    ...(t.checkpointsOnly ? { checkpointsOnly: true } : {}),
    ...(t.inParentheses ? { inParentheses: true } : {}),
    ...(t.context === 'training' ? { context: TRAINING } : {}),
  };
});
