import { splitParenthetical } from '../extract/cells.js';
import { repositoryKey } from '../names/links.js';
import { repositoriesConflict } from '../resolve/clusters.js';
import { cleanName } from '../names/text.js';
import { nameKey } from '../graph/name-key.js';
import type { Claim, TextLink } from '../extract/types.js';
import type { Entity } from '../resolve/entity.js';
import type { EntityIndex } from './entity-index.js';
import { AFTER_BASE_NAME } from '../extract/prose/patterns.js';

/** What a claim points at: a known entity, or a name the lists do not otherwise know. */
/** Where in the sentence a target was read (after-direction targets), for phrases scoped to it. */
interface Span {
  start?: number;
  end?: number;
}

export type Target =
  | ({ kind: 'known'; entity: Entity; text: string } & Span)
  /** `text`: the link's name or the first word; `phrase`: the words it starts, for reports. */
  | ({ kind: 'unknown'; text: string; phrase?: string; link?: TextLink } & Span);

/**
 * Words between a trigger and the name it introduces: articles, possessives, sizes, quantities,
 * and a generic noun whose parenthesis names them (`通用中文基座模型（如 Chinese-LLaMA、ChatGLM 等）`).
 */
const FILLER =
  /^(?:(?:the|a|an|its|their|our|original|pre-?trained|open-?sourced?|frozen|large|models?:)\s+|\d[\d.,]*\s*[BMKTbmkt]?\+?\s+(?:tokens\s+of\s+)?|[\p{L}\p{N}.-]+'s\s*|[\w-]+-year-old\s+model:\s*|fine-?tuning\s+|[^\p{L}\p{N}\s(]+\s*|(?:[0-9\u3040-\u30ff\u3400-\u9fff]{1,12}的|[\u3040-\u30ff\u3400-\u9fff]{0,12}模型\s*(?:[（(]\s*(?:如|例如|比如|包括|诸如)?)?|原版|原始|开源)\s*(?=[A-Za-z0-9]))/u;

const TRAILING = /[\s,.;:!?)\]"'”’*`]+$|'s$|\(.*$/;

function skipFillers(text: string, at: number, links: TextLink[]): number {
  for (let n = 0; n < 5; n++) {
    if (links.some((l) => l.start === at)) return at;
    const m = FILLER.exec(text.slice(at, at + 200));
    if (!m || !m[0]) return at;
    at += m[0].length;
  }
  return at;
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff]/;
const STOPS = /[,;，。；、:：()（）\n]/;

/**
 * Where a name starting at the beginning of `rest` may end: after each of up to six words, where
 * Latin script meets CJK (`LLaMA的基础上` → `LLaMA`), and after each CJK character of a run
 * (`华驼的…` → `华`, `华驼`, …), up to a clause boundary.
 */
function candidateEnds(rest: string): number[] {
  const ends: number[] = [];
  let words = 0;
  let cjkRun = 0;
  const limit = Math.min(rest.length, 160);
  for (let i = 0; i < limit; i++) {
    const ch = rest[i];
    if (STOPS.test(ch)) break;
    const next = rest[i + 1] ?? ' ';
    const cjk = CJK.test(ch);
    if (cjk) {
      if (++cjkRun > 12) break;
      ends.push(i + 1);
    } else {
      cjkRun = 0;
      if (/\s/.test(ch)) continue;
      if (/\s/.test(next) || STOPS.test(next) || CJK.test(next) || i + 1 === rest.length) {
        ends.push(i + 1);
        if (/\s/.test(next) && ++words >= 6) break;
      }
    }
  }
  return ends;
}

/** The longest run at `at` (up to six words, or a CJK run) that names something known. */
function nameAt(text: string, at: number, index: EntityIndex): { entities: Entity[]; text: string; end: number } | null {
  const rest = text.slice(at, at + 200);
  const ends = candidateEnds(rest);
  for (let k = ends.length - 1; k >= 0; k--) {
    const raw = rest.slice(0, ends[k]);
    const spelling = cleanName(raw.replace(TRAILING, '').replace(TRAILING, ''));
    if (!spelling) continue;
    const entities = index.byName(spelling);
    if (entities.length) return { entities, text: spelling, end: at + raw.length };
  }
  return null;
}

