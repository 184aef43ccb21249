// What is on screen, computed from the URL state with GraphQL calls and nothing else, so the
// graph, the tables and the exports all show the same thing.

import * as api from './api.js';
import { LINEAGE_TYPES } from './style.js';

/** More nodes than this from one walk are left out (and counted): a wider layered graph stops being readable. */
export const VIEW_LIMIT = 150;
/** Model ids per attachments request: keeps each request well under the API's cost budget. */
const ATTACH_CHUNK = 200;

/**
 * @typedef {{ id: string, name: string, kind: string, depth: number|null, origin: 'walk'|'expand'|'attached'|'path' }} ViewNode
 * @typedef {{ id: string, type: string, source: string, target: string, derivedFrom: string, sources: object[]|null }} ViewEdge
 * @typedef {{ rootId: string, nodes: Map<string, ViewNode>, edges: Map<string, ViewEdge>, omitted: number,
 *   leftOut: number, more: Set<string>, path: null|{ found: boolean, from: string, to: string, nodeIds: string[], edgeIds: string[], error: string|null },
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
  });
}

/** @returns {Promise<View>} */
export async function loadView(state) {
  const walkTypes = state.types.filter((t) => LINEAGE_TYPES.includes(t));
  const attachTypes = state.types.filter((t) => !LINEAGE_TYPES.includes(t));

  const walk = await api.lineage(state.model, state.direction, state.depth, walkTypes);
  /** @type {View} */
  const view = {
    rootId: walk.root.id,
    nodes: new Map(),
    edges: new Map(),
    omitted: walk.omitted,
    leftOut: Math.max(0, walk.nodes.length - VIEW_LIMIT),
    more: new Set(),
    path: null,
    expanded: new Set(),
    missingExpansions: [],
  };
  // The API lists nodes nearest first, so cutting the tail never strands a node from its parent.
  for (const node of walk.nodes.slice(0, VIEW_LIMIT)) addNode(view, node, 'walk');
  for (const edge of walk.edges) addEdge(view, edge);
  // Nodes on the rim may have relatives the walk did not reach; they are drawn so and can be expanded.
  if (walk.omitted > 0 || view.leftOut > 0) {
    for (const node of view.nodes.values()) if (node.depth === state.depth) view.more.add(node.id);
  }

  // Expansions follow every shown type, so expanding an organization brings in its models.
  for (const name of state.expand) {
    try {
      const part = await api.lineage(name, 'BOTH', 1, state.types);
      for (const node of part.nodes) addNode(view, { ...node, depth: null }, 'expand');
      for (const edge of part.edges) addEdge(view, edge);
      view.more.delete(part.root.id);
      view.expanded.add(part.root.id);
    } catch (error) {
      if (error.code !== 'NOT_FOUND') throw error;
      view.missingExpansions.push(name);
    }
  }

  const models = [...view.nodes.values()].filter((n) => n.kind === 'MODEL').map((n) => n.id);
  for (let i = 0; i < models.length && attachTypes.length; i += ATTACH_CHUNK) {
    const relations = await api.attachments(models.slice(i, i + ATTACH_CHUNK), attachTypes);
    for (const r of relations) {
      addNode(view, { ...r.target, depth: null }, 'attached');
      addEdge(view, { id: r.id, type: r.type, source: r.source.id, target: r.target.id, derivedFrom: r.derivedFrom });
    }
  }

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
  return view;
}
