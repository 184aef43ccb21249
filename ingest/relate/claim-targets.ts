import { cleanName } from '../names/text.js';
import type { Claim, TextLink } from '../extract/types.js';
import type { Entity } from '../resolve/entity.js';
import type { EntityIndex } from './entity-index.js';

/** What a claim points at: a known entity, or a name the lists do not otherwise know. */
export type Target =
  | { kind: 'known'; entity: Entity; text: string }
  | { kind: 'unknown'; text: string; link?: TextLink };

/** Words between a trigger and the name it introduces: articles, possessives, sizes, quantities. */
const FILLER =
  /^(?:(?:the|a|an|its|their|our|original|pre-?trained|open-?sourced?|frozen|large|models?:)\s+|\d[\d.,]*\s*[BMKTbmkt]?\+?\s+(?:tokens\s+of\s+)?|[\p{L}\p{N}.-]+'s\s*|[\w-]+-year-old\s+model:\s*|fine-?tuning\s+|[^\p{L}\p{N}\s(]+\s*)/u;

const TRAILING = /[\s,.;:!?)\]"'”’*`]+$|'s$|\(.*$/;

function skipFillers(text: string, at: number, links: TextLink[]): number {
  for (let n = 0; n < 5; n++) {
    if (links.some((l) => l.start === at)) return at;
    const m = FILLER.exec(text.slice(at));
    if (!m || !m[0]) return at;
    at += m[0].length;
  }
  return at;
}

/** The longest run of up to six words at `at` that names something known. */
function nameAt(text: string, at: number, index: EntityIndex): { entities: Entity[]; text: string; end: number } | null {
  const rest = text.slice(at);
  const ends = [...rest.matchAll(/\S+/g)].slice(0, 6).map((m) => (m.index ?? 0) + m[0].length);
  for (let k = ends.length; k >= 1; k--) {
    const raw = rest.slice(0, ends[k - 1]);
    const spelling = cleanName(raw.replace(TRAILING, '').replace(TRAILING, ''));
    if (!spelling) continue;
    const entities = index.byName(spelling);
    if (entities.length) return { entities, text: spelling, end: at + raw.length };
  }
  return null;
}

function candidateText(text: string, at: number): string {
  return cleanName(text.slice(at).split(/[,.;:()]/)[0].split(/\s+/).slice(0, 4).join(' '));
}

/** A target at `at` (a link starting there, or a known name), and the position after it. */
function targetAt(claim: Claim, at: number, index: EntityIndex): { target: Target; end: number } | null {
  const { text, links } = claim.sentence;
  at = skipFillers(text, at, links);
  const link = links.find((l) => l.start === at);
  if (link) {
    const known = (link.url && index.byLink(link.url)) || null;
    if (known) return { target: { kind: 'known', entity: known, text: link.text }, end: link.end };
    const byName = index.byName(cleanName(link.text.replace(/\s*\(.*\)\s*$/, '')));
    // A link to somewhere else than the known thing of that name is another thing.
    const sameLink = byName.filter((e) => !e.mentions.some((m) => m.url && !m.sharedLink) || e.mentions.some((m) => m.url === link.url));
    if (sameLink.length === 1) return { target: { kind: 'known', entity: sameLink[0], text: link.text }, end: link.end };
    return { target: { kind: 'unknown', text: cleanName(link.text), link }, end: link.end };
  }
  const named = nameAt(text, at, index);
  if (named && named.entities.length === 1) return { target: { kind: 'known', entity: named.entities[0], text: named.text }, end: named.end };
  const word = candidateText(text, at);
  return word ? { target: { kind: 'unknown', text: word }, end: at + word.length } : null;
}

const COORDINATION = /^\s*(?:,\s*(?:and\s+)?|&|and\b|、|or\b)\s*/;

/** Every target of a claim: the first one, those coordinated with it (`BLOOM & mT5`), or every link in the clause. */
export function claimTargets(claim: Claim, index: EntityIndex): Target[] {
  const { text, links } = claim.sentence;
  if (claim.at.direction === 'before') {
    const before = text.slice(0, claim.at.offset);
    const link = links.find((l) => l.end === claim.at.offset || l.end === before.trimEnd().length);
    if (link) {
      const known = (link.url && index.byLink(link.url)) || null;
      return [known ? { kind: 'known', entity: known, text: link.text } : { kind: 'unknown', text: cleanName(link.text), link }];
    }
    const run = /([A-Za-z0-9][\w.+-]*(?:\s+[A-Za-z0-9][\w.+-]*){0,2})\s*$/.exec(before);
    if (!run) return [];
    const words = run[1].split(/\s+/);
    for (let n = 1; n <= words.length; n++) {
      const spelling = cleanName(words.slice(words.length - n).join(' '));
      // Shortest first, then longer: `Instruction-following LLaMA` names LLaMA.
      const hit = index.byName(spelling);
      if (hit.length === 1) return [{ kind: 'known', entity: hit[0], text: spelling }];
    }
    return [{ kind: 'unknown', text: cleanName(words[words.length - 1]) }];
  }

  if (claim.allLinksInClause) {
    const end = (() => {
      const m = /[.;]\s/.exec(text.slice(claim.at.offset));
      return m ? claim.at.offset + m.index : text.length;
    })();
    return links
      .filter((l) => l.start >= claim.at.offset && l.start < end)
      .map((l) => {
        const known = (l.url && index.byLink(l.url)) || null;
        return known ? { kind: 'known', entity: known, text: l.text } : { kind: 'unknown', text: cleanName(l.text), link: l };
      });
  }

  const out: Target[] = [];
  let at = claim.at.offset;
  for (let n = 0; n < 5; n++) {
    const found = targetAt(claim, at, index);
    if (!found) break;
    out.push(found.target);
    const next = COORDINATION.exec(text.slice(found.end));
    if (!next) break;
    at = found.end + next[0].length;
  }
  return out;
}
