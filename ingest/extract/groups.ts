import { nameKey } from '../graph/name-key.js';
import { hasCjk, normaliseLabel } from '../lexicon/label.js';
import { LEXICON } from '../lexicon/lexicon.js';
import { isPlaceholder } from '../names/placeholders.js';
import { splitSize } from '../names/size.js';
import { cleanName } from '../names/text.js';
import type { Knowledge } from './knowledge.js';
import { isOrganizationName } from './organizations.js';
import { headingKind } from './section-kinds.js';

/**
 * What a group label says about the models under it — a `<details>` summary, a heading, or a
 * parent list item: `LLaMA 底座`, `Based on LLaMA`, `LLaMA family` name their base (the models
 * are BASED_ON it); `Meta`, `Mistral AI`, `清华大学` name an organization (FROM_CONTRIBUTOR).
 * A label the knowledge cannot place is an organization when most of its sibling labels are
 * (`ElutherAI` among `Meta`, `Google`, `Microsoft`). Anything else says nothing.
 */
export type GroupReading =
  | { kind: 'base'; name: string; marker: string }
  | { kind: 'org'; name: string; why: string }
  | null;

/** `LLaMA 底座` → LLaMA, `Based on LLaMA` → LLaMA, `Llama系` → Llama. */
export function baseMarked(label: string): { name: string; marker: string } | null {
  const text = label.trim();
  const lower = text.toLowerCase();
  for (const m of LEXICON.baseMarkers) {
    for (const word of m.words) {
      const w = word.toLowerCase();
      const cjk = hasCjk(w);
      let rest: string | null = null;
      if (m.affix === 'suffix' && lower.endsWith(w) && lower.length > w.length) {
        const before = text.slice(0, text.length - w.length);
        if (cjk || /[\s-]$/.test(before) || w.startsWith('-')) rest = before.replace(/[\s-]+$/, '');
      } else if (m.affix === 'prefix' && lower.startsWith(w) && lower.length > w.length) {
        const after = text.slice(w.length);
        if (cjk || /^\s/.test(after)) rest = after;
      }
      if (rest === null) continue;
      const name = cleanName(rest.replace(/^[:：\s]+|[:：\s]+$/g, ''));
      if (isBaseName(name)) return { name, marker: word };
    }
  }
  return null;
}

/** A base named by a marker must be a name, not a kind of thing (`Fine-tuned models`). */
function isBaseName(name: string): boolean {
  if (!name || isPlaceholder(name) || name.length > 60 || /[:：，。、；;!?！？]/.test(name)) return false;
  if (headingKind(name) !== undefined) return false;
  const words = name.split(/\s+/);
  return words.length <= 5 && (/[A-Z0-9]/.test(name) || hasCjk(name));
}

/** A label that reads as a name (short, not a sentence, not a section word). */
function nameLike(label: string): boolean {
  const norm = normaliseLabel(label);
  return !!norm && norm.split(' ').length <= 5 && label.length <= 60 && headingKind(label) === undefined && !/[.。:：!?]$/.test(label.trim());
}

export function readGroupLabel(label: string, siblings: string[], known: Knowledge): GroupReading {
  const text = cleanName(label);
  if (!text) return null;
  const base = baseMarked(text);
  if (base) return { kind: 'base', ...base };
  if (!nameLike(text)) return null;
  if (isOrganizationName(text, known)) return { kind: 'org', name: text, why: 'an organization name' };
  // A model family's name as a label (`BLOOM` among organizations) says nothing sure.
  if (known.isModel(text)) return null;
  const peers = siblings.filter(nameLike);
  if (peers.length >= 2) {
    const orgs = peers.filter((s) => isOrganizationName(s, known)).length;
    if (orgs / peers.length >= 0.6) return { kind: 'org', name: text, why: `${orgs} of its ${peers.length} sibling labels name organizations` };
  }
  return null;
}

/**
 * A model listed under its base's own group that is only a size of it (`Qwen-7B` under `Qwen
 * family`) is a member of the family, not derived from it. A new version listed under its
 * predecessor (`ChatGLM2` under `ChatGLM 底座`) is, as the list says, built on it.
 */
export function isMemberOf(name: string, base: string): boolean {
  const k = nameKey(name);
  const b = nameKey(base);
  if (!k || !b) return false;
  if (k === b) return true;
  const sized = splitSize(name);
  return !!sized && nameKey(sized.family) === b;
}

/** The group a block sits in that names an organization or a base, innermost first. */
export interface EnclosingGroup {
  kind: 'org' | 'base';
  name: string;
  label: string;
  line: number;
  why: string;
}

export function enclosingGroup(
  at: { section: string[]; headingLines: number[]; headingSiblings: string[][]; groups: { label: string; line: number; siblings: string[] }[] },
  known: Knowledge,
  override?: (label: string, line: number) => string | undefined,
): EnclosingGroup | null {
  const labels = [
    ...[...at.groups].reverse().map((g) => ({ label: g.label, line: g.line, siblings: g.siblings, what: 'group' })),
    ...at.section.map((label, i) => ({ label, line: at.headingLines[i], siblings: at.headingSiblings[i] ?? [], what: 'heading' })).reverse(),
  ];
  for (const l of labels) {
    const told = override?.(l.label, l.line);
    if (told === 'org') return { kind: 'org', name: cleanName(l.label), label: l.label, line: l.line, why: `override: ${l.what} "${l.label}" is an organization` };
    if (told === 'base') return { kind: 'base', name: cleanName(l.label), label: l.label, line: l.line, why: `override: ${l.what} "${l.label}" is a base` };
    if (told) continue;
    const r = readGroupLabel(l.label, l.siblings, known);
    if (r?.kind === 'org') return { kind: 'org', name: r.name, label: l.label, line: l.line, why: `${l.what} "${l.label}": ${r.why}` };
    if (r?.kind === 'base') return { kind: 'base', name: r.name, label: l.label, line: l.line, why: `${l.what} "${l.label}": base marker "${r.marker}"` };
  }
  return null;
}
