import { nameKey } from '../graph/name-key.js';
import type { Claim } from '../extract/types.js';
import { SEED_KNOWLEDGE } from '../extract/knowledge.js';
import { isOrganizationName, withoutEtAl } from '../extract/organizations.js';
import { cleanName } from '../names/text.js';
import type { Entity, Resolution } from '../resolve/entity.js';

/**
 * Who a `by` claim credits (`developed by Meta AI`, `由清华大学开发`, `元语智能发布的`,
 * `models from DeepSeek`): an organization the lists name, or a name that reads as an
 * organization's (seed knowledge, or an organization word such as `AI`, `Lab`, `大学`).
 */
export type ContributorTarget = { kind: 'known'; entity: Entity } | { kind: 'new'; name: string; url?: string } | { kind: 'unknown'; text: string };

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

/** Verbs that end the name in `由X开发`. */
const ZH_VERB = /(?:联合)?(?:开发|发布|推出|研发|开源|打造|出品|训练|提出)/;
const STOP = /[，。；、,.;:：()（）\n]|\s(?:and|with|in|on|for|at|to|using|which|that|based)\s/i;

function candidates(claim: Claim): { text: string; url?: string }[] {
  const { text, links } = claim.sentence;
  const at = claim.at.offset;
  if (claim.at.direction === 'after') {
    const link = links.find((l) => l.start >= at && l.start <= at + 4);
    if (link) return [{ text: link.text, url: link.url }];
    let rest = text.slice(at, at + 80);
    const verb = ZH_VERB.exec(rest);
    if (verb && /[\u3400-\u9fff]/.test(rest.slice(0, verb.index))) rest = rest.slice(0, verb.index);
    const stop = STOP.exec(rest);
    if (stop) rest = rest.slice(0, stop.index);
    const words = rest.trim().split(/\s+/).filter(Boolean).slice(0, 5);
    return words.map((_, n) => ({ text: words.slice(0, words.length - n).join(' ') }));
  }
  const before = text.slice(Math.max(0, at - 40), at);
  const cut = Math.max(...['，', '。', '；', '：', ':', ',', '、', '(', '（', ')', '）'].map((c) => before.lastIndexOf(c)));
  const chunk = before.slice(cut + 1).trim();
  if (!chunk) return [];
  const words = chunk.split(/\s+/);
  // Shortest run of trailing words first for Latin names, the whole chunk for CJK.
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(chunk) ? [{ text: chunk }] : words.map((_, n) => ({ text: words.slice(words.length - 1 - n).join(' ') })).reverse();
}

export function contributorTarget(claim: Claim, index: OrganizationIndex): ContributorTarget | null {
  const list = candidates(claim);
  for (const c of list) {
    const name = cleanName(c.text);
    if (!name) continue;
    const hits = index.byName(name);
    if (hits.length === 1) return { kind: 'known', entity: hits[0] };
  }
  for (const c of list) {
    const name = cleanName(withoutEtAl(c.text));
    if (name && name.length <= 60 && isOrganizationName(name, SEED_KNOWLEDGE)) return { kind: 'new', name, url: c.url };
  }
  return list.length ? { kind: 'unknown', text: cleanName(list[0].text) } : null;
}
