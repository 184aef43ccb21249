import type { Mention } from '../extract/types.js';
import type { AliasTable } from './aliases.js';
import { buildEntity, chooseLabel } from './build-entity.js';
import { Clusters } from './clusters.js';
import type { Entity, Resolution } from './entity.js';
import { assignIds } from './ids.js';
import { familyOf, prepare, type Prepared } from './keys.js';

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
  const family = (it: Prepared) => familyOf(it, aliases);
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
      // Recorded under the family's own spelling (`BLOOM`, not the `bloom` of `bloom-1b4-zh`).
      const familySpelling = items.find((it, j) => clusters.find(j) === clusters.find(targets[0] ?? own) && it.keys.includes(fam.key))?.canonical ?? fam.name;
      if (targets.length) clusters.union(targets[0], own, 'size-variant', [familySpelling, ...names]);
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

