import type { Provenance } from '../../../ingest/graph/types.js';
import type { EdgeRecord, NodeRecord } from '../../records/node-record.js';

/** How stored records are shown through the schema's object types. */

export function kindOf(label: string): string {
  return label.toUpperCase();
}

export function source(p: Provenance) {
  const sectionPath = Array.isArray(p.section) ? p.section : p.section ? [String(p.section)] : [];
  return {
    file: p.source,
    line: p.line,
    section: sectionPath.join(' > '),
    sectionPath,
    derivedFrom: String(p.derivedFrom ?? 'table').toUpperCase(),
    column: p.column ?? null,
    text: p.text ?? null,
  };
}

export function graphNode(node: NodeRecord, depth: number | null) {
  return { id: node.id, name: node.name, label: node.label, kind: kindOf(node.label), depth, node };
}

export function graphEdge(edge: EdgeRecord) {
  return {
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    derivedFrom: edge.derivedFrom.toUpperCase(),
    sources: edge.provenance.map(source),
    derivation: edge.derivation,
  };
}

/** Relay cursors are opaque offsets. */
export function cursorAt(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

export function offsetAfter(cursor: string | null | undefined): number | null {
  if (cursor === null || cursor === undefined) return 0;
  // A cursor is short; anything longer, or an offset past what Neo4j can skip, is not one of ours.
  if (cursor.length > 64) return null;
  const match = /^offset:(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) + 1 : null;
}

export function connection<T>(items: T[], total: number, skip: number) {
  const edges = items.map((node, i) => ({ cursor: cursorAt(skip + i), node }));
  return {
    edges,
    nodes: items,
    totalCount: total,
    pageInfo: {
      hasNextPage: skip + items.length < total,
      hasPreviousPage: skip > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
