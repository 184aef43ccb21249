import neo4j from 'neo4j-driver';
import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import { KINDS_OF_R } from './derivations.js';
import { HOPS_OF_N, toHops, type Hop } from './edges.js';
import type { WithHops } from './nodes.js';
import { LEAN, detailParams, nodeMap } from './projections.js';
import type { CypherRunner, NamedQuery } from './runner.js';

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
WHERE ($contributor IS NULL OR EXISTS { (m)-[:FROM_CONTRIBUTOR]->(o:Entity) WHERE $contributor IN o.nameKeys })
  AND ($basedOn IS NULL OR EXISTS {
        (m)-[:BASED_ON]->(b:Entity) WHERE $basedOn IN b.nameKeys
          OR EXISTS { (b)-[:VARIANT_OF]->(f:Entity) WHERE $basedOn IN f.nameKeys } })
  AND ($descendsFrom IS NULL OR EXISTS {
        (m)-[:BASED_ON|VARIANT_OF*1..10]->(a:Entity) WHERE $descendsFrom IN a.nameKeys })
  AND ($dataset IS NULL OR EXISTS { (m)-[:TRAINED_WITH]->(d:Entity) WHERE $dataset IN d.nameKeys })
  AND ($language IS NULL OR EXISTS { (m)-[:HAS_LANGUAGE]->(l:Entity) WHERE $language IN l.nameKeys })
  AND ($license IS NULL OR EXISTS { (m)-[:HAS_LICENSE]->(l:Entity) WHERE $license IN l.nameKeys })
  AND ($domain IS NULL OR EXISTS { (m)-[:IN_DOMAIN]->(d:Entity) WHERE $domain IN d.nameKeys })
  AND ($category IS NULL OR EXISTS { (m)-[:IN_CATEGORY]->(c:Entity) WHERE $category IN c.nameKeys })
  AND ($nameContains IS NULL OR any(k IN m.nameKeys WHERE k CONTAINS $nameContains))
  AND ($releasedAfter IS NULL OR m.releaseDate >= $releasedAfter)
  AND ($releasedBefore IS NULL OR m.releaseDate <= $releasedBefore OR m.releaseDate STARTS WITH $releasedBefore)
  AND ($minParameters IS NULL OR any(p IN coalesce(m.parameters, []) WHERE p >= $minParameters))
  AND ($maxParameters IS NULL OR any(p IN coalesce(m.parameters, []) WHERE p <= $maxParameters))
  AND ($derivation IS NULL OR EXISTS {
        (m)-[r:BASED_ON]->(b:Entity)
        WHERE any(k IN ${KINDS_OF_R} WHERE k IN $derivation)
          AND ($basedOn IS NULL OR $basedOn IN b.nameKeys
               OR EXISTS { (b)-[:VARIANT_OF]->(f:Entity) WHERE $basedOn IN f.nameKeys })
          AND ($descendsFrom IS NULL OR $descendsFrom IN b.nameKeys
               OR EXISTS { (b)-[:BASED_ON|VARIANT_OF*1..9]->(a:Entity) WHERE $descendsFrom IN a.nameKeys }) })`;

/**
 * A page of models with the hops their selection asks for (HOPS_OF_N: `$out`, `$in`, read with
 * `$fullNodes`, `$fullEdges`), the models whole or not (`$wholeNode`), and how many match in all
 * when `$withTotal`: a `models` page with its relations is one query.
 */
export const MODELS_PAGE: NamedQuery = {
  name: 'modelsPage',
  cypher: `CALL () {
  WITH $withTotal AS counting WHERE counting
  ${MATCH_MODELS}
  RETURN count(m) AS total
}
CALL () {
  ${MATCH_MODELS}
  WITH m, CASE WHEN $orderBy = 'DESCENDANTS'
    THEN COUNT { (m)<-[:BASED_ON|VARIANT_OF]-(:Model) } ELSE 0 END AS children
  ORDER BY
    CASE $orderBy WHEN 'DESCENDANTS' THEN -children WHEN 'MENTIONS' THEN -m.mentions ELSE 0 END,
    CASE WHEN $orderBy = 'RELEASE_DATE' THEN coalesce(m.releaseDate, '') ELSE '' END DESC,
    CASE WHEN $orderBy = 'PARAMETERS' THEN coalesce(reduce(x = -1.0, p IN coalesce(m.parameters, []) | CASE WHEN p > x THEN p ELSE x END), -1.0) ELSE 0 END DESC,
    toLower(m.name), m.id
  SKIP $skip LIMIT $limit
  WITH m AS n
  ${HOPS_OF_N}
  RETURN collect({node: ${nodeMap('n', '$wholeNode')}, hops: hops}) AS page
}
RETURN total, page`,
};

export interface ModelsPage {
  nodes: NodeRecord[];
  /** The hops asked for, by model id. */
  hops: Map<string, Hop[]>;
  /** Null unless asked for. */
  total: number | null;
}

export async function modelsPage(
  runner: CypherRunner,
  filter: ModelFilterKeys,
  orderBy: ModelOrder,
  skip: number,
  limit: number,
  options: { withTotal?: boolean; whole?: boolean; hops?: WithHops } = {},
): Promise<ModelsPage> {
  const hops = options.hops ?? { out: [], in: [], detail: LEAN };
  const withTotal = options.withTotal ?? true;
  const rows = await runner.read(MODELS_PAGE, {
    ...filter,
    orderBy,
    skip: neo4j.int(skip),
    limit: neo4j.int(limit),
    withTotal,
    wholeNode: options.whole ?? true,
    out: hops.out,
    in: hops.in,
    ...detailParams(hops.detail),
  });
  const row = rows[0];
  const page = (row?.page as { node: Record<string, unknown>; hops: unknown }[] | undefined) ?? [];
  const nodes = page.map((p) => toNodeRecord(p.node));
  return {
    total: withTotal ? Number(row?.total ?? 0) : null,
    nodes,
    hops: new Map(nodes.map((n, i) => [n.id, toHops(n.id, page[i].hops)])),
  };
}
