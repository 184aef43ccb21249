import { toNodeRecord, type NodeRecord } from '../records/node-record.js';
import type { CypherRunner, NamedQuery } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

export const NODES_BY_IDS: NamedQuery = {
  name: 'nodesByIds',
  cypher: `UNWIND $ids AS id
MATCH (n:Entity {id: id}) WHERE ${visible('n')}
RETURN n {.*} AS node`,
};

/**
 * A name key can belong to several nodes (two projects called ChatLLaMA, a model and a dataset
 * called Alpaca): the one whose own name has the key wins over one that only has it as an alias,
 * then the most mentioned, then Models before other kinds.
 */
export const NODE_BY_NAME: NamedQuery = {
  name: 'nodeByName',
  cypher: `MATCH (n:Entity)
WHERE ${visible('n')} AND $key IN n.nameKeys AND ($labels IS NULL OR n.label IN $labels)
RETURN n {.*} AS node
ORDER BY CASE WHEN n.nameKeys[0] = $key THEN 0 ELSE 1 END,
         CASE WHEN n.label = 'Model' THEN 0 ELSE 1 END,
         n.mentions DESC, n.id
LIMIT 1`,
};

export async function nodesByIds(runner: CypherRunner, ids: readonly string[], view: View = CURRENT): Promise<Map<string, NodeRecord>> {
  const rows = await runner.read(NODES_BY_IDS, { ids: [...ids] }, view);
  const out = new Map<string, NodeRecord>();
  for (const row of rows) {
    const node = toNodeRecord(row.node as Record<string, unknown>, view);
    out.set(node.id, node);
  }
  return out;
}

export async function nodeByName(
  runner: CypherRunner,
  key: string,
  labels: readonly string[] | null,
  view: View = CURRENT,
): Promise<NodeRecord | null> {
  if (!key) return null;
  const rows = await runner.read(NODE_BY_NAME, { key, labels: labels ? [...labels] : null }, view);
  return rows.length ? toNodeRecord(rows[0].node as Record<string, unknown>, view) : null;
}
