import type { Mention } from '../extract/types.js';
import { nameKey } from '../graph/name-key.js';
import { LEXICON } from '../lexicon/lexicon.js';
import type { AliasTable } from './aliases.js';
import { buildEntity, chooseLabel } from './build-entity.js';
import { Clusters } from './clusters.js';
import type { Entity, Resolution } from './entity.js';
import { assignIds } from './ids.js';
import { familyOf, prepare, type Prepared } from './keys.js';
import { splitSize } from '../names/size.js';

/**
 * Joins mentions into entities, one per real thing, by explainable rules applied in order:
 *  1. `same-repository`: mentions of the same kind linking the same repository are one project,
 *     even under another name (Huatuo in the early list is BenTsao in the late one). A model and
 *     a tool sharing a repository (Koala, EasyLM) stay apart.
 *  2. `normalised-name` / `alias-table`: the same name key (case, space, punctuation and accents
 *     ignored), after the reviewed alias table. Two clusters linking different repositories
 *     stay apart (the two ChatLLaMAs).
 *  3. A tentative mention (the `X` of a paper titled `X: …`) joins the one entity of its name.
 *  4. `size-variant`: a size is its family (`LLaMA-13B` as a base, `GPT-J-6B` with an item of
 *     its own), unless the lists give two or more sizes of the family entries of their own: those
 *     stay nodes, VARIANT_OF their family (`Falcon-7B`, `Falcon-40B`).
 */

const isSoftware = (m: Mention) => LEXICON.known.software.has(nameKey(m.name));

