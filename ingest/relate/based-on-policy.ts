import type { Entity } from '../resolve/entity.js';

/**
 * When a sentence may add a BASED_ON edge. Columns are the lists' own statement of a base, so a
 * sentence only adds one when the row has no base, or when it names a more specific base than
 * the column: a descendant of it (StableVicuna: the column says LLaMA, the text "a version of
 * Vicuna", which is based on LLaMA), or a model whose own base the lists do not state (Anima:
 * "trained based on QLoRA's 33B guanaco"). It never adds the column's base's ancestors or family
 * (Dolly's column says GPT-J 6B; "a 2-year-old model: GPT-J" adds nothing) and never a model
 * whose stated lineage leads elsewhere.
 */
export class BasedOnPolicy {
  constructor(private readonly stated: Map<Entity, Set<Entity>>) {}

  private bases(e: Entity): Set<Entity> {
    return this.stated.get(e) ?? new Set();
  }

  /** Everything `e` descends from over stated bases and size families. */
  private ancestors(e: Entity): Set<Entity> {
    const seen = new Set<Entity>();
    const stack = [e];
    while (stack.length) {
      const cur = stack.pop()!;
      for (const next of [...this.bases(cur), ...(cur.variantOf ? [cur.variantOf] : [])]) {
        if (!seen.has(next)) {
          seen.add(next);
          stack.push(next);
        }
      }
    }
    return seen;
  }

  allows(subject: Entity, target: Entity): boolean {
    const stated = this.bases(subject);
    if (!stated.size || stated.has(target)) return true;
    for (const b of stated) if (this.ancestors(b).has(target)) return false;
    const lineage = this.ancestors(target);
    if ([...stated].some((b) => lineage.has(b))) return true;
    return this.bases(target).size === 0;
  }
}