/** The first word after `at` (a possible proper name) and the phrase it starts, for reports. */
function candidate(text: string, at: number): { word: string; phrase: string; length: number } {
  const rest = text.slice(at, at + 200);
  const phrase = cleanName(rest.split(/[,.;:()，。；：（）]/)[0].split(/\s+/).slice(0, 4).join(' '));
  // `ChatGLM-6B的中文问诊模型`, `TigerBot-7B-base，TigerBot-180B`: the Latin run is the word.
  const first = rest.match(/^\S+/)?.[0] ?? '';
  const latin = /^[A-Za-z0-9][\w.+-]*/.exec(first);
  const raw = latin && /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(first) ? latin[0] : first;
  const word = cleanName(raw.replace(TRAILING, ''));
  return { word, phrase, length: raw.length };
}

function linkTarget(link: TextLink, index: EntityIndex): Target {
  const { name, alsoKnownAs } = splitParenthetical(link.text);
  // `[low-rank adaptation (LoRA)](…)`: the acronym may be the name the lists use.
  const byName = [name, ...alsoKnownAs].map((n) => index.byName(n)).find((hits) => hits.length) ?? [];
  // The same name behind another repository is another project (QLoRA's guanaco is not JosephusCheung's).
  const repo = link.url ? repositoryKey(link.url) : null;
  const reposOf = (e: Entity) => new Set(e.mentions.flatMap((m) => (m.url && !m.sharedLink && repositoryKey(m.url) ? [repositoryKey(m.url)!] : [])));
  const compatible = byName.filter((e) => !repo || !repositoriesConflict(new Set([repo]), reposOf(e)));
  if (compatible.length === 1) return { kind: 'known', entity: compatible[0], text: link.text };
  const byLink = link.url ? index.byLink(link.url) : null;
  if (byLink) return { kind: 'known', entity: byLink, text: link.text };
  return { kind: 'unknown', text: name, link };
}

/**
 * Descriptive words before a link (`version of the open-source bilingual chat model [ChatGLM-6B]`):
 * when only lower-case words stand between, the link is the target.
 */
function linkAfterDescription(text: string, at: number, links: TextLink[]): TextLink | null {
  const next = links.filter((l) => l.start >= at).sort((a, b) => a.start - b.start)[0];
  if (!next) return null;
  const between = text.slice(at, next.start).replace(/\([^()]*\)/g, ' ');
  return /^(?:\s*[a-z][\w-]*){0,6}\s*$/.test(between) ? next : null;
}

/** A target at `at` (a link starting there, or a known name), and the position after it. */
function targetAt(claim: Claim, at: number, index: EntityIndex, first: boolean): { target: Target; end: number } | null {
  const { text, links } = claim.sentence;
  at = skipFillers(text, at, links);
  const link = links.find((l) => l.start === at);
  if (link) return { target: linkTarget(link, index), end: link.end };
  const named = nameAt(text, at, index);
  if (named && named.entities.length === 1) return { target: { kind: 'known', entity: named.entities[0], text: named.text }, end: named.end };
  if (named) return null;
  const described = first ? linkAfterDescription(text, at, links) : null;
  if (described) return { target: linkTarget(described, index), end: described.end };
  const { word, phrase, length } = candidate(text, at);
  return word ? { target: { kind: 'unknown', text: word, phrase }, end: at + length } : null;
}

/** The length of a parenthetical (nested ones included, at most 200 characters) right at `at`, else 0. */
function parentheticalLength(text: string, at: number): number {
  let i = at;
  while (text[i] === ' ') i++;
  if (text[i] !== '(' && text[i] !== '（') return 0;
  let depth = 0;
  for (let j = i; j < Math.min(text.length, i + 200); j++) {
    const ch = text[j];
    if (ch === '(' || ch === '（') depth++;
    else if ((ch === ')' || ch === '）') && --depth === 0) return j + 1 - at;
  }
  return 0;
}

/** `X, Y and Z`, also after a data noun: `CodeSet data and MedQA`, `ShareGPT dialogues and the OpenOrca dataset`. */
const COORDINATION = /^\s*(?:(?:conversations|dialogues|data|dataset)\s*)?(?:,\s*(?:and\s+)?|&|and\b|、|or\b|和|及|与|以及|或|，)\s*/;

/** Every target of a claim: the first one, those coordinated with it (`BLOOM & mT5`), or every link in the clause. */
/**
 * `另有基于 ChatGLM 的[Med-ChatGLM]`: X followed by `的` and another model's name is that model's
 * base, not the subject's. The name after `的` is a link or a Latin run.
 */