export function resolve(mentions: Mention[], aliases: AliasTable): Resolution {
  const items = mentions.map((m) => prepare(m, aliases));
  const clusters = new Clusters(
    items.length,
    (i) => items[i].repo,
    (i) => items[i].m.name,
    (i) => items[i].latin,
    (i) => (items[i].m.makers?.length ? { source: items[i].m.provenance.source, makers: items[i].m.makers! } : null),
  );
  const ambiguous: Resolution['ambiguous'] = [];
  const sameKey = (a: Prepared, b: Prepared) => a.keys.some((k) => b.keys.includes(k));
  const append = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };

  // 1. Same repository.
  const byRepo = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.repo) append(byRepo, it.repo, i);
  });
  for (const group of byRepo.values()) {
    for (let j = 1; j < group.length; j++) {
      for (let i = 0; i < j; i++) {
        const a = items[group[i]];
        const b = items[group[j]];
        if (sameKey(a, b)) clusters.union(group[i], group[j], 'normalised-name', []);
        // Robin's repository is LMFlow's: a model kept in a framework's repository is not the framework.
        else if (a.m.label === b.m.label && isSoftware(a.m) === isSoftware(b.m)) clusters.union(group[i], group[j], 'same-repository', [a.m.name, b.m.name]);
      }
    }
  }

  // 2. Same name (after the alias table), unless the repositories differ.
  const byKey = new Map<string, number[]>();
  items.forEach((it, i) => {
    if (it.m.tentative) return;
    for (const k of it.keys) append(byKey, `${it.space}:${k}`, i);
  });
  for (const [groupKey, group] of byKey) {
    const roots: number[] = [];
    const cjkOnly = !/[a-z0-9]/.test(groupKey.slice(groupKey.indexOf(':') + 1));
    for (const i of group) {
      // An entry whose cluster has joined an earlier entry's adds nothing, now or later (clusters
      // only grow): one entry per cluster is kept, so a key named 40,000 times costs 40,000 steps.
      const distinct = new Set<number>();
      let kept = 0;
      for (const r of roots) {
        const root = clusters.find(r);
        if (!distinct.has(root)) {
          distinct.add(root);
          roots[kept++] = r;
        }
      }
      roots.length = kept;
      const compatible = roots
        .map((r) => clusters.find(r))
        .filter((r) => r !== clusters.find(i) && !clusters.conflict(r, i) && !(cjkOnly && clusters.latinConflict(r, i)));
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
  const indexOf = new Map<Mention, number>();
  mentions.forEach((m, i) => {
    if (!indexOf.has(m)) indexOf.set(m, i);
  });
  for (const a of ambiguous) {
    const i = indexOf.get(a.mention) ?? -1;
    if (i >= 0 && sizes.get(clusters.find(i)) === 1) dropped.add(i);
  }

  // 4. Sizes join their family, unless the lists give two or more of its sizes entries of their own.
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
  // Items by key, in index order, and the members of each cluster as unions change them: so that
  // the first item of a cluster with a key, or a cluster's members, is found without a scan of all.
  const itemsWithKey = new Map<string, number[]>();
  items.forEach((it, i) => {
    for (const k of new Set(it.keys)) append(itemsWithKey, k, i);
  });
  const members = new Map<number, { list: number[]; sorted: boolean }>();
  for (const g of clusters.groups()) members.set(clusters.find(g[0]), { list: g, sorted: true });
  const union = (a: number, b: number, rule: string, names: string[]) => {
    const [ra, rb] = [clusters.find(a), clusters.find(b)];
    if (!clusters.union(a, b, rule, names)) return;
    const into = members.get(ra)!;
    for (const j of members.get(rb)!.list) into.list.push(j);
    into.sorted = false;
    members.delete(rb);
  };
  const membersOf = (i: number) => {
    const m = members.get(clusters.find(i))!;
    if (!m.sorted) {
      m.list.sort((x, y) => x - y);
      m.sorted = true;
    }
    return m.list;
  };
  const liveGroups = () => clusters.groups().filter((g) => !g.some((i) => dropped.has(i)));
  const isModelGroup = (ms: Prepared[]) => ms[0].space === 'thing' && chooseLabel(ms.map((it) => it.m)) === 'Model';
  /** The family of a cluster with an entry: every one of its names is that family at one size. */
  const entryFamily = (ms: Prepared[]) => {
    const fams = ms.map(family);
    if (fams.some((f) => !f) || new Set(fams.map((f) => `${f!.key}@${f!.size}`)).size !== 1) return null;
    return fams[0];
  };
  // Family key → the sizes of it that the lists give an entry of its own (Falcon-7B, Falcon-40B).
  const entrySizes = new Map<string, Set<string>>();
  for (const group of liveGroups()) {
    const ms = group.map((i) => items[i]);
    if (!ms.some((it) => it.m.role === 'entry') || !isModelGroup(ms)) continue;
    const fam = entryFamily(ms);
    if (fam) entrySizes.set(fam.key, new Set([...(entrySizes.get(fam.key) ?? []), fam.size]));
  }
  // Sizes named in passing first (they may make a family node), then sizes with an entry.
  for (const withEntry of [false, true]) {
    const index = keyRoots();
    const groups = liveGroups();
    // A list that gives a family and one of its sizes entries of their own keeps them apart
    // (`Karasu` and `karasu-1.1B` on two rows of one table): the files each cluster has entries in.
    const entryFiles = new Map<number, Set<string>>();
    for (const g of groups) entryFiles.set(clusters.find(g[0]), new Set(g.filter((i) => items[i].m.role === 'entry').map((i) => items[i].m.provenance.source)));
    const sharesAList = (a: number, b: number) => {
      const fa = entryFiles.get(clusters.find(a));
      const fb = entryFiles.get(clusters.find(b));
      return !!fa && !!fb && [...fa].some((f) => fb.has(f));
    };
    for (const group of groups) {
      const ms = group.map((i) => items[i]);
      if (ms.some((it) => it.m.role === 'entry') !== withEntry || !isModelGroup(ms)) continue;
      const fam = withEntry ? entryFamily(ms) : family(ms[0]);
      if (!fam || (withEntry && (entrySizes.get(fam.key)?.size ?? 0) > 1)) continue;
      const own = clusters.find(group[0]);
      const targets = [...(index.get(fam.key) ?? [])]
        .map((r) => clusters.find(r))
        .filter((r) => r !== own && !clusters.conflict(r, own) && !(withEntry && sharesAList(r, own)));
      const names = [...new Set(ms.map((it) => it.m.name))];
      // Recorded under the family's own spelling (`BLOOM`, not the `bloom` of `bloom-1b4-zh`).
      const familyRoot = clusters.find(targets[0] ?? own);
      const spelledBy = (itemsWithKey.get(fam.key) ?? []).find((j) => clusters.find(j) === familyRoot);
      const familySpelling = (spelledBy === undefined ? undefined : items[spelledBy].canonical) ?? fam.name;
      if (targets.length) {
        const merged = new Set([...(entryFiles.get(targets[0]) ?? []), ...(entryFiles.get(own) ?? [])]);
        union(targets[0], own, 'size-variant', [familySpelling, ...names]);
        entryFiles.set(clusters.find(own), merged);
      }
      else if (familyClusters.has(fam.key) && !clusters.conflict(familyClusters.get(fam.key)!, own)) {
        const root = familyClusters.get(fam.key)!;
        const sized = membersOf(root).filter((j) => !dropped.has(j)).map((j) => items[j].m.name);
        union(root, own, 'size-variant', [splitSize(sized[0])?.family ?? fam.name, ...sized, ...names]);
      } else if (!withEntry && !index.get(fam.key)?.size) familyClusters.set(fam.key, own);
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

  // 5. Sizes that kept a node (two or more sizes with entries) are variants of their family.
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

