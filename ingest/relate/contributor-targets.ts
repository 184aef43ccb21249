import { nameKey } from '../graph/name-key.js';
import type { Claim } from '../extract/types.js';
import { SEED_KNOWLEDGE } from '../extract/knowledge.js';
import { isOrganizationName, withoutEtAl } from '../extract/organizations.js';
import { cleanName } from '../names/text.js';
import { LEXICON } from '../lexicon/lexicon.js';
import type { Entity, Resolution } from '../resolve/entity.js';

/**
 * Who a `by` claim credits (`developed by Meta AI`, `由清华大学开发`, `元语智能发布的`,
 * `models from DeepSeek`): an organization the lists name, or a name that reads as an
 * organization's (seed knowledge, or an organization word such as `AI`, `Lab`, `大学`).
 */
export type ContributorTarget =
  | { kind: 'known'; entity: Entity }
  /** `written`: the words as the sentence has them, when the name drops some (`德国萨尔大学团队`). */
  | { kind: 'new'; name: string; url?: string; written?: string }
  | { kind: 'unknown'; text: string };

export interface OrganizationIndex {
  byName(spelling: string): Entity[];
}

export function organizationIndex(res: Resolution): OrganizationIndex {
  const names = new Map<string, Set<Entity>>();
  for (const e of res.entities) {
    if (e.label !== 'Organization') continue;
    for (const s of [e.name, ...e.aliases]) {
      const k = nameKey(s);
      if (!k) continue;
      const set = names.get(k) ?? new Set<Entity>();
      set.add(e);
      names.set(k, set);
    }
  }
  return { byName: (spelling) => [...(names.get(nameKey(withoutEtAl(spelling))) ?? [])] };
}

const CJK_NAME = /^[\u3040-\u30ff\u3400-\u9fff]/;

/** Verbs that end the name in `由X开发`. */
const ZH_VERB = /(?:联合)?(?:开发|发布|推出|研发|开源|打造|出品|训练|提出|主导|牵头)/;
const STOP = /[，。；、,;:：()（）\n]|\.(?=\s|$)|\s(?:and|with|in|on|for|at|to|using|which|that|based)\s/i;

/** People named after an organization (`中国人民大学GSAI研究人员`, `…多位老师和学生`): the organization is the name. */
const PEOPLE = /(?:的)?(?:研究人员|研究者|研究员|学者|老师和学生|多位老师|团队成员|成员|科学家|[两二三四五六七八九十几多]家(?:单位|机构|公司|高校))(?:参与|共同|联合)?$/;

/**
 * Words between a name and its verb that are no part of it: adverbs and times
 * (`谷歌在今年4月发布`, `LAION重磅开源`, `Hugging Face研究人员近期发布`). Texts here are at most 80
 * characters, so the anchored repetition stays cheap.
 */
const TAIL = /(?:共同|一起|联合|合作|重磅|正式|已经|近期|最近|近日|日前|开源|等(?:机构|单位|高校|公司|团队)?|(?:于|在)?(?:今年|去年|前年|\d{4}年)(?:\d{1,2}月)?(?:\d{1,2}日)?|(?:于|在)?\d{1,2}月(?:份|\d{1,2}日)?)+$/;

function withoutTail(text: string): string {
  return text.replace(TAIL, '').replace(PEOPLE, '').replace(TAIL, '').trim();
}

/** Words that lead into the name in `该项目是由复旦大学…`, `是阿里云研发的`: the name starts after them. */
const LEAD_IN = /^.*(?:由|是|为|被|经|受|来自)(?=[^由是为被经受]{2,}$)/;

/**
 * `前OpenAI研究员所在的Together团队`: the name follows the modifier that ends with 的 — unless
 * the modifier is itself an organization the seed knows (`UC伯克利的伯克利…`).
 */
