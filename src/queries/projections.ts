import { DERIVATION_FIELDS } from './derivations.js';

/**
 * What a query reads of the nodes and relationships it returns. Provenance (lists of JSON) is
 * most of what a node or a relationship stores, and most selections (`basedOn { name }`, a
 * lineage drawing's ids and names) never show it; so every query that returns them takes two
 * flags, `$fullNodes` and `$fullEdges`, that the resolvers set from the selection. Without
 * them a node is read with id, label and name, a relationship without provenance, methods and
 * evidence, and the record says so (`partial`, records/node-record.ts).
 */

/** What `$fullNodes` (or another flag) asks of a node `v`. */
export function nodeMap(v: string, flag = '$fullNodes'): string {
  return `CASE WHEN ${flag} THEN ${v} {.*} ELSE ${v} {.id, .label, .name, partial: true} END`;
}

/** The relationship `r` whole: ends, provenance, when each source stated it, its derivation. */
export const WHOLE_EDGE = `{id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, derivedFrom: r.derivedFrom,
  provenance: r.provenance, seen: r.seen, ${DERIVATION_FIELDS}}`;

/** What `$fullEdges` asks of the relationship `r`; its derivation kinds always (filters read them). */
export const EDGE_MAP = `CASE WHEN $fullEdges
  THEN ${WHOLE_EDGE}
  ELSE {id: r.id, type: type(r), source: startNode(r).id, target: endNode(r).id, derivedFrom: r.derivedFrom,
        derivationKinds: r.derivationKinds, partial: true} END`;

/** How much of the nodes and relationships a query reads. */
export interface Detail {
  nodes: boolean;
  edges: boolean;
}

export const FULL: Detail = { nodes: true, edges: true };
export const LEAN: Detail = { nodes: false, edges: false };

export function detailParams(detail: Detail): { fullNodes: boolean; fullEdges: boolean } {
  return { fullNodes: detail.nodes, fullEdges: detail.edges };
}
