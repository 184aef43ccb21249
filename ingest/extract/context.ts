import type { ColumnOverrides } from './tables/columns.js';
import { SEED_KNOWLEDGE, type Knowledge } from './knowledge.js';

/**
 * What reading a document may use besides its own text: the knowledge the other lists and the
 * seed give, and a maintainer's overrides (a `<list>.lineage.json` beside the list: header →
 * role, block heading or line → kind).
 */
export interface ReadContext {
  known: Knowledge;
  overrides: Overrides;
}

export interface Overrides {
  /** Header (lower case) → role or `subject:<kind>`. */
  columns: ColumnOverrides;
  /** Heading, summary or item label (lower case), or a line number → kind (`skip`, `models`, `org`, `base`, `Dataset`…). */
  blocks: Map<string, string>;
}

export const NO_OVERRIDES: Overrides = { columns: new Map(), blocks: new Map() };

export const DEFAULT_CONTEXT: ReadContext = { known: SEED_KNOWLEDGE, overrides: NO_OVERRIDES };
