import type { Merge, NodeLabel, PropValue } from '../graph/types.js';
import type { Mention } from '../extract/types.js';

/** One real thing the lists name: the mentions that name it and what was decided about it. */
export interface Entity {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  /** In corpus order. */
  mentions: Mention[];
  merges: Merge[];
  props: Record<string, PropValue>;
  /** The family this is a size variant of (`LLaMA` for an entry named `LLaMA-13B`). */
  variantOf?: Entity;
}

export interface Resolution {
  entities: Entity[];
  /** Entity of every kept mention, by mention id. */
  entityOf: Map<string, Entity>;
  /** Tentative mentions that named nothing the lists name elsewhere; dropped. */
  unresolved: Mention[];
  /** Mentions whose name fits several different entities; dropped. */
  ambiguous: { mention: Mention; candidates: string[] }[];
}

/** Kinds of thing that share one name space: a name in a "method" column may be a model. */
export const THINGS: readonly NodeLabel[] = ['Model', 'Dataset', 'Benchmark', 'Method', 'Project'];

export function isThing(label: NodeLabel): boolean {
  return THINGS.includes(label);
}
