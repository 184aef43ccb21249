import neo4j from 'neo4j-driver';
import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { visible } from './view.js';

/** `$kind` is the stored organization kind (`institution` / `account`) or null for both. */
export const ORGANIZATIONS_PAGE: NamedQuery = {
  name: 'organizationsPage',
  cypher: `MATCH (o:Organization)
WHERE ${visible('o')} AND ($kind IS NULL OR coalesce(o.kind, 'institution') = $kind)
WITH o, COUNT { (o)<-[r:FROM_CONTRIBUTOR]-(:Model) WHERE ${visible('r')} } AS models
ORDER BY models DESC, toLower(o.name), o.id
WITH collect({node: o {.*}, models: models}) AS rows
RETURN size(rows) AS total, rows[$skip..$skip + $limit] AS page`,
};

export async function organizationsPage(
  runner: CypherRunner,
  kind: string | null,
  skip: number,
  limit: number,
): Promise<{ nodes: { node: NodeRecord; models: number }[]; total: number }> {
  const rows = await runner.read(ORGANIZATIONS_PAGE, { kind, skip: neo4j.int(skip), limit: neo4j.int(limit) });
  const row = rows[0];
  const page = (row?.page as { node: Record<string, unknown>; models: number }[] | undefined) ?? [];
  return {
    total: Number(row?.total ?? 0),
    nodes: page.map((p) => ({ node: toNodeRecord(p.node), models: Number(p.models) })),
  };
}
