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
 * One fixed statement for every filter combination: an absent filter is a null parameter that
 * makes its condition true, so no Cypher is assembled from user input. `$derivation` holds of
 * one relation: the one to the `$basedOn` base, or the model's own into the `$descendsFrom`
 * family (an adapter of a fine-tune of LLaMA is one of LLaMA's adapters), else any of its bases.
 */
const MATCH_MODELS = `MATCH (m:Model)
WHERE ${visible('m')}
  AND ($contributor IS NULL OR EXISTS { (m)-[r:FROM_CONTRIBUTOR]->(o:Entity) WHERE ${visible('r')} AND $contributor IN o.nameKeys })
  AND ($basedOn IS NULL OR EXISTS {
        (m)-[r:BASED_ON]->(b:Entity) WHERE ${visible('r')} AND ($basedOn IN b.nameKeys
          OR EXISTS { (b)-[v:VARIANT_OF]->(f:Entity) WHERE ${visible('v')} AND $basedOn IN f.nameKeys }) })
  AND ($descendsFrom IS NULL OR EXISTS {
        (m) (()-[r:BASED_ON|VARIANT_OF]->() WHERE ${visible('r')}){1,10} (a:Entity) WHERE $descendsFrom IN a.nameKeys })
  AND ($dataset IS NULL OR EXISTS { (m)-[r:TRAINED_WITH]->(d:Entity) WHERE ${visible('r')} AND $dataset IN d.nameKeys })
  AND ($language IS NULL OR EXISTS { (m)-[r:HAS_LANGUAGE]->(l:Entity) WHERE ${visible('r')} AND $language IN l.nameKeys })
  AND ($license IS NULL OR EXISTS { (m)-[r:HAS_LICENSE]->(l:Entity) WHERE ${visible('r')} AND $license IN l.nameKeys })
  AND ($domain IS NULL OR EXISTS { (m)-[r:IN_DOMAIN]->(d:Entity) WHERE ${visible('r')} AND $domain IN d.nameKeys })
  AND ($category IS NULL OR EXISTS { (m)-[r:IN_CATEGORY]->(c:Entity) WHERE ${visible('r')} AND $category IN c.nameKeys })
  AND ($nameContains IS NULL OR any(k IN m.nameKeys WHERE k CONTAINS $nameContains))
  AND ($releasedAfter IS NULL OR m.releaseDate >= $releasedAfter)
  AND ($releasedBefore IS NULL OR m.releaseDate <= $releasedBefore OR m.releaseDate STARTS WITH $releasedBefore)
  AND ($minParameters IS NULL OR any(p IN coalesce(m.parameters, []) WHERE p >= $minParameters))
  AND ($maxParameters IS NULL OR any(p IN coalesce(m.parameters, []) WHERE p <= $maxParameters))
  AND ($derivation IS NULL OR EXISTS {
        (m)-[r:BASED_ON]->(b:Entity)
        WHERE ${visible('r')}
          AND any(k IN ${KINDS_OF_R} WHERE k IN $derivation)
          AND ($basedOn IS NULL OR $basedOn IN b.nameKeys
               OR EXISTS { (b)-[v:VARIANT_OF]->(f:Entity) WHERE ${visible('v')} AND $basedOn IN f.nameKeys })
          AND ($descendsFrom IS NULL OR $descendsFrom IN b.nameKeys
               OR EXISTS { (b) (()-[q:BASED_ON|VARIANT_OF]->() WHERE ${visible('q')}){1,9} (a:Entity) WHERE $descendsFrom IN a.nameKeys }) })`;

export const COUNT_MODELS: NamedQuery = {
  name: 'countModels',
  cypher: `${MATCH_MODELS}
RETURN count(m) AS total`,
};

export const MODELS_PAGE: NamedQuery = {
  name: 'modelsPage',
  cypher: `${MATCH_MODELS}
WITH m, CASE WHEN $orderBy = 'DESCENDANTS'
  THEN COUNT { (m)<-[r:BASED_ON|VARIANT_OF]-(:Model) WHERE ${visible('r')} } ELSE 0 END AS children
RETURN m {.*} AS node
ORDER BY
  CASE $orderBy WHEN 'DESCENDANTS' THEN -children WHEN 'MENTIONS' THEN -m.mentions ELSE 0 END,
  CASE WHEN $orderBy = 'RELEASE_DATE' THEN coalesce(m.releaseDate, '') ELSE '' END DESC,
  CASE WHEN $orderBy = 'PARAMETERS' THEN coalesce(reduce(x = -1.0, p IN coalesce(m.parameters, []) | CASE WHEN p > x THEN p ELSE x END), -1.0) ELSE 0 END DESC,
  toLower(m.name), m.id
SKIP $skip LIMIT $limit`,
};

export async function modelsPage(
  runner: CypherRunner,
  filter: ModelFilterKeys,
  orderBy: ModelOrder,
  skip: number,
  limit: number,
  view: View = CURRENT,
): Promise<{ nodes: NodeRecord[]; total: number }> {
  const [count, page] = await Promise.all([
    runner.read(COUNT_MODELS, { ...filter }, view),
    runner.read(MODELS_PAGE, { ...filter, orderBy, skip: neo4j.int(skip), limit: neo4j.int(limit) }, view),
  ]);
  return {
    total: Number(count[0]?.total ?? 0),
    nodes: page.map((row) => toNodeRecord(row.node as Record<string, unknown>, view)),
  };
}
