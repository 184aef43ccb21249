import { EDGE_TYPES } from '../../ingest/graph/types.js';

const KNOWN = new Set<string>(EDGE_TYPES);

/**
 * `A|B` for a relationship pattern (`-[r:A|B]->`, `-[:A|B*1..3]->`): types go into a pattern,
 * where Neo4j reads only those relationships, and cannot be parameters there; so they are
 * checked to be the graph's own, and never a client's text.
 */
export function typeAlternatives(types: readonly string[]): string {
  if (!types.length) throw new Error('a relationship pattern needs at least one type');
  for (const t of types) if (!KNOWN.has(t)) throw new Error(`not a relationship type of the graph: ${JSON.stringify(t)}`);
  return [...new Set(types)].sort().join('|');
}
