import { cleanText } from '../../names/text.js';
import type { Place, Sink } from '../sink.js';
import { provenance } from '../sink.js';
import type { Claim, Mention, RichText } from '../types.js';
import { appositiveClaims } from './appositive.js';
import { COMPARISON, DATA_PROVENANCE, TRIGGERS } from './patterns.js';
import { parenDepthAt, splitSentences } from './sentences.js';
import { sentenceSubject } from './subject.js';

/** The clause a trigger sits in, up to the trigger: where comparisons and data sources show. */
function clauseBefore(text: string, offset: number): string {
  const head = text.slice(0, offset);
  const cut = Math.max(...[',', ';', ':', '.', '!', '?', '(', ')', '，', '；', '：', '。', '！', '？', '（', '）', '、'].map((c) => head.lastIndexOf(c)));
  return head.slice(cut + 1);
}

/** The clause after a trigger, up to the next comma or full stop: `GPT-3 like` is a comparison. */
function clauseAfter(text: string, offset: number): string {
  return text.slice(offset).split(/[,;.:()，；。：（）]/)[0];
}

/** Raw claims of one sentence about one subject, before any target is known. */
export function findClaims(sentence: RichText): Omit<Claim, 'subject' | 'provenance' | 'sentence'>[] {
  const out: Omit<Claim, 'subject' | 'provenance' | 'sentence'>[] = [];
  const taken = new Set<string>();
  for (const t of TRIGGERS) {
    t.re.lastIndex = 0;
    for (const m of sentence.text.matchAll(t.re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (!t.inParentheses && parenDepthAt(sentence.text, start) > 0) continue;
      // Link text names a thing; it states nothing (`[Instruction-tuned Version](…)`).
      if (sentence.links.some((l) => start >= l.start && start < l.end)) continue;
      const clause = clauseBefore(sentence.text, start);
      if ((t.relation === 'base' || t.relation === 'tuned-on' || t.relation === 'data-named') && COMPARISON.test(clause)) continue;
      if (t.context && !t.context.test(sentence.text)) continue;
      if (t.relation === 'base' && t.direction === 'after' && /\blike\b|-like\b|-level\b|-style\b/i.test(clauseAfter(sentence.text, end))) continue;
      if (t.relation === 'base' && DATA_PROVENANCE.test(clause)) continue;
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
      });
    }
  }
  return out;
}

/**
 * Claims of a description (a table's main feature, a list item's text, a paper title) about the
 * row or item subjects. A sentence that names another thing in bold gets a mention of its own.
 */
export function describeClaims(sink: Sink, rich: RichText, subjects: Mention[], place: Place): void {
  for (const sentence of splitSentences(rich)) {
    appositiveClaims(sink, sentence, place);
    const found = findClaims(sentence);
    if (!found.length) continue;
    const who = sentenceSubject(sentence, subjects);
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
          provenance: provenance(place, 'text', { text: cleanText(sentence.text) }),
        }),
      ];
    }
    for (const subject of targets) {
      for (const c of found) {
        sink.claim({
          ...c,
          subject: subject.id,
          sentence,
          provenance: provenance(place, 'text', { text: cleanText(sentence.text) }),
        });
      }
    }
  }
}
