import { nameKey } from '../graph/name-key.js';
import type { AliasTable } from '../resolve/aliases.js';
import { isThing, type Entity, type Resolution } from '../resolve/entity.js';
import { arxivId, documentKey, repositoryKey } from '../names/links.js';
import { splitSize } from '../names/size.js';

/**
 * Look-up of the things the lists name (models, datasets, methods, benchmarks, projects) by any
 * of their spellings or links, for reading names out of sentences.
 */
export interface EntityIndex {
  /** Entities a spelling names (several when it is ambiguous); sizes fall back to their family. */
  byName(spelling: string): Entity[];
  /** Entities a spelling names exactly, without falling back from a size to its family. */
  exactName(spelling: string): Entity[];
  /** The entity a link points to, when exactly one does. */
  byLink(url: string): Entity | null;
}

/** A paper is the same whether linked as arxiv.org/abs/… or arxiv.org/pdf/….pdf. */
function linkKey(url: string): string | null {
  const id = arxivId(url);
  return id ? `arxiv:${id}` : (repositoryKey(url) ?? documentKey(url));
}

export function entityIndex(res: Resolution, aliases: AliasTable): EntityIndex {
  const names = new Map<string, Set<Entity>>();
  const links = new Map<string, Set<Entity>>();
  const add = <K>(map: Map<K, Set<Entity>>, k: K, e: Entity) => {
    const set = map.get(k) ?? new Set<Entity>();
    set.add(e);
    map.set(k, set);
  };
  for (const e of res.entities) {
    if (!isThing(e.label)) continue;
    for (const s of [e.name, ...e.aliases]) add(names, nameKey(s), e);
    for (const m of e.mentions) {
      if (!m.url || m.sharedLink) continue;
      const k = linkKey(m.url);
      if (k) add(links, k, e);
    }
  }
  const exact = (spelling: string): Entity[] => {
    const canonical = aliases.lookup('Model', spelling)?.name ?? spelling;
    return [...(names.get(nameKey(canonical)) ?? [])];
  };
  return {
    exactName: exact,
    byName(spelling) {
      const hit = exact(spelling);
      if (hit.length) return hit;
      const sized = splitSize(spelling);
      return sized ? exact(sized.family).filter((e) => e.label === 'Model') : [];
    },
    byLink(url) {
      const k = linkKey(url);
      const set = k ? links.get(k) : undefined;
      return set && set.size === 1 ? [...set][0] : null;
    },
  };
}
