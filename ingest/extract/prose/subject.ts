import { nameKey } from '../../graph/name-key.js';
import { cleanName } from '../../names/text.js';
import { familyKeys, SEED_KNOWLEDGE } from '../knowledge.js';
import type { Mention, RichText } from '../types.js';

/** `X is …`, `The X models are …`, `X是…`, `X由…`: the name a sentence is about, if it says. */
const SENTENCE_SUBJECT = /^(?:the\s+)?(["“`*]*[^\s,]+(?:\s[^\s,]+)?["”`*]*)\s+(?:is|are|was|were|has|have|represents)\b/i;
const SENTENCE_SUBJECT_CJK = /^(?:新提出的)?([A-Za-z][\w.+-]*(?:\s[A-Za-z0-9][\w.+-]*)?)\s*(?:是|为|由|在|采用|基于|通过|使用|的)/;
const PRONOUN = /^(?:it|its|this|these|they|we|our|the|that)$/i;

/** Whether a spelling names this mention, allowing suffixes such as `Mistral 7B` or `AquilaCode-multi`. */
function names(spelling: string, m: Mention): 'exact' | 'prefix' | 'other' | null {
  const k = nameKey(spelling);
  const mk = nameKey(m.name);
  if (!k || !mk) return null;
  if (k === mk) return 'exact';
  if (k.startsWith(mk)) return 'prefix';
  // `PaLM是谷歌…发布的` under `PaLM-rlhf-pytorch`: a well-known model the row's name builds on is
  // another thing, unless the row is one of its sizes or versions.
  if (mk.startsWith(k)) return SEED_KNOWLEDGE.isModel(spelling) && !familyKeys(m.name).includes(k) ? 'other' : 'prefix';
  return null;
}

export type SentenceSubject =
  | { kind: 'rows'; mentions: Mention[] }
  /** Another thing, named in bold or code (`**VL-LLaMA** is …`): claims are about it. */
  | { kind: 'other'; name: string }
  | { kind: 'none' };

/**
 * Which row subject a sentence is about. Sentences about something else (`MathInstruct is
 * compiled from …`) or about one of several subjects without naming it yield no claims.
 */
export function sentenceSubject(sentence: RichText, subjects: Mention[], opts: { wellKnown?: boolean } = {}): SentenceSubject {
  const lead = sentence.bold.find((b) => b.start === 0);
  const leadName = lead ? cleanName(sentence.text.slice(lead.start, lead.end)) : null;
  const m = SENTENCE_SUBJECT.exec(sentence.text) ?? SENTENCE_SUBJECT_CJK.exec(sentence.text);
  const spelling = leadName && /^\s+[a-z]/.test(sentence.text.slice(lead!.end)) ? leadName : m ? cleanName(m[1]) : null;

  // `Alpaca's data is also used …` is about the row's model, not about Alpaca.
  if (spelling && !/'s\b/.test(spelling) && !PRONOUN.test(spelling.split(/\s/)[0]) && /[A-Z0-9]/.test(spelling[0] ?? '')) {
    const exact = subjects.filter((s) => names(spelling, s) === 'exact');
    if (exact.length) return { kind: 'rows', mentions: exact };
    const prefix = subjects.filter((s) => names(spelling, s) === 'prefix');
    if (prefix.length === 1) return { kind: 'rows', mentions: prefix };
    if (leadName === spelling || subjects.some((s) => names(spelling, s) === 'other')) return { kind: 'other', name: spelling };
    // Prose about the list (`LLaMA是由Meta发布的…`): a sentence about a well-known model is about it.
    if (opts.wellKnown && SEED_KNOWLEDGE.isModel(spelling)) return { kind: 'other', name: spelling };
    return { kind: 'none' };
  }
  if (subjects.length === 1) return { kind: 'rows', mentions: subjects };
  // `…其中包括了Phoenix和Chimera等模型，由…开发` under `LLMZoo（凤凰Phoenix和Chimera）`: a sentence that
  // names every subject is about them all.
  const text = nameKey(sentence.text);
  if (subjects.length > 1 && subjects.every((s) => nameKey(s.name).length >= 3 && text.includes(nameKey(s.name)))) return { kind: 'rows', mentions: subjects };
  return { kind: 'none' };
}
