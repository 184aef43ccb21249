import { createHash } from 'node:crypto';
import { nameKey } from '../graph/name-key.js';
import type { GraphEdge, GraphNode, Provenance } from '../graph/types.js';
import { repositoriesOf } from './stable-ids.js';

/**
 * How a node or an edge of the intermediate graph is stored as Neo4j properties. Neo4j
 * properties hold scalars and flat lists only, so provenance and merges are kept as lists of
 * JSON strings and parsed back by the API. `hash` digests the stored content, so a load compares
 * what it would write with what is there without reading it back; `sources` are the files that
 * state the fact.
 */

export interface NodeRow {
  id: string;
  label: string;
  props: Record<string, unknown>;
  hash: string;
  sources: string[];
}

export interface EdgeRow {
  id: string;
  type: string;
  source: string;
  target: string;
  props: Record<string, unknown>;
  hash: string;
  sources: string[];
}

export function contentHash(props: Record<string, unknown>): string {
  // 64 bits in hex: enough to tell versions of one fact apart, and short enough for Neo4j to keep inline.
  return createHash('sha1').update(JSON.stringify(props)).digest('hex').slice(0, 16);
}

function sourcesOf(provenance: Provenance[]): string[] {
  return [...new Set(provenance.map((p) => p.source))].sort();
}

export function nodeRow(node: GraphNode): NodeRow {
  const names = [node.name, ...node.aliases];
  const sources = sourcesOf(node.provenance);
  const props = {
    ...node.props,
    id: node.id,
    label: node.label,
    name: node.name,
    aliases: node.aliases,
    // Look-ups compare keys, so every spelling's key is stored once.
    nameKeys: [...new Set(names.map(nameKey).filter(Boolean))],
    aliasText: node.aliases.join(' | '),
    mentions: node.provenance.length,
    provenance: node.provenance.map((p) => JSON.stringify(p)),
    merges: node.merges.map((m) => JSON.stringify(m)),
    // What later versions are matched by, to keep this id (load/stable-ids.ts).
    repos: repositoriesOf(node),
    sources,
  };
  return { id: node.id, label: node.label, props, hash: contentHash(props), sources };
}

export function edgeRow(edge: GraphEdge): EdgeRow {
  const sources = sourcesOf(edge.provenance);
  const props = {
    id: edge.id,
    derivedFrom: edge.derivedFrom,
    provenance: edge.provenance.map((p) => JSON.stringify(p)),
    // How a model was made from its base (BASED_ON): kinds and methods as lists, the evidence as JSON.
    ...(edge.derivation
      ? {
          derivationKinds: edge.derivation.kinds,
          derivationMethods: edge.derivation.methods,
          derivationEvidence: edge.derivation.evidence.map((e) => JSON.stringify(e)),
        }
      : {}),
    sources,
  };
  return { id: edge.id, type: edge.type, source: edge.source, target: edge.target, props, hash: contentHash(props), sources };
}
