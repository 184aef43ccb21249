// What is on screen, computed from the URL state with GraphQL calls and nothing else, so the
// graph, the tables and the exports all show the same thing.

import * as api from './api.js';
import { LINEAGE_TYPES } from './style.js';

/** More nodes than this from one walk are left out (and counted): past it a layered graph stops being readable. */
export const VIEW_LIMIT = 250;
/**
 * A node with more leaf relatives than this on one side (LLaMA has dozens of fine-tunes) shows
 * this many and one "+N more" group node for the rest: selecting it lists the group (paged and
 * searchable) in the details panel, where each can be added to the graph, or all of them.
 * Relatives named in the URL's `show` are always drawn.
 */
export const LEAVES_SHOWN = 3;
/** Groups are only formed when they hide more than this many: "+1 more" helps no one. */
const GROUP_AT_LEAST = 3;
/** Model ids per batched request (attachments, neighbours): keeps each well under the API's cost budget. */
const ATTACH_CHUNK = 200;

/**
 * @typedef {{ id: string, name: string, kind: string, depth: number|null, origin: 'walk'|'expand'|'attached'|'path'|'more', hub?: string, hidden?: number }} ViewNode
 * @typedef {{ id: string, type: string, source: string, target: string, derivedFrom: string, sources: object[]|null, kinds: string[]|null, derivation: object|null }} ViewEdge
 * @typedef {{ rootId: string, nodes: Map<string, ViewNode>, edges: Map<string, ViewEdge>, omitted: number,
 *   leftOut: number, collapsed: number, more: Set<string>, path: null|{ found: boolean, from: string, to: string, nodeIds: string[], edgeIds: string[], error: string|null },
 *   expanded: Set<string>, missingExpansions: string[] }} View
 */

function addNode(view, node, origin) {
  if (view.nodes.has(node.id)) return;
  view.nodes.set(node.id, { id: node.id, name: node.name, kind: node.kind, depth: node.depth ?? null, origin });
}

function addEdge(view, edge) {
  if (view.edges.has(edge.id) || !view.nodes.has(edge.source) || !view.nodes.has(edge.target)) return;
  view.edges.set(edge.id, {
    id: edge.id,
    type: edge.type,
    source: edge.source,
    target: edge.target,
    derivedFrom: edge.derivedFrom,
    sources: edge.sources ?? null,
    // BASED_ON: how the model was made (the walk gives kinds; the details panel fetches the evidence).
    kinds: edge.derivation?.kinds ?? null,
    derivation: null,
  });
}

function emptyView(rootId, omitted) {
  return {
    rootId,
    nodes: new Map(),
    edges: new Map(),
    omitted,
    leftOut: 0,
    collapsed: 0,
    more: new Set(),
    path: null,
    expanded: new Set(),
    missingExpansions: [],
  };
}

/** @returns {Promise<View>} */
export async function loadView(state) {
  const walkTypes = state.types.filter((t) => LINEAGE_TYPES.includes(t));
  const attachTypes = state.types.filter((t) => !LINEAGE_TYPES.includes(t));
  // A shared path link (`?from=…&to=…`) needs no model: the path is the view.
  if (!state.model) return pathOnlyView(state, walkTypes, attachTypes);

  const walk = await api.lineage(state.model, state.direction, state.depth, walkTypes);
  /** @type {View} */
  const view = emptyView(walk.root.id, walk.omitted);
  for (const node of walk.nodes) addNode(view, node, 'walk');
  for (const edge of walk.edges) addEdge(view, edge);

  // Expansions follow every shown type, so expanding an organization brings in its models.
  for (const name of state.expand) {
    try {
      const part = await api.lineage(name, 'BOTH', 1, state.types);
      for (const node of part.nodes) addNode(view, { ...node, depth: null }, 'expand');
      for (const edge of part.edges) addEdge(view, edge);
      view.expanded.add(part.root.id);
    } catch (error) {
      if (error.code !== 'NOT_FOUND') throw error;
      view.missingExpansions.push(name);
    }
  }

  collapseLeaves(view, new Set(state.show ?? []));
  trimToLimit(view);
  await addPath(view, state);
  await decorate(view, walkTypes, attachTypes);
  return view;
}

async function pathOnlyView(state, walkTypes, attachTypes) {
  const view = emptyView(null, 0);
  await addPath(view, state);
  view.rootId = view.path.nodeIds[0] ?? null;
  await decorate(view, walkTypes, attachTypes);
  return view;
}

/** The highlighted path of `from` and `to`, its nodes added when not in view yet. */
async function addPath(view, state) {
  if (state.from && state.to) {
    view.path = { found: false, from: state.from, to: state.to, nodeIds: [], edgeIds: [], error: null };
    let path = null;
    try {
      path = await api.shortestPath(state.from, state.to, state.types);
    } catch (error) {
      // A misspelt end is the path's problem, not the whole view's.
      if (!(error instanceof api.ApiError)) throw error;
      view.path.error = error.message;
    }
    if (path) {
      view.path.found = true;
      for (const node of path.nodes) addNode(view, node, 'path');
      for (const edge of path.edges) addEdge(view, edge);
      view.path.nodeIds = path.nodes.map((n) => n.id);
      view.path.edgeIds = path.edges.map((e) => e.id);
    }
  }
}