function withoutModifier(text: string): string {
  const m = /^([^的]{1,30})的(?=\S{2,})/.exec(text);
  if (!m) return text;
  // `阿卜杜拉国王科技大学的研究团队`: a team of no name belongs to the organization before it.
  if (GENERIC_GROUP.test(text.slice(m[0].length))) return m[1];
  return SEED_KNOWLEDGE.isOrganization(m[1]) ? m[1] : text.slice(m[0].length);
}

/** A group named by what it is or whose it is, not by a name: `研究团队`, `课题组`, `王本友教授团队`. */
const GENERIC_GROUP = /^(?:[\u3400-\u9fff]{2,4}(?:教授|老师|博士))?(?:研究|开发|技术)?(?:团队|小组|课题组|研究组|实验室)/;

/** CJK runs are tried longest first, then shorter prefixes (after) or suffixes (before), down to two characters. */
function cjkRuns(run: string, from: 'start' | 'end'): string[] {
  const out: string[] = [];
  for (let n = Math.min(run.length, 20); n >= 2; n--) out.push(from === 'start' ? run.slice(0, n) : run.slice(run.length - n));
  return out;
}

function candidates(claim: Claim): { text: string; url?: string }[] {
  const { text, links } = claim.sentence;
  const at = claim.at.offset;
  if (claim.at.direction === 'after') {
    const link = links.find((l) => l.start >= at && l.start <= at + 4);
    if (link) return [{ text: link.text, url: link.url }];
    let rest = text.slice(at, at + 80);
    const verb = ZH_VERB.exec(rest);
    if (verb && verb.index > 0 && !/[\s,]/.test(rest.slice(0, verb.index).trim().slice(-1))) rest = rest.slice(0, verb.index);
    rest = withoutTail(rest.replace(LEAD_IN, ''));
    const stop = STOP.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
    rest = withoutModifier(rest.trim());
    if (/^[\u3040-\u30ff\u3400-\u9fff]/.test(rest)) {
      const run = rest.split(/\s/)[0];
      // `非盈利机构LAION`: a description, then the name in Latin letters.
      const latin = /[A-Za-z][\w.+-]*(?:\s+[A-Za-z][\w.+-]*){0,3}$/.exec(rest);
      return [...cjkRuns(run, 'start'), ...(latin && latin.index > 0 ? [latin[0]] : [])].map((t) => ({ text: t }));
    }
    const words = rest.split(/\s+/).filter(Boolean).slice(0, 5);
    return words.map((_, n) => ({ text: words.slice(0, words.length - n).join(' ') }));
  }
  const before = text.slice(Math.max(0, at - 40), at);
  const cut = Math.max(...['，', '。', '；', '：', ':', ',', '、', '(', '（', ')', '）'].map((c) => before.lastIndexOf(c)));
  const chunk = withoutModifier(withoutTail(before.slice(cut + 1).trim().replace(LEAD_IN, '')));
  if (!chunk) return [];
  if (/[\u3040-\u30ff\u3400-\u9fff]/.test(chunk)) {
    const run = chunk.split(/\s+/).pop()!;
    // `中国人民大学GSAI`: a known organization, then the name of its unit.
    const knownStart = cjkRuns(run, 'start').filter((t) => SEED_KNOWLEDGE.isOrganization(t));
    return [...cjkRuns(run, 'end'), ...knownStart].map((t) => ({ text: t }));
  }
  const words = chunk.split(/\s+/);
  // Shortest run of trailing words first for Latin names.
  return words.map((_, n) => ({ text: words.slice(words.length - 1 - n).join(' ') })).reverse();
}

