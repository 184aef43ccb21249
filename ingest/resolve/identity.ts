import { nameKey } from '../graph/name-key.js';
import type { Merge, NodeLabel, PropValue } from '../graph/types.js';
import type { Mention } from '../extract/types.js';
import { repositoryKey, arxivId } from '../names/links.js';
import { splitSize } from '../names/size.js';
import { isNonLatin } from '../names/text.js';
import type { AliasEntry, AliasTable } from './aliases.js';
import { Clusters } from './clusters.js';
import { isThing, THINGS, type Entity, type Resolution } from './entity.js';
import { assignIds } from './ids.js';

/**
 * Joins mentions into entities, one per real thing, by explainable rules applied in order:
 *  1. `same-repository`: mentions of the same kind linking the same repository are one project,
 *     even under another name (Huatuo in the early list is BenTsao in the late one). A model and
 *     a tool sharing a repository (Koala, EasyLM) stay apart.
 *  2. `normalised-name` / `alias-table`: the same name key (case, space, punctuation and accents
 *     ignored), after the reviewed alias table. Two clusters linking different repositories
 *     stay apart (the two ChatLLaMAs).
 *  3. A tentative mention (the `X` of a paper titled `X: …`) joins the one entity of its name.
 *  4. `size-variant`: a size named only in passing (`LLaMA-13B` as a base) is its family; a
 *     size the lists give an entry of its own (`Falcon-7B`) stays a node, VARIANT_OF its family.
 */

interface Prepared {
  m: Mention;
  space: string;
  alias: AliasEntry | null;
  canonical: string;
  keys: string[];
  repo: string | null;
}

function spaceOf(m: Mention): string {
  return isThing(m.label) ? 'thing' : m.label;
}

function prepare(m: Mention, aliases: AliasTable): Prepared {
  const alias = aliases.lookup(m.label, m.name);
  const canonical = alias?.name ?? m.name;
  const spellings = [canonical, ...(m.alsoKnownAs ?? [])].map((s) => aliases.lookup(m.label, s)?.name ?? s);
  let keys: string[];
  if (m.label === 'Paper') {
    const id = (m.props.arxivId as string | undefined) ?? (m.url ? arxivId(m.url) : null);
    keys = [
      ...(id ? [`arxiv:${id}`] : []),
      ...spellings.filter((s) => !/^arXiv:/.test(s)).map((s) => `title:${nameKey(s)}`),
    ];
  } else if (m.label === 'Organization') {
    keys = spellings.map((s) => (s.startsWith('@') ? '@' : '') + nameKey(s));
  } else if (m.label === 'Category') {
    // Headings are compared one by one, each through the alias table (a section renamed or misspelled).
    const path = ((m.props.path as string[]) ?? [m.name]).map((h) => aliases.lookup('Category', h)?.name ?? h);
    keys = [nameKey(path.join('/'))];
  } else {
    keys = spellings.map(nameKey);
  }
  keys = [...new Set(keys.filter((k) => k && k !== '@'))];
  const repo = isThing(m.label) && m.url && !m.sharedLink && !m.tentative ? repositoryKey(m.url) : null;
  return { m, space: spaceOf(m), alias, canonical, keys, repo };
}

/** The kind most mentions give, certain entries counting most; ties go to the more specific kind. */
function chooseLabel(ms: Mention[]): NodeLabel {
  const weight = new Map<NodeLabel, number>();
  for (const m of ms) {
    // A tentative name (a paper title's subject) takes the kind of what it joins.
    const w = m.tentative ? 0 : m.certain ? (m.role === 'entry' ? 3 : 2) : 1;
    weight.set(m.label, (weight.get(m.label) ?? 0) + w);
  }
  return [...weight].sort((a, b) => b[1] - a[1] || THINGS.indexOf(a[0]) - THINGS.indexOf(b[0]))[0][0];
}

