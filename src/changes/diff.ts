import type { EdgeRecord, NodeRecord } from '../records/node-record.js';

/**
 * What changed in one source between two versions, from the facts it states in each: nodes and
 * relations are compared by id, which the store keeps for a node across versions however the
 * list spells or renames it (ingest/load/stable-ids.ts), so a rename is a rename and not a
 * removal plus an addition.
 */

export interface FactsOfSource {
  nodes: NodeRecord[];
  edges: EdgeRecord[];
}

export interface FactChangeRecord {
  node: NodeRecord;
  type: string;
  added: string[];
  removed: string[];
}

export interface ChangeSet {
  added: NodeRecord[];
  removed: NodeRecord[];
  renamed: { node: NodeRecord; from: string; to: string; repository: string | null }[];
  addedRelations: EdgeRecord[];
  removedRelations: EdgeRecord[];
  changed: FactChangeRecord[];
  changedProperties: { node: NodeRecord; property: string; before: string | null; after: string | null }[];
}

const byName = (a: NodeRecord, b: NodeRecord) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Properties that describe the thing (not how it was read): compared for changedProperties. */
const IGNORED_PROPERTIES = new Set(['links', 'path', 'sizes']);

export function diffFacts(before: FactsOfSource | null, after: FactsOfSource): ChangeSet {
  const old = new Map((before?.nodes ?? []).map((n) => [n.id, n]));
  const now = new Map(after.nodes.map((n) => [n.id, n]));
  const oldEdges = new Map((before?.edges ?? []).map((e) => [e.id, e]));
  const newEdges = new Map(after.edges.map((e) => [e.id, e]));

  const added = after.nodes.filter((n) => !old.has(n.id)).sort(byName);
  const removed = (before?.nodes ?? []).filter((n) => !now.has(n.id)).sort(byName);
  const renamed: ChangeSet['renamed'] = [];
  const changedProperties: ChangeSet['changedProperties'] = [];
  for (const n of after.nodes) {
    const o = old.get(n.id);
    if (!o) continue;
    if (o.name !== n.name) {
      const shared = o.repositories.filter((r) => n.repositories.includes(r));
      renamed.push({ node: n, from: o.name, to: n.name, repository: shared[0] ?? null });
    }
    for (const property of [...new Set([...Object.keys(o.props), ...Object.keys(n.props)])].sort()) {
      if (IGNORED_PROPERTIES.has(property)) continue;
      const a = o.props[property] === undefined ? null : JSON.stringify(o.props[property]);
      const b = n.props[property] === undefined ? null : JSON.stringify(n.props[property]);
      if (a !== b) changedProperties.push({ node: n, property, before: a, after: b });
    }
  }
  renamed.sort((a, b) => byName(a.node, b.node));

  const addedRelations = after.edges.filter((e) => !oldEdges.has(e.id)).sort(byId);
  const removedRelations = (before?.edges ?? []).filter((e) => !newEdges.has(e.id)).sort(byId);
  // Changed facts: relations of a node stated in both versions, grouped by node and type.
  const changes = new Map<string, FactChangeRecord>();
  const change = (e: EdgeRecord, how: 'added' | 'removed') => {
    const node = now.get(e.source);
    if (!node || !old.has(e.source)) return;
    const key = `${e.source}\u0000${e.type}`;
    let c = changes.get(key);
    if (!c) changes.set(key, (c = { node, type: e.type, added: [], removed: [] }));
    c[how].push(e.target);
  };
  for (const e of addedRelations) change(e, 'added');
  for (const e of removedRelations) change(e, 'removed');
  const changed = [...changes.values()].sort((a, b) => byName(a.node, b.node) || a.type.localeCompare(b.type));
  return { added, removed, renamed, addedRelations, removedRelations, changed, changedProperties };
}