function modifiesAnother(text: string, end: number, links: TextLink[], subjectNames: readonly string[]): boolean {
  const of = /^\s*的\s*/.exec(text.slice(end, end + 8));
  if (!of) return false;
  const at = end + of[0].length;
  const link = links.find((l) => l.start === at);
  const name = link ? cleanName(link.text) : /^[A-Za-z][\w.+-]*(?:-[\w.+]+)*/.exec(text.slice(at, at + 80))?.[0];
  if (!name) return false;
  const key = nameKey(name);
  // `基于LLaMA的中文模型` or `基于LLaMA的Chinese-Vicuna` under Chinese-Vicuna: about the subject.
  return !subjectNames.some((n) => nameKey(n) === key) && !/^(?:model|llm|chat|base)$/i.test(name);
}

export function claimTargets(claim: Claim, index: EntityIndex, subjectNames: readonly string[] = []): Target[] {
  const { text, links } = claim.sentence;
  if (claim.at.direction === 'before') {
    // `rinna GPT (neox-3.6b) をファインチューニング`: what parentheses add is no part of the name.
    const from = Math.max(0, claim.at.offset - 300);
    const upTo = text.slice(from, claim.at.offset);
    const head = upTo.replace(/(?<!\s)\s*[(（][^()（）]{0,60}[)）]\s*$/, '').trimEnd();
    const link = links.find((l) => l.end === claim.at.offset || l.end === from + head.length);
    if (link) return [linkTarget(link, index)];
    // `进行大模型（Qwen-7B-base）指令微调`: after a generic noun, the parenthesis is the name.
    const named = /模型$/.test(head) ? /[(（]\s*([A-Za-z0-9][^()（）]{0,58})[)）]\s*$/.exec(upTo) : null;
    const before = named ? named[1].trim() : head.slice(-200);
    const run = /([A-Za-z0-9][\w.+-]*(?:\s+[A-Za-z0-9][\w.+-]*){0,4})\s*$/.exec(before);
    if (!run) return [];
    // `東北大BERTに対して`: a Latin run glued to CJK before it is part of that name, not a name alone.
    const glued = /([\u3040-\u30ff\u3400-\u9fff]{1,12})$/.exec(before.slice(0, run.index));
    if (glued && !/\s/.test(run[1])) {
      const spelling = cleanName(glued[1] + run[1]);
      const hit = index.exactName(spelling);
      return hit.length === 1 ? [{ kind: 'known', entity: hit[0], text: spelling }] : [{ kind: 'unknown', text: spelling }];
    }
    const words = run[1].split(/\s+/);
    // The longest run that is exactly a known name (`Llama 3 Swallow 70B`) …
    for (let n = words.length; n >= 2; n--) {
      const spelling = cleanName(words.slice(words.length - n).join(' '));
      const hit = index.exactName(spelling);
      if (hit.length === 1) return [{ kind: 'known', entity: hit[0], text: spelling }];
    }
    for (let n = 1; n <= words.length; n++) {
      const spelling = cleanName(words.slice(words.length - n).join(' '));
      // … else the shortest that names one, sizes through their family (`Instruction-following LLaMA` names LLaMA).
      const hit = index.byName(spelling);
      if (hit.length === 1) return [{ kind: 'known', entity: hit[0], text: spelling }];
    }
    return [{ kind: 'unknown', text: cleanName(words.slice(Math.max(0, words.length - 3)).join(' ')), phrase: cleanName(words.join(' ')) }];
  }

  if (claim.allLinksInClause) {
    const end = (() => {
      const m = /[.;]\s/.exec(text.slice(claim.at.offset, claim.at.offset + 2000));
      return m ? claim.at.offset + m.index : Math.min(text.length, claim.at.offset + 2000);
    })();
    return links
      .filter((l) => l.start >= claim.at.offset && l.start < end)
      .map((l) => linkTarget(l, index));
  }

  const out: Target[] = [];
  let at = claim.at.offset;
  for (let n = 0; n < 5; n++) {
    const found = targetAt(claim, at, index, n === 0);
    if (!found) break;
    // `基于ChatGPT生成的数据`, `在Stanford Alpaca模式基础上`: the name modifies what follows it.
    if (claim.relation === 'base' && AFTER_BASE_NAME.test(text.slice(found.end, found.end + 16))) break;
    if (claim.relation === 'base' && modifiesAnother(text, found.end, links, subjectNames)) break;
    out.push({ ...found.target, start: at, end: found.end });
    // `ChatLaw-13B（基于…），ChatLaw-33B`: what parentheses add to a name does not end the list.
    const after = found.end + parentheticalLength(text, found.end);
    const next = COORDINATION.exec(text.slice(after));
    if (!next) break;
    at = after + next[0].length;
  }
  return out;
}