export function resolve(mentions: Mention[], aliases: AliasTable): Resolution {
  const items = mentions.map((m) => prepare(m, aliases));
  const clusters = new Clusters(items.length, (i) => items[i].repo, (i) => items[i].m.name);
  const ambiguous: Resolution['ambiguous'] = [];
  const sameKey = (a: Prepared, b: Prepared) => a.keys.some((k) => b.keys.includes(k));

  // 1. Same repository.
  const byRepo = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.repo) byRepo.set(it.repo, [...(byRepo.get(it.repo) ?? []), i]);
  });
  for (const group of byRepo.values()) {
    for (let j = 1; j < group.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = items[group[i]];
        const b = items[group[j]];
        if (sameKey(a, b)) clusters.union(group[i], group[j], 'normalised-name', []);
        else if (a.m.label === b.m.label) clusters.union(group[i], group[j], 'same-repository', [a.m.name, b.m.name]);
      }
    }
  }

  // 2. Same name (after the alias table), unless the repositories differ.
  const byKey = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.m.tentative) return;
    for (const k of it.keys) byKey.set(`${it.space}:${k}`, [...(byKey.get(`${it.space}:${k}`) ?? []), i]);
  });
  for (const [groupKey, group] of byKey) {
    const roots: number[] = [];
    for (const i of group) {
      const compatible = [...new Set(roots.map((r) => clusters.find(r)))].filter((r) => r !== clusters.find(i) && !clusters.conflict(r, i));
      const own = clusters.find(i);
      if (!roots.some((r) => clusters.find(r) === own)) roots.push(i);
      if (!compatible.length) continue;
      if (compatible.length > 1 && !clusters.reposOf(i).size) {
        ambiguous.push({ mention: items[i].m, candidates: compatible.map((r) => items[r].m.name) });
        continue;
      }
      const target = compatible[0];
      // Name and alias joins are read back from the spellings (buildEntity); an arXiv id joins titles.
      const byArxiv = groupKey.includes(':arxiv:');
      clusters.union(target, i, byArxiv ? 'same-paper' : 'normalised-name', byArxiv ? [items[target].m.name, items[i].m.name] : []);
    }
  }

  // 3. Tentative mentions join the one entity of their name, or are dropped.
  const unresolved: Mention[] = [];
  const dropped = new Set<number>();
  // A tentative name whose kind is certain (a dataset in a description) only joins that kind.
  const kindOf = new Map(clusters.groups().map((g) => [clusters.find(g[0]), chooseLabel(g.map((i) => items[i].m))]));
  const fits = (it: Prepared, root: number) =>
    !it.m.certain || kindOf.get(root) === it.m.label || (it.m.label === 'Dataset' && kindOf.get(root) === 'Benchmark');
  items.forEach((it, i) => {
    if (!it.m.tentative) return;
    const roots = new Set<number>();
    for (const k of it.keys) for (const j of byKey.get(`${it.space}:${k}`) ?? []) if (fits(it, clusters.find(j))) roots.add(clusters.find(j));
    if (roots.size === 1) clusters.union([...roots][0], i, 'normalised-name', []);
    else {
      dropped.add(i);
      if (roots.size > 1) ambiguous.push({ mention: it.m, candidates: [...roots].map((r) => items[r].m.name) });
      else unresolved.push(it.m);
    }
  });
  const sizes = new Map(clusters.groups().map((g) => [clusters.find(g[0]), g.length]));
  for (const a of ambiguous) {
    const i = mentions.indexOf(a.mention);
    if (i >= 0 && sizes.get(clusters.find(i)) === 1) dropped.add(i);
  }

  // 4. Sizes named only in passing join their family.
  const keyRoots = () => {
    const index = new Map<string, Set<number>>();
    items.forEach((it, i) => {
      if (dropped.has(i) || it.space !== 'thing') return;
      for (const k of it.keys) {
        const set = index.get(k) ?? new Set<number>();
        set.add(clusters.find(i));
        index.set(k, set);
      }
    });
    return index;
  };
  const family = (it: Prepared) => {
    const sized = splitSize(it.canonical);
    if (!sized) return null;
    const canonical = aliases.lookup(it.m.label, sized.family)?.name ?? sized.family;
    return { name: canonical, key: nameKey(canonical), size: sized.size };
  };
  const familyClusters = new Map<string, number>();
  {
    const index = keyRoots();
    for (const group of clusters.groups()) {
      if (group.some((i) => dropped.has(i))) continue;
      const ms = group.map((i) => items[i]);
      if (ms[0].space !== 'thing' || ms.some((it) => it.m.role === 'entry') || chooseLabel(ms.map((it) => it.m)) !== 'Model') continue;
      const fam = family(ms[0]);
      if (!fam) continue;
      const own = clusters.find(group[0]);
      const targets = [...(index.get(fam.key) ?? [])].map((r) => clusters.find(r)).filter((r) => r !== own && !clusters.conflict(r, own));
      const names = [...new Set(ms.map((it) => it.m.name))];
      if (targets.length) clusters.union(targets[0], own, 'size-variant', [fam.name, ...names]);
      else if (familyClusters.has(fam.key) && !clusters.conflict(familyClusters.get(fam.key)!, own)) {
        clusters.union(familyClusters.get(fam.key)!, own, 'size-variant', [fam.name, ...names]);
      } else if (!targets.length && !(index.get(fam.key)?.size)) familyClusters.set(fam.key, own);
    }
  }

  // Entities.
  const entities: Entity[] = [];
  const entityOf = new Map<string, Entity>();
  const rootEntity = new Map<number, Entity>();
  const familyRoots = new Set([...familyClusters.values()].map((r) => clusters.find(r)));
  for (const group of clusters.groups()) {
    const kept = group.filter((i) => !dropped.has(i));
    if (!kept.length) continue;
    const ms = kept.map((i) => items[i]);
    const merges = clusters.merges(kept[0]);
    const joinedSizes = familyRoots.has(clusters.find(kept[0])) || merges.some((m) => m.rule === 'size-variant');
    const entity = buildEntity(ms, merges, joinedSizes ? family : () => null);
    entities.push(entity);
    rootEntity.set(clusters.find(kept[0]), entity);
    for (const it of ms) entityOf.set(it.m.id, entity);
  }

  // 5. Sizes with an entry of their own are variants of their family.
  const index = keyRoots();
  for (const [key, root] of familyClusters) index.set(key, new Set([...(index.get(key) ?? []), clusters.find(root)]));
  for (const entity of entities) {
    if (entity.label !== 'Model') continue;
    const entry = entity.mentions.find((m) => m.role === 'entry');
    if (!entry) continue;
    const fam = family(prepare(entry, aliases));
    if (!fam) continue;
    const target = [...(index.get(fam.key) ?? [])].map((r) => rootEntity.get(clusters.find(r))).find((e) => e && e !== entity && e.label === 'Model');
    if (target) entity.variantOf = target;
  }

  assignIds(entities);
  return { entities, entityOf, unresolved, ambiguous };
}

