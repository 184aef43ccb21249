import neo4j from 'neo4j-driver';
import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import { KINDS_OF_R } from './derivations.js';
import type { CypherRunner, NamedQuery } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

/** Filter values arrive as name keys (see ingest/graph/name-key); null means "any". */
export interface ModelFilterKeys {
  contributor: string | null;
  basedOn: string | null;
  descendsFrom: string | null;
  dataset: string | null;
  language: string | null;
  license: string | null;
  domain: string | null;
  category: string | null;
  nameContains: string | null;
  releasedAfter: string | null;
  releasedBefore: string | null;
  minParameters: number | null;
  maxParameters: number | null;
  /** Derivation kinds (`ADAPTER`…): made from its base in one of these ways. */
  derivation: string[] | null;
}

export type ModelOrder = 'NAME' | 'DESCENDANTS' | 'MENTIONS' | 'RELEASE_DATE' | 'PARAMETERS';

/**
 * Fixed statements for every filter combination: an absent filter is a null parameter that
 * makes its condition true, so no Cypher is assembled from user input. A filter by derivation
 * kinds has statements of its own (MATCH_MODELS_OF_KINDS): with it, one statement takes Neo4j
 * some 10 s to plan on a busy machine, past the read timeout of the first request to ask. Paths
 * are variable-length patterns with a predicate on every relationship: quantified path patterns
 * say the same but take Neo4j 5.26 seconds longer to plan here.
 */
const MATCH_MODELS = `MATCH (m:Model)
WHERE ${visible('m')}
  AND ($contributor IS NULL OR EXISTS { (m)-[r:FROM_CONTRIBUTOR]->(o:Entity) WHERE ${visible('r')} AND $contributor IN o.nameKeys })
  AND ($basedOn IS NULL OR EXISTS {
        (m)-[r:BASED_ON]->(b:Entity) WHERE ${visible('r')} AND ($basedOn IN b.nameKeys
          OR EXISTS { (b)-[v:VARIANT_OF]->(f:Entity) WHERE ${visible('v')} AND $basedOn IN f.nameKeys }) })
  AND ($descendsFrom IS NULL OR EXISTS {
        (m)-[rs:BASED_ON|VARIANT_OF*1..10]->(a:Entity) WHERE $descendsFrom IN a.nameKeys AND all(r IN rs WHERE ${visible('r')}) })
  AND ($dataset IS NULL OR EXISTS { (m)-[r:TRAINED_WITH]->(d:Entity) WHERE ${visible('r')} AND $dataset IN d.nameKeys })
  AND ($language IS NULL OR EXISTS { (m)-[r:HAS_LANGUAGE]->(l:Entity) WHERE ${visible('r')} AND $language IN l.nameKeys })
  AND ($license IS NULL OR EXISTS { (m)-[r:HAS_LICENSE]->(l:Entity) WHERE ${visible('r')} AND $license IN l.nameKeys })
  AND ($domain IS NULL OR EXISTS { (m)-[r:IN_DOMAIN]->(d:Entity) WHERE ${visible('r')} AND $domain IN d.nameKeys })
  AND ($category IS NULL OR EXISTS { (m)-[r:IN_CATEGORY]->(c:Entity) WHERE ${visible('r')} AND $category IN c.nameKeys })
  AND ($nameContains IS NULL OR any(k IN m.nameKeys WHERE k CONTAINS $nameContains))
  AND ($releasedAfter IS NULL OR m.releaseDate >= $releasedAfter)
  AND ($releasedBefore IS NULL OR m.releaseDate <= $releasedBefore OR m.releaseDate STARTS WITH $releasedBefore)
  AND ($minParameters IS NULL OR any(p IN coalesce(m.parameters, []) WHERE p >= $minParameters))
  AND ($maxParameters IS NULL OR any(p IN coalesce(m.parameters, []) WHERE p <= $maxParameters))`;

/**
 * MATCH_MODELS and `$derivation`, which holds of one relation: the one to the `$basedOn` base, or
 * the model's own into the `$descendsFrom` family (an adapter of a fine-tune of LLaMA is one of
 * LLaMA's adapters), else any of its bases.
 */
const MATCH_MODELS_OF_KINDS = `${MATCH_MODELS}
  AND (EXISTS {
        (m)-[r:BASED_ON]->(b:Entity)
        WHERE ${visible('r')}
          AND any(k IN ${KINDS_OF_R} WHERE k IN $derivation)
          AND ($basedOn IS NULL OR $basedOn IN b.nameKeys
               OR EXISTS { (b)-[v:VARIANT_OF]->(f:Entity) WHERE ${visible('v')} AND $basedOn IN f.nameKeys })
          AND ($descendsFrom IS NULL OR $descendsFrom IN b.nameKeys
               OR EXISTS { (b)-[qs:BASED_ON|VARIANT_OF*1..9]->(a:Entity) WHERE $descendsFrom IN a.nameKeys AND all(q IN qs WHERE ${visible('q')}) }) })`;

const countOf = (match: string) => `${match}
RETURN count(m) AS total`;

const pageOf = (match: string) => `${match}
WITH m, CASE WHEN $orderBy = 'DESCENDANTS'
  THEN COUNT { (m)<-[r:BASED_ON|VARIANT_OF]-(:Model) WHERE ${visible('r')} } ELSE 0 END AS children
RETURN m {.*} AS node
ORDER BY
  CASE $orderBy WHEN 'DESCENDANTS' THEN -children WHEN 'MENTIONS' THEN -m.mentions ELSE 0 END,
  CASE WHEN $orderBy = 'RELEASE_DATE' THEN coalesce(m.releaseDate, '') ELSE '' END DESC,
  CASE WHEN $orderBy = 'PARAMETERS' THEN coalesce(reduce(x = -1.0, p IN coalesce(m.parameters, []) | CASE WHEN p > x THEN p ELSE x END), -1.0) ELSE 0 END DESC,
  toLower(m.name), m.id
SKIP $skip LIMIT $limit`;

export const COUNT_MODELS: NamedQuery = { name: 'countModels', cypher: countOf(MATCH_MODELS) };
export const MODELS_PAGE: NamedQuery = { name: 'modelsPage', cypher: pageOf(MATCH_MODELS) };
export const COUNT_MODELS_OF_KINDS: NamedQuery = { name: 'countModelsOfKinds', cypher: countOf(MATCH_MODELS_OF_KINDS) };
export const MODELS_PAGE_OF_KINDS: NamedQuery = { name: 'modelsPageOfKinds', cypher: pageOf(MATCH_MODELS_OF_KINDS) };

export async function modelsPage(
  runner: CypherRunner,
  filter: ModelFilterKeys,
  orderBy: ModelOrder,
  skip: number,
  limit: number,
  view: View = CURRENT,
): Promise<{ nodes: NodeRecord[]; total: number }> {
  const [countQuery, pageQuery] = filter.derivation ? [COUNT_MODELS_OF_KINDS, MODELS_PAGE_OF_KINDS] : [COUNT_MODELS, MODELS_PAGE];
  const [count, page] = await Promise.all([
    runner.read(countQuery, { ...filter }, view),
    runner.read(pageQuery, { ...filter, orderBy, skip: neo4j.int(skip), limit: neo4j.int(limit) }, view),
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    nodes: page.map((row) => toNodeRecord(row.node as Record<string, unknown>, view)),
  };
}
