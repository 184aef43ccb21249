import { toEdgeRecord, toNodeRecord, type EdgeRecord, type NodeRecord } from '../records/node-record.js';
import { WHOLE_EDGE } from './projections.js';
import type { NamedQuery } from './read-cypher.js';
import type { CypherRunner } from './runner.js';
import { CURRENT, type View } from './view.js';

/** A source's version as stored (ingest/load: SourceVersion), without its text. */
export interface SourceVersionRecord {
  source: string;
  sha256: string;
  bytes: number | null;
  date: string;
  commit: string | null;
  ingestedAt: string;
  nodes: number;
  edges: number;
  mentions: number | null;
  /** The generation that wrote it. */
  generation: number;
}

export interface SourceFileRecord extends SourceVersionRecord {
  versions: number;
  first: { date: string; commit: string | null };
}

const VERSION_MAP = `v {.source, .sha256, .bytes, .date, .commit, .ingestedAt, .nodes, .edges, .mentions, generation: v.gFrom}`;

/** The sources of the view's generation, each with its version count and first version. */
export const SOURCE_FILES: NamedQuery = {
  name: 'sourceFiles',
  cypher: `MATCH (v:SourceVersion) WHERE v.gFrom <= $g AND $g < v.gTo
CALL (v) {
  MATCH (o:SourceVersion {source: v.source}) WHERE o.gFrom <= $g
  WITH o ORDER BY o.date, o.gFrom
  RETURN count(o) AS versions, collect(o {.date, .commit})[0] AS first
}
RETURN ${VERSION_MAP} AS version, versions, first
ORDER BY v.source`,
};

/** Every version of one source up to the view's generation, oldest first. */
export const SOURCE_TIMELINE: NamedQuery = {
  name: 'sourceTimeline',
  cypher: `MATCH (v:SourceVersion {source: $source}) WHERE v.gFrom <= $g
RETURN ${VERSION_MAP} AS version
ORDER BY v.date, v.gFrom`,
};

/** The nodes and relations one source states in the view's generation (`changes`). */
export const NODES_OF_SOURCE: NamedQuery = {
  name: 'nodesOfSource',
  cypher: `MATCH (n:Entity) WHERE n.gTo > $g AND n.gFrom <= $g AND $source IN n.sources
RETURN n {.*} AS node`,
};

export const EDGES_OF_SOURCE: NamedQuery = {
  name: 'edgesOfSource',
  cypher: `MATCH (s:Entity) WHERE s.gTo > $g AND s.gFrom <= $g AND $source IN s.sources
MATCH (s)-[r]->(:Entity) WHERE r.gFrom <= $g AND $g < r.gTo AND $source IN r.sources
RETURN ${WHOLE_EDGE} AS edge`,
};

function toVersion(map: Record<string, unknown>): SourceVersionRecord {
  return {
    source: String(map.source),
    sha256: String(map.sha256),
    bytes: map.bytes === null || map.bytes === undefined ? null : Number(map.bytes),
    date: String(map.date),
    commit: (map.commit as string | null) ?? null,
    ingestedAt: String(map.ingestedAt),
    nodes: Number(map.nodes ?? 0),
    edges: Number(map.edges ?? 0),
    mentions: map.mentions === null || map.mentions === undefined ? null : Number(map.mentions),
    generation: Number(map.generation),
  };
}

export async function sourceFiles(runner: CypherRunner, view: View = CURRENT): Promise<SourceFileRecord[]> {
  const rows = await runner.read(SOURCE_FILES, {}, view);
  return rows.map((row) => {
    const first = row.first as { date: string; commit: string | null };
    return { ...toVersion(row.version as Record<string, unknown>), versions: Number(row.versions), first: { date: String(first.date), commit: first.commit ?? null } };
  });
}

export async function sourceTimeline(runner: CypherRunner, source: string, view: View = CURRENT): Promise<SourceVersionRecord[]> {
  const rows = await runner.read(SOURCE_TIMELINE, { source }, view);
  return rows.map((row) => toVersion(row.version as Record<string, unknown>));
}

/** What `source` states in generation `generation`, as records of that generation. */
export async function factsOfSource(runner: CypherRunner, source: string, generation: number): Promise<{ nodes: NodeRecord[]; edges: EdgeRecord[] }> {
  const view: View = { asOf: null, generation };
  const [nodes, edges] = await Promise.all([runner.read(NODES_OF_SOURCE, { source }, view), runner.read(EDGES_OF_SOURCE, { source }, view)]);
  return {
    nodes: nodes.map((r) => toNodeRecord(r.node as Record<string, unknown>, view)),
    edges: edges.map((r) => toEdgeRecord(r.edge as Record<string, unknown>, view)),
  };
}
