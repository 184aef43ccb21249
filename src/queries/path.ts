import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { DERIVATION_FIELDS } from './derivations.js';
import type { CypherRunner, NamedQuery } from './runner.js';
import { CURRENT, visible, type View } from './view.js';

const PATH_RETURN = `RETURN [n IN nodes(p) | n {.*}] AS nodes,
       [r IN relationships(p) | {id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id,
         derivedFrom: r.derivedFrom, provenance: r.provenance, seen: r.seen, ${DERIVATION_FIELDS}}] AS edges`;

/**
 * Lineage reads downward, so a path that follows the arrows (WizardVicunaLM → Vicuna → LLaMA)
 * is preferred to one that zig-zags; the undirected search is the fallback.
 */
export const DIRECTED_SHORTEST_PATH: NamedQuery = {
  name: 'directedShortestPath',
  cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) WHERE ${visible('a')} AND ${visible('b')}
MATCH p = shortestPath((a)-[*..10]->(b))
WHERE all(r IN relationships(p) WHERE ($types IS NULL OR type(r) IN $types) AND ${visible('r')})
${PATH_RETURN}`,
};

export const ANY_SHORTEST_PATH: NamedQuery = {
  name: 'anyShortestPath',
  cypher: `MATCH (a:Entity {id: $from}), (b:Entity {id: $to}) WHERE ${visible('a')} AND ${visible('b')}
MATCH p = shortestPath((a)-[*..10]-(b))
WHERE all(r IN relationships(p) WHERE ($types IS NULL OR type(r) IN $types) AND ${visible('r')})
${PATH_RETURN}`,
};

export interface PathRecord {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

function toPath(row: Record<string, unknown> | undefined, view: View): PathRecord | null {
  if (!row) return null;
  return {
    nodes: (row.nodes as Record<string, unknown>[]).map((n) => toNodeRecord(n, view)),
    edges: (row.edges as Record<string, unknown>[]).map((e) => toEdgeRecord(e, view)),
  };
}

export async function shortestPath(
  runner: CypherRunner,
  from: string,
  to: string,
  types: readonly string[] | null,
  view: View = CURRENT,
): Promise<PathRecord | null> {
  const params = { from, to, types: types ? [...types] : null };
  if (from === to) {
    const rows = await runner.read(
      { name: 'pathToItself', cypher: `MATCH (n:Entity {id: $from}) WHERE ${visible('n')} RETURN [n {.*}] AS nodes, [] AS edges` },
      params,
      view,
    );
    return toPath(rows[0], view);
  }
  const forward = toPath((await runner.read(DIRECTED_SHORTEST_PATH, params, view))[0], view);
  const backward = toPath((await runner.read(DIRECTED_SHORTEST_PATH, { ...params, from: to, to: from }, view))[0], view);
  const directed = [forward, backward && { nodes: [...backward.nodes].reverse(), edges: [...backward.edges].reverse() }]
    .filter((p): p is PathRecord => p !== null)
    .sort((x, y) => x.edges.length - y.edges.length)[0];
  return directed ?? toPath((await runner.read(ANY_SHORTEST_PATH, params, view))[0], view);
}
