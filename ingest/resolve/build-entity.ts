import { LEXICON } from '../lexicon/lexicon.js';
import { nameKey } from '../graph/name-key.js';
import type { Merge, NodeLabel, PropValue } from '../graph/types.js';
import type { Mention } from '../extract/types.js';
import { isNonLatin } from '../names/text.js';
import { isThing, THINGS, type Entity } from './entity.js';
import { chooseDisplayName } from './display-name.js';
import type { Prepared } from './keys.js';

/** How the mentions of one cluster become an entity: its kind, display name, aliases, props, merges. */

/** Sorted, distinct numbers of two lists. */
function union(a: number[], b: number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/** `13B` → 13, `540M` → 0.54, `1B4` (bloom-1b4) → 1.4. */
export function sizeInBillions(size: string): number | null {
  const m = /^(\d+(?:\.\d+)?)([BbMm])(\d*)$/.exec(size);
  if (!m) return null;
  const n = Number(m[3] ? `${m[1]}.${m[3]}` : m[1]);
  return m[2].toUpperCase() === 'M' ? n / 1000 : n;
}

/** The kind most mentions give, certain entries counting most; ties go to the more specific kind. */
export function chooseLabel(ms: Mention[]): NodeLabel {
  const weight = new Map<NodeLabel, number>();
  for (const m of ms) {
    // A tentative name (a paper title's subject) takes the kind of what it joins.
    const w = m.tentative ? 0 : m.certain ? (m.role === 'entry' ? 3 : 2) : 1;
    weight.set(m.label, (weight.get(m.label) ?? 0) + w);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || THINGS.indexOf(a[0]) - THINGS.indexOf(b[0]))[0][0];
}


/**
 * The entity of one cluster of mentions. A size that joined its family (`LLaMA-13B` named as a
 * base) is recorded in `props.sizes` and kept as an alias; the display name follows
 * `chooseDisplayName` (papers: the first title that is not an arXiv id; categories: the first path).
 */
export function buildEntity(ms: Prepared[], joined: { rule: string; names: string[] }[], family: (it: Prepared) => { name: string; size: string } | null): Entity {
  const mentions = ms.map((it) => it.m);
  let label = isThing(mentions[0].label) ? chooseLabel(mentions) : mentions[0].label;
  // `### Colossal AI` under `自主模型篇`: a framework the seed knows is a project, whatever the heading says.
  if (label === 'Model' && mentions.some((m) => LEXICON.known.software.has(nameKey(m.name)))) label = 'Project';
  const entries = ms.filter((it) => it.m.role === 'entry');

  // Sizes that joined their family are recorded as sizes, not as other names of the family.
  const sizeOnly = new Set<Prepared>();
  const sizes: string[] = [];
  if (label === 'Model') {
    const families = ms.map(family);
    const plain = families.some((f) => !f);
    // Every mention is the same family at some size (its key shared by all): computed once, not per mention.
    const oneFamily = new Set(families.map((f) => nameKey(f?.name ?? ''))).size === 1;
    ms.forEach((it, i) => {
      const fam = families[i];
      if (fam && (plain || oneFamily)) {
        sizeOnly.add(it);
        if (!sizes.includes(fam.size)) sizes.push(fam.size);
      }
    });
  }
  const named = ms.filter((it) => !sizeOnly.has(it));

  let name: string;
  const aliased = ms.find((it) => it.alias);
  if (aliased) name = aliased.alias!.name;
  else if (label === 'Paper' || label === 'Category') {
    const pool = entries.length ? entries : named.length ? named : ms;
    const latin = pool.find((it) => !isNonLatin(it.m.name));
    name = latin?.m.name ?? pool[0].m.name;
    if (label === 'Paper') name = pool.map((it) => it.m.name).find((n) => !/^arXiv:/.test(n)) ?? name;
  } else name = chooseDisplayName(ms, sizeOnly, (it) => family(it)?.name ?? null);

  const aliases: string[] = [];
  const written = new Set<string>([name]);
  for (const it of ms) {
    for (const s of [it.m.name, ...(it.m.alsoKnownAs ?? []), ...(it.m.writtenAs ?? [])]) {
      if (!written.has(s)) {
        written.add(s);
        aliases.push(s);
      }
    }
  }

  const props: Record<string, PropValue> = {};
  const ordered = [...ms.filter((it) => it.m.role === 'entry'), ...ms.filter((it) => it.m.role !== 'entry')];
  for (const it of ordered) {
    for (const [k, v] of Object.entries(it.m.props)) {
      if (k === 'links') {
        const have = (props.links as string[] | undefined) ?? [];
        const known = new Set(have);
        props.links = [...have, ...(v as string[]).filter((u) => !known.has(u))];
      } else if (k === 'parameters' || k === 'contextLength') {
        props[k] = union((props[k] as number[] | undefined) ?? [], v as number[]);
      } else if (!(k in props)) props[k] = v;
    }
  }
  // Sizes that joined the family are its parameter counts (`LLaMA-13B` → 13).
  if (sizes.length) props.parameters = union((props.parameters as number[] | undefined) ?? [], sizes.map(sizeInBillions).filter((n): n is number => n !== null));
  if (label === 'Category') props.path = name.split(' > ');

  // Spellings joined by the alias table, and by their normalised name (per name key).
  const spelled: { rule: string; names: string[] }[] = [];
  const aliasedNames = ms.filter((it) => it.alias && nameKey(it.alias.name) !== nameKey(it.m.name)).map((it) => it.m.name);
  if (aliasedNames.length) spelled.push({ rule: 'alias-table', names: [ms.find((it) => it.alias)!.alias!.name, ...aliasedNames] });
  const byKey = new Map<string, string[]>();
  const joinedByAlias = new Set(aliasedNames);
  for (const it of ms) {
    if (joinedByAlias.has(it.m.name) || !it.keys[0]) continue;
    const key = it.keys.find((k) => !k.startsWith('arxiv:')) ?? it.keys[0];
    const names = byKey.get(key);
    if (names) names.push(it.m.name);
    else byKey.set(key, [it.m.name]);
  }
  const variants = [...byKey.values()].map((names) => [...new Set(names)]).filter((names) => names.length > 1);
  if (variants.length) spelled.push({ rule: 'normalised-name', names: variants.flat() });

  const merges: Merge[] = [...joined, ...spelled]
    .map((j) => ({ rule: j.rule, names: [...new Set(j.names)] }))
    .filter((j) => j.names.length > 1)
    .sort((a, b) => a.rule.localeCompare(b.rule));
  return { id: '', label, name, aliases, mentions, merges, props };
}
