import neo4j from 'neo4j-driver';
import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { visible } from './view.js';

/**
 * Lucene finds fuzzy and prefix matches; a node whose own name (or an alias) has exactly the
 * query's key is lifted above them, so `vicuna` gives Vicuna before Chinese-Vicuna however
 * Lucene scores the two.
 */
export const SEARCH: NamedQuery = {
  name: 'search',
  cypher: `CALL db.index.fulltext.queryNodes('entity_search', $lucene) YIELD node, score
WHERE ${visible('node')} AND ($labels IS NULL OR node.label IN $labels)
WITH node, score +
  CASE WHEN node.nameKeys[0] = $key THEN 100.0 WHEN $key IN node.nameKeys THEN 50.0 ELSE 0.0 END AS ranked
RETURN node {.*} AS node, ranked AS score
ORDER BY score DESC, node.mentions DESC, node.id
LIMIT $first`,
};

/** Lucene's own syntax characters, escaped so that user text is only ever text. */
const LUCENE_SPECIAL = /[+\-!(){}[\]^"~*?:\\/&|]/g;

/**
 * Each word as itself, as a prefix and fuzzily: `vicunna` still finds Vicuna. Words are
 * lower-cased (the index is case-insensitive anyway) so that `AND`, `OR`, `NOT` and `TO` are
 * words, never operators.
 */
export function luceneQuery(text: string): string {
  const words = text
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(LUCENE_SPECIAL, (c) => `\\${c}`))
    .filter(Boolean);
  return words.map((w) => (w.length > 2 ? `(${w}^3 OR ${w}* OR ${w}~)` : `(${w}^3 OR ${w}*)`)).join(' AND ');
}

export interface SearchHitRecord {
  node: NodeRecord;
  score: number;
}

export async function search(
  runner: CypherRunner,
  text: string,
  key: string,
  labels: readonly string[] | null,
  first: number,
): Promise<SearchHitRecord[]> {
  const lucene = luceneQuery(text);
  if (!lucene) return [];
  const rows = await runner.read(SEARCH, { lucene, key, labels: labels ? [...labels] : null, first: neo4j.int(first) });
  return rows.map((row) => ({ node: toNodeRecord(row.node as Record<string, unknown>), score: Number(row.score) }));
}