/** Contributors, datasets… attached to every model in view, and which models have relatives out of view. */
async function decorate(view, walkTypes, attachTypes) {
  const models = [...view.nodes.values()].filter((n) => n.kind === 'MODEL').map((n) => n.id);
  for (let i = 0; i < models.length && attachTypes.length; i += ATTACH_CHUNK) {
    const relations = await api.attachments(models.slice(i, i + ATTACH_CHUNK), attachTypes);
    for (const r of relations) {
      addNode(view, { ...r.target, depth: null }, 'attached');
      addEdge(view, { id: r.id, type: r.type, source: r.source.id, target: r.target.id, derivedFrom: r.derivedFrom });
    }
  }
  // Models with lineage relatives out of view are drawn as expandable.
  for (let i = 0; i < models.length; i += ATTACH_CHUNK) {
    const neighbours = await api.neighbourIds(models.slice(i, i + ATTACH_CHUNK), walkTypes);
    for (const [id, ids] of neighbours) if (ids.some((n) => !view.nodes.has(n))) view.more.add(id);
  }
}

/**
 * Replaces all but LEAVES_SHOWN of a node's leaf relatives on one side (relatives with no other
 * lineage relation in view) by one "+N more" node. Expanded nodes keep all of theirs: that is
 * how the "+N more" node opens.
 */
function collapseLeaves(view, show) {
  const lineage = [...view.edges.values()].filter((e) => LINEAGE_TYPES.includes(e.type));
  const degree = new Map();
  for (const e of lineage) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const groups = new Map();
  for (const e of lineage) {
    // An edge's source is built on its target: the source hangs below, the target above.
    for (const [leaf, hub, side] of [[e.source, e.target, 'below'], [e.target, e.source, 'above']]) {
      if (degree.get(leaf) !== 1 || leaf === view.rootId || view.expanded.has(hub)) continue;
      const leafNode = view.nodes.get(leaf);
      if (show.has(leafNode?.name) || show.has(leaf)) continue;
      const key = `${hub} ${side}`;
      if (!groups.has(key)) groups.set(key, { hub, side, members: [] });
      groups.get(key).members.push({ leaf, edge: e.id });
    }
  }
  for (const { hub, side, members } of groups.values()) {
    if (members.length < LEAVES_SHOWN + GROUP_AT_LEAST) continue;
    const name = (id) => view.nodes.get(id)?.name ?? id;
    members.sort((a, b) => name(a.leaf).localeCompare(name(b.leaf)));
    const hidden = members.slice(LEAVES_SHOWN);
    const hiddenMembers = hidden.map(({ leaf, edge }) => ({ id: leaf, name: name(leaf), type: view.edges.get(edge)?.type }));
    for (const { leaf, edge } of hidden) {
      view.nodes.delete(leaf);
      view.edges.delete(edge);
    }
    const id = `more:${side}:${hub}`;
    const hubNode = view.nodes.get(hub);
    const label = side === 'below' ? `+${hidden.length} more built on ${hubNode.name}` : `+${hidden.length} more that ${hubNode.name} builds on`;
    view.nodes.set(id, {
      id, name: label, kind: 'MORE', depth: null, origin: 'more', hub: hubNode.name, hubId: hub, side,
      hidden: hidden.length, members: hiddenMembers,
    });
    const [source, target] = side === 'below' ? [id, hub] : [hub, id];
    view.edges.set(`${id}:edge`, { id: `${id}:edge`, type: 'MORE', source, target, derivedFrom: 'TABLE', sources: [] });
    view.collapsed += hidden.length;
  }
}

/**
 * Leaves out the farthest walked nodes past VIEW_LIMIT, counting them. The API lists nodes
 * nearest first (a stable sort keeps that order), so what stays is still linked to the root.
 */
function trimToLimit(view) {
  if (view.nodes.size <= VIEW_LIMIT) return;
  const walked = [...view.nodes.values()].filter((n) => n.origin === 'walk').sort((a, b) => a.depth - b.depth);
  const budget = Math.max(1, VIEW_LIMIT - (view.nodes.size - walked.length));
  const cut = new Set(walked.slice(budget).map((n) => n.id));
  for (const id of cut) view.nodes.delete(id);
  view.leftOut += cut.size;
  for (const [id, e] of view.edges) if (!view.nodes.has(e.source) || !view.nodes.has(e.target)) view.edges.delete(id);
  for (const n of [...view.nodes.values()]) {
    const linked = [...view.edges.values()].some((e) => e.source === n.id || e.target === n.id);
    if (n.kind === 'MORE' && !linked) {
      view.nodes.delete(n.id);
      view.collapsed -= n.hidden;
      view.leftOut += n.hidden;
    }
  }
}
