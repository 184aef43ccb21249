import { repositoryOwner } from '../names/links.js';
import { slug } from '../names/text.js';
import type { Entity } from './entity.js';

/**
 * Stable ids, `<label>:<slug of the display name>`; papers with an arXiv id use it. Entities of
 * one kind that would share an id (two projects both called ChatLLaMA) are told apart by the
 * owner of their repository, or by their order in the corpus.
 */
export function assignIds(entities: Entity[]): void {
  const base = (e: Entity) => {
    const key = e.label === 'Paper' && typeof e.props.arxivId === 'string' ? `arxiv-${e.props.arxivId}` : slug(e.name).slice(0, 80).replace(/-+$/, '');
    return `${e.label.toLowerCase()}:${key || 'unnamed'}`;
  };
  const byId = new Map<string, Entity[]>();
  for (const e of entities) byId.set(base(e), [...(byId.get(base(e)) ?? []), e]);
  for (const [id, group] of byId) {
    if (group.length === 1) {
      group[0].id = id;
      continue;
    }
    const used = new Set<string>();
    group.forEach((e, i) => {
      const owner = e.mentions.map((m) => (m.url && !m.sharedLink ? repositoryOwner(m.url) : null)).find(Boolean);
      let candidate = owner ? `${id}-${slug(owner)}` : `${id}-${i + 1}`;
      while (used.has(candidate)) candidate = `${candidate}-${i + 1}`;
      used.add(candidate);
      e.id = candidate;
    });
  }
}