/** `前OpenAI研究员所在的Together团队，以及LAION、Ontocord.ai团队`: each organization a `by` clause names. */
export function contributorTargets(claim: Claim, index: OrganizationIndex): ContributorTarget[] {
  const first = contributorTarget(claim, index);
  if (!first || claim.sentence.links.some((l) => l.start >= claim.at.offset && l.start <= claim.at.offset + 4)) return first ? [first] : [];
  let clause: string;
  if (claim.at.direction === 'after') {
    const rest = claim.sentence.text.slice(claim.at.offset, claim.at.offset + 120);
    const verb = ZH_VERB.exec(rest);
    clause = (verb ? rest.slice(0, verb.index) : rest).split(/[。；;.!?]/)[0].replace(LEAD_IN, '');
  } else {
    // `商汤科技、上海AI实验室联合香港中文大学、复旦大学和上海交通大学发布…`
    const before = claim.sentence.text.slice(Math.max(0, claim.at.offset - 80), claim.at.offset);
    // A full stop ends a sentence only before a space or the end: `Ontocord.ai` is one name.
    clause = before.split(/[。；;!?：:]|\.(?=\s|$)/).pop()!.replace(LEAD_IN, '').replace(/联合/g, '、').replace(/(?<=[\u3400-\u9fff])和(?=[\u3400-\u9fff])/g, '、');
  }
  // Only lists split (`A、B`, `A，以及B`): `与` and `和` also join the words of one name (`数据智能与社会计算实验室`).
  const parts = clause.split(/(?<!\s)\s*(?:[,，、]|以及|\band\b|&)\s*/).map((p) => p.replace(/(?:共同|一起|联合|合作)$/, '').trim()).filter(Boolean);
  // `德国萨尔大学团队和中国南京大学团队`: 和/及 join two names when each is an organization's; 与
  // stays inside one (`复旦大学数据智能与社会计算实验室`, where `…数据智能` looks like a company).
  const split = parts.flatMap((p) => {
    const halves = p.split(/和|及/).map((h) => h.trim()).filter(Boolean);
    return halves.length > 1 && halves.every((h) => isOrganizationName(h, SEED_KNOWLEDGE)) ? halves : [p];
  });
  parts.splice(0, parts.length, ...split);
  if (parts.length < 2) return [first];
  const out: ContributorTarget[] = [];
  for (const part of parts) {
    const t = contributorTarget({ ...claim, sentence: { text: part, links: [], bold: [] }, at: { offset: 0, direction: 'after' } }, index);
    if (t && t.kind !== 'unknown') out.push(t);
  }
  return out.length ? out : [first];
}

/** `德国萨尔大学团队` → `萨尔大学团队`: a country before a foreign institution is no part of its name. */
function withoutPlace(name: string): string {
  if (SEED_KNOWLEDGE.isOrganization(name)) return name;
  const place = LEXICON.placePrefixes.find((p) => name.startsWith(p));
  const rest = place ? name.slice(place.length).trim() : '';
  return rest.length >= 3 && isOrganizationName(rest, SEED_KNOWLEDGE) ? rest : name;
}

export function contributorTarget(claim: Claim, index: OrganizationIndex): ContributorTarget | null {
  const list = candidates(claim).map((c) => ({ ...c, written: c.text, text: withoutPlace(c.text) }));
  const found = (c: (typeof list)[number], name: string): ContributorTarget => ({ kind: 'new', name, url: c.url, ...(c.written !== c.text ? { written: cleanName(c.written) } : {}) });
  for (const c of list) {
    const name = cleanName(c.text);
    if (!name) continue;
    const hits = index.byName(name);
    if (hits.length === 1) return { kind: 'known', entity: hits[0] };
    // The longest name wins: `阿里巴巴达摩院` is the academy, not just `阿里巴巴`;
    // `中国科学院计算技术研究所自然语言处理团队` is the team, not the whole academy.
    if (SEED_KNOWLEDGE.isOrganization(name) || (CJK_NAME.test(name) && !/[和及]/.test(name) && isOrganizationName(name, SEED_KNOWLEDGE))) return found(c, name);
  }
  for (const c of list) {
    const name = cleanName(withoutEtAl(c.text));
    if (name && name.length <= 60 && isOrganizationName(name, SEED_KNOWLEDGE)) return found(c, name);
  }
  return list.length ? { kind: 'unknown', text: cleanName(list[0].text) } : null;
}