function buildEntity(ms: Prepared[], joined: { rule: string; names: string[] }[], family: (it: Prepared) => { name: string; size: string } | null): Entity {
  const mentions = ms.map((it) => it.m);
  const label = isThing(mentions[0].label) ? chooseLabel(mentions) : mentions[0].label;
  const entries = ms.filter((it) => it.m.role === 'entry');

  // Sizes that joined their family are recorded as sizes, not as other names of the family.
  const sizeOnly = new Set<Prepared>();
  const sizes: string[] = [];
  if (label === 'Model' && !entries.some((it) => family(it))) {
    const plain = ms.filter((it) => !family(it));
    for (const it of ms) {
      const fam = family(it);
      if (fam && (plain.length || ms.every((x) => family(x)?.name === fam.name))) {
        sizeOnly.add(it);
        if (!sizes.includes(fam.size)) sizes.push(fam.size);
      }
    }
  }
  const named = ms.filter((it) => !sizeOnly.has(it));

  let name: string;
  const aliased = ms.find((it) => it.alias);
  if (aliased) name = aliased.alias!.name;
  else if (!named.length) name = family(ms[0])!.name;
  else {
    const pool = entries.filter((it) => !sizeOnly.has(it)).length ? entries.filter((it) => !sizeOnly.has(it)) : named;
    const latin = pool.find((it) => !isNonLatin(it.m.name));
    const aka = pool.map((it) => it.m.alsoKnownAs?.find((a) => !isNonLatin(a))).find(Boolean);
    name = latin?.m.name ?? aka ?? pool[0].m.name;
    if (label === 'Paper') name = pool.map((it) => it.m.name).find((n) => !/^arXiv:/.test(n)) ?? name;
  }

  const aliases: string[] = [];
  for (const it of ms) {
    for (const s of [it.m.name, ...(it.m.alsoKnownAs ?? []), ...(it.m.writtenAs ?? [])]) if (s !== name && !aliases.includes(s)) aliases.push(s);
  }

  const props: Record<string, PropValue> = {};
  const ordered = [...ms.filter((it) => it.m.role === 'entry'), ...ms.filter((it) => it.m.role !== 'entry')];
  for (const it of ordered) {
    for (const [k, v] of Object.entries(it.m.props)) {
      if (k === 'links') {
        const have = (props.links as string[] | undefined) ?? [];
        props.links = [...have, ...(v as string[]).filter((u) => !have.includes(u))];
      } else if (!(k in props)) props[k] = v;
    }
  }
  if (sizes.length) props.sizes = sizes;
  if (label === 'Category') props.path = name.split(' > ');

  // Spellings joined by the alias table, and by their normalised name (per name key).
  const spelled: { rule: string; names: string[] }[] = [];
  const aliasedNames = ms.filter((it) => it.alias && nameKey(it.alias.name) !== nameKey(it.m.name)).map((it) => it.m.name);
  if (aliasedNames.length) spelled.push({ rule: 'alias-table', names: [ms.find((it) => it.alias)!.alias!.name, ...aliasedNames] });
  const byKey = new Map<string, string[]>();
  for (const it of ms) {
    if (aliasedNames.includes(it.m.name) || !it.keys[0]) continue;
    const key = it.keys.find((k) => !k.startsWith('arxiv:')) ?? it.keys[0];
    byKey.set(key, [...(byKey.get(key) ?? []), it.m.name]);
  }
  const variants = [...byKey.values()].map((names) => [...new Set(names)]).filter((names) => names.length > 1);
  if (variants.length) spelled.push({ rule: 'normalised-name', names: variants.flat() });

  const merges: Merge[] = [...joined, ...spelled]
    .map((j) => ({ rule: j.rule, names: [...new Set(j.names)] }))
    .filter((j) => j.names.length > 1)
    .sort((a, b) => a.rule.localeCompare(b.rule));
  return { id: '', label, name, aliases, mentions, merges, props };
}
