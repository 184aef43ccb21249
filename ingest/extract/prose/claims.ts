import { cleanText } from '../../names/text.js';
import type { Place, Sink } from '../sink.js';
import { provenance } from '../sink.js';
import type { Claim, Mention, RichText } from '../types.js';
import { appositiveClaims } from './appositive.js';
import { COMPARISON, DATA_PROVENANCE, TRIGGERS } from './patterns.js';
import { splitSentences } from './sentences.js';
import { sliceRich } from '../rich-text.js';
import { sentenceSubject } from './subject.js';

/** How far around a trigger its clause is read: comparison and data words further away say nothing of it. */
const CLAUSE_WINDOW = 240;

/** A hostile sentence may repeat a trigger thousands of times; a real one states a handful of facts. */
export const MAX_CLAIMS_PER_SENTENCE = 64;

const CLAUSE_STOPS = [',', ';', ':', '.', '!', '?', '(', ')', '，', '；', '：', '。', '！', '？', '（', '）', '、'];

/** The clause a trigger sits in, up to the trigger: where comparisons and data sources show. */
function clauseBefore(text: string, offset: number): string {
  const head = text.slice(Math.max(0, offset - CLAUSE_WINDOW), offset);
  const cut = Math.max(...CLAUSE_STOPS.map((c) => head.lastIndexOf(c)));
  return head.slice(cut + 1);
}

/** The clause after a trigger, up to the next comma or full stop: `GPT-3 like` is a comparison. */
function clauseAfter(text: string, offset: number): string {
  return text.slice(offset, offset + CLAUSE_WINDOW).split(/[,;.:()，；。：（）]/)[0];
}

/** Paren depth at every offset of a text, computed once (targets inside a parenthetical describe something else). */
function parenDepths(text: string): Uint16Array {
  const depths = new Uint16Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    depths[i] = depth;
    const ch = text[i];
    if (ch === '(' || ch === '（') depth = Math.min(depth + 1, 65535);
    else if ((ch === ')' || ch === '）') && depth > 0) depth--;
  }
  depths[text.length] = depth;
  return depths;
}

/** Raw claims of one sentence about one subject, before any target is known. */
export function findClaims(sentence: RichText): Omit<Claim, 'subject' | 'provenance' | 'sentence'>[] {
  const out: Omit<Claim, 'subject' | 'provenance' | 'sentence'>[] = [];
  const taken = new Set<string>();
  const text = sentence.text;
  const depths = parenDepths(text);
  for (const t of TRIGGERS) {
    if (t.context && !t.context.test(text)) continue;
    t.re.lastIndex = 0;
    for (const m of text.matchAll(t.re)) {
      if (out.length >= MAX_CLAIMS_PER_SENTENCE) return out;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // Inside parentheses a phrase describes something else: only a base phrase is kept, marked,
      // for the checkpoint a release names just before it (`ChatLaw-13B（基于Ziya-LLaMA-13B-v1训练而来）`).
      const nested = !t.inParentheses && depths[start] > 0;
      if (nested && t.relation !== 'base') continue;
      // Link text names a thing; it states nothing (`[Instruction-tuned Version](…)`).
      if (sentence.links.some((l) => start >= l.start && start < l.end)) continue;
      const clause = clauseBefore(text, start);
      if ((t.relation === 'base' || t.relation === 'tuned-on' || t.relation === 'data-named') && COMPARISON.test(clause)) continue;
      if (t.relation === 'base' && t.direction === 'after' && /\blike\b|-like\b|-level\b|-style\b/i.test(clauseAfter(text, end))) continue;
      // Where data came from shows in the clause before the target (`使用Vicuna生成的数据训练`); a
      // Chinese or Japanese `after` trigger's words before it name the data, not the base
      // (`由DISC-Med-SFT数据集基于Baichuan…`): there the words right after the name decide (relate/).
      const cjkAfter = t.direction === 'after' && (t.lang === 'zh' || t.lang === 'ja');
      if (t.relation === 'base' && !cjkAfter && DATA_PROVENANCE.test(clause)) continue;
      const offset = t.direction === 'after' ? end : start;
      // Earlier triggers win for the same target position (successor before `version of`).
      const key = `${t.direction}:${offset}`;
      if (taken.has(key)) continue;
      taken.add(key);
      out.push({
        relation: t.relation,
        strength: t.strength,
        at: { offset, direction: t.direction },
        ...(t.allLinksInClause ? { allLinksInClause: true } : {}),
        ...(t.wellKnownTargets ? { wellKnownTargets: true } : {}),
        ...(t.checkpointsOnly ? { checkpointsOnly: true } : {}),
        ...(nested ? { nested: true } : {}),
      });
    }
  }
  return out;
}

/**
 * Claims of a description (a table's main feature, a list item's text, a paper title) about the
 * row or item subjects. A sentence that names another thing in bold gets a mention of its own.
 */
/**
 * `- （東北大BERT(base) を親モデルとして知識蒸留）`: a note wholly in parentheses, after an empty
 * value, is the cell's statement, not an aside inside one.
 */
function unwrapped(sentence: RichText): RichText {
  const lead = /^[\s\-–—]*[(（]/.exec(sentence.text);
  if (!lead || !/[)）]\s*$/.test(sentence.text)) return sentence;
  const end = sentence.text.trimEnd().length - 1;
  const inner = sentence.text.slice(lead[0].length, end);
  // Only one parenthetical: `（A）と（B）` stays as it is.
  let depth = 0;
  for (const ch of inner) {
    if (ch === '(' || ch === '（') depth++;
    else if (ch === ')' || ch === '）') if (--depth < 0) return sentence;
  }
  return depth === 0 ? sliceRich(sentence, lead[0].length, end) : sentence;
}

export function describeClaims(sink: Sink, rich: RichText, subjects: Mention[], place: Place, opts: { wellKnown?: boolean } = {}): void {
  for (const whole of splitSentences(rich)) {
    const sentence = unwrapped(whole);
    appositiveClaims(sink, sentence, place);
    const found = findClaims(sentence);
    if (!found.length) continue;
    const said = provenance(place, 'text', { text: cleanText(sentence.text) });
    const who = sentenceSubject(sentence, subjects, opts);
    let targets: Mention[] = [];
    if (who.kind === 'rows') targets = who.mentions;
    else if (who.kind === 'other') {
      targets = [
        sink.mention({
          label: 'Model',
          certain: false,
          role: 'reference',
          name: who.name,
          props: {},
          provenance: said,
        }),
      ];
    }
    for (const subject of targets) {
      for (const c of found) {
        sink.claim({
          ...c,
          subject: subject.id,
          sentence,
          provenance: said,
        });
      }
    }
  }
}
