import type { Derivation, NodeLabel, Provenance } from '../../ingest/graph/types.js';
import { parseSeen, type SeenEntry } from '../../ingest/load/seen.js';
import { CURRENT, type View } from '../queries/view.js';
import { toDerivation } from './derivation.js';

/** A node as the API sees it, read back from the properties the load step wrote. */
export interface NodeRecord {
  id: string;
  label: NodeLabel;
  name: string;
  aliases: string[];
  mentions: number;
  provenance: Provenance[];
  /** Every other stored property (url, arxivId, kind, mainFeature, ...). */
  props: Record<string, unknown>;
  /**
   * Read with its id, label and name only (a query whose selection asked for no more): every
   * other field is empty here, so a resolver that needs one reads the whole node by id.
   */
  partial?: boolean;
  /** When each source first and last stated it (ingest/load/seen.ts). */
  seen: SeenEntry[];
  /** Repository keys of its links (what keeps its id across renames). */
  repositories: string[];
  /** The graph it was read from: its relations are read from the same one. */
  view: View;
}

/** An edge as the API sees it. */
export interface EdgeRecord {
  id: string;
  type: string;
  source: string;
  target: string;
  derivedFrom: Provenance['derivedFrom'];
  provenance: Provenance[];
  seen: SeenEntry[];
  view: View;
  /** BASED_ON only: how the source was made from the target; null for other types. */
  derivation: Derivation | null;
  /** Read without provenance, methods and evidence (its derivation holds the kinds only). */
  partial?: boolean;
}

/** Stored properties that are not facts of the node: how the store keeps it (versions, digests, identity). */
const CORE = new Set([
  'id', 'label', 'name', 'aliases', 'nameKeys', 'aliasText', 'mentions', 'provenance', 'merges',
  'gFrom', 'gTo', 'hash', 'seen', 'seenFrom', 'sources', 'repos', 'partial',
]);

function parseProvenance(value: unknown): Provenance[] {
  return Array.isArray(value) ? value.map((entry) => JSON.parse(String(entry)) as Provenance) : [];
}

export function toNodeRecord(map: Record<string, unknown>, view: View = CURRENT): NodeRecord {
  const props: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(map)) if (!CORE.has(key)) props[key] = value;
  return {
    id: String(map.id),
    label: map.label as NodeLabel,
    name: String(map.name),
    aliases: (map.aliases as string[] | undefined) ?? [],
    mentions: Number(map.mentions ?? 0),
    provenance: parseProvenance(map.provenance),
    props,
    ...(map.partial === true ? { partial: true } : {}),
    seen: parseSeen(map.seen as string[] | undefined),
    repositories: (map.repos as string[] | undefined) ?? [],
    view,
  };
}

/** Input: `{id, type, source, target, derivedFrom, provenance, seen, derivation…}` as the queries return edges. */
export function toEdgeRecord(map: Record<string, unknown>, view: View = CURRENT): EdgeRecord {
  return {
    id: String(map.id),
    type: String(map.type),
    source: String(map.source),
    target: String(map.target),
    derivedFrom: (map.derivedFrom as Provenance['derivedFrom']) ?? 'table',
    provenance: parseProvenance(map.provenance),
    seen: parseSeen(map.seen as string[] | undefined),
    view,
    derivation: toDerivation(String(map.type), map),
    ...(map.partial === true ? { partial: true } : {}),
  };
}
