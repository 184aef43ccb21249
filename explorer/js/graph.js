// Drawing the view with Cytoscape.js and a layered (dagre) layout that reads top-down.

import { FONT, KINDS, OTHER, PATH_COLOUR, RELATIONS } from './style.js';

const FONT_SIZE = 13;
const NODE_HEIGHT = 30;
const MAX_ZOOM_ON_FIT = 1.3;

const measure = document.createElement('canvas').getContext('2d');
/** Node width from its label, so names are never cut and the layout can space nodes exactly. */
function labelWidth(text, bold) {
  measure.font = `${bold ? 700 : 500} ${FONT_SIZE}px ${FONT}`;
  return Math.ceil(measure.measureText(text).width) + 22;
}

function stylesheet() {
  const kinds = [...Object.entries(KINDS), ['OTHER', OTHER]];
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        width: 'data(width)',
        height: NODE_HEIGHT,
        'font-family': FONT,
        'font-size': FONT_SIZE,
        'font-weight': 500,
        color: '#1a1b1e',
        'text-valign': 'center',
        'text-halign': 'center',
        'border-width': 1.5,
      },
    },
    ...kinds.map(([kind, k]) => ({
      selector: `node[kindStyle = "${kind}"]`,
      style: { shape: k.shape, 'background-color': k.fill, 'border-color': k.border },
    })),
    { selector: 'node.root', style: { 'border-width': 3.5, 'font-weight': 700, 'background-color': '#c9dbff' } },
    // May have relatives beyond the depth walked: expand it (double-click or the Expand button).
    { selector: 'node.more', style: { 'border-style': 'dashed', 'border-width': 2 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 1,
      },
    },
    // Read from prose, so less certain than a table or list fact.
    { selector: 'edge[derivedFrom = "TEXT"]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    {
      selector: '.on-path',
      style: { 'underlay-color': PATH_COLOUR, 'underlay-opacity': 0.85, 'underlay-padding': 6 },
    },
    { selector: 'edge.on-path', style: { width: 4, 'underlay-padding': 5 } },
    { selector: '.faded', style: { opacity: 0.28 } },
    {
      selector: ':selected',
      style: { 'overlay-color': '#000', 'overlay-opacity': 0.12, 'overlay-padding': 5, 'border-color': '#000' },
    },
    { selector: 'edge:selected', style: { label: 'data(label)', 'font-size': 11, 'text-background-color': '#fff', 'text-background-opacity': 1 } },
  ];
}

/** handlers: nodeTap(id), nodeDoubleTap(id), edgeTap(id), backgroundTap() */
export function createGraph(container, handlers) {
  const cy = cytoscape({
    container,
    style: stylesheet(),
    minZoom: 0.05,
    maxZoom: 3,
    boxSelectionEnabled: false,
    selectionType: 'single',
  });
  // Cytoscape reports a double tap for any two quick taps, even on two different nodes (as when
  // picking the two ends of a path); only two taps on the same node count here.
  let lastTap = null;
  let tapBefore = null;
  cy.on('tap', (e) => {
    tapBefore = lastTap;
    lastTap = e.target === cy ? null : e.target.id();
    if (e.target === cy) handlers.backgroundTap();
  });
  cy.on('tap', 'node', (e) => handlers.nodeTap(e.target.id()));
  cy.on('tap', 'edge', (e) => handlers.edgeTap(e.target.id()));
  cy.on('dbltap', 'node', (e) => {
    if (tapBefore === e.target.id()) handlers.nodeDoubleTap(e.target.id());
  });
  return cy;
}

/**
 * Replaces the drawing with the view. Every relation type here points from a model to what it
 * is built from (Vicuna BASED_ON LLaMA, Vicuna FROM_CONTRIBUTOR LMSYS), so drawing each edge
 * from its target to its source puts bases and inputs above and derived models below.
 */
export function draw(cy, view) {
  const colour = Object.fromEntries(RELATIONS.map((r) => [r.type, r.colour]));
  const label = Object.fromEntries(RELATIONS.map((r) => [r.type, r.label]));
  const elements = [];
  for (const n of view.nodes.values()) {
    const root = n.id === view.rootId;
    const classes = [root ? 'root' : '', view.more.has(n.id) ? 'more' : ''].filter(Boolean).join(' ');
    elements.push({
      group: 'nodes',
      data: { id: n.id, name: n.name, kind: n.kind, kindStyle: KINDS[n.kind] ? n.kind : 'OTHER', width: labelWidth(n.name, root) },
      classes,
    });
  }
  for (const e of view.edges.values()) {
    elements.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.target,
        target: e.source,
        type: e.type,
        derivedFrom: e.derivedFrom,
        colour: colour[e.type] ?? '#868e96',
        label: label[e.type] ?? e.type,
      },
    });
  }
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  cy.layout({ name: 'dagre', rankDir: 'TB', nodeSep: 18, rankSep: 64, edgeSep: 8, fit: false, animate: false }).run();
  fit(cy);
  highlightPath(cy, view);
}

/** Fits the graph, without blowing a three-node view up to giant letters. */
export function fit(cy) {
  cy.fit(undefined, 28);
  if (cy.zoom() > MAX_ZOOM_ON_FIT) {
    cy.zoom(MAX_ZOOM_ON_FIT);
    cy.center();
  }
}

export function highlightPath(cy, view) {
  cy.elements().removeClass('on-path faded');
  if (!view.path?.found) return;
  const on = cy.collection();
  for (const id of [...view.path.nodeIds, ...view.path.edgeIds]) on.merge(cy.getElementById(id));
  on.addClass('on-path');
  cy.elements().difference(on).addClass('faded');
}

export function select(cy, id) {
  cy.elements(':selected').unselect();
  if (id) cy.getElementById(id).select();
}

