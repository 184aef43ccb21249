// Drawing the view with Cytoscape.js and a layered (dagre) layout that reads top-down.

import { FONT, KINDS, OTHER, PATH_COLOUR, RELATION, RELATIONS, drawnKind } from './style.js';

const FONT_SIZE = 13;
const NODE_HEIGHT = 30;
const MAX_ZOOM_ON_FIT = 1.3;
const MAX_LABEL = 34;
/** Below this zoom 13px labels turn unreadable (under 8px). */
const MIN_READABLE_ZOOM = 0.6;

/** Leaf children of one node are laid out in rows of at most ROW, aiming at RANK_WIDTH leaves a rank. */
const ROW = 8;
const RANK_WIDTH = 24;

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
        label: 'data(label)',
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
    {
      selector: 'node[kindStyle = "MORE"]',
      style: {
        shape: 'round-rectangle', 'background-color': '#ffffff', 'border-color': '#868e96', 'border-style': 'dashed',
        color: '#495057', 'font-style': 'italic',
      },
    },
    { selector: 'node.root', style: { 'border-width': 3.5, 'font-weight': 700, 'background-color': '#c9dbff' } },
    // Has lineage relatives out of view: expand it (double-click or the Expand button).
    { selector: 'node.more', style: { 'border-style': 'dashed', 'border-width': 2 } },
    {
      selector: 'edge',
      style: {
        width: 2,
        'curve-style': 'bezier',
        'line-color': 'data(colour)',
        'target-arrow-color': 'data(colour)',
        // BASED_ON edges: the arrow of their derivation kind (style.js DERIVATIONS); others a triangle.
        'target-arrow-shape': 'data(arrow)',
        'arrow-scale': 1,
      },
    },
    { selector: 'edge.layout-only', style: { display: 'none' } },
    { selector: 'edge[type = "MORE"]', style: { 'line-style': 'dotted', 'target-arrow-shape': 'none' } },
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
  keyboard(cy, container, handlers);
  return cy;
}

const ARROWS = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
const PAN_STEP = 80;

/**
 * The canvas takes keyboard focus (Tab) and is used like this: arrows move the selection to the
 * nearest node that way (the centre first), Enter opens it as a double-click does, Escape clears
 * it; + and - zoom, 0 fits the view, and Shift with an arrow pans.
 */
function keyboard(cy, container, handlers) {
  container.tabIndex = 0;
  container.addEventListener('keydown', (event) => {
    const current = cy.$('node:selected')[0];
    const arrow = ARROWS[event.key];
    if (arrow && event.shiftKey) {
      cy.panBy({ x: -arrow[0] * PAN_STEP, y: -arrow[1] * PAN_STEP });
    } else if (arrow) {
      const next = current ? nearest(cy, current, arrow) : cy.getElementById(handlers.rootId() ?? '')[0] ?? cy.nodes()[0];
      if (next) {
        handlers.keyboardSelect(next.id());
        reveal(cy, next);
      }
    } else if (event.key === 'Enter' && current) {
      handlers.keyboardActivate(current.id());
    } else if (event.key === 'Escape' && current) {
      handlers.backgroundTap();
    } else if (event.key === '+' || event.key === '=') {
      zoomBy(cy, 1.25);
    } else if (event.key === '-') {
      zoomBy(cy, 0.8);
    } else if (event.key === '0') {
      fit(cy);
    } else {
      return;
    }
    event.preventDefault();
  });
}

/** The closest node from `from` in direction `[dx, dy]`, counting sideways distance double. */
function nearest(cy, from, [dx, dy]) {
  const p = from.position();
  let best = null;
  let bestScore = Infinity;
  for (const node of cy.nodes()) {
    if (node === from) continue;
    const q = node.position();
    const along = (q.x - p.x) * dx + (q.y - p.y) * dy;
    if (along <= 1) continue;
    const across = Math.abs((q.x - p.x) * dy - (q.y - p.y) * dx);
    const score = along + 2 * across;
    if (score < bestScore) [best, bestScore] = [node, score];
  }
  return best;
}

function reveal(cy, node) {
  const box = node.renderedBoundingBox();
  if (box.x1 < 0 || box.y1 < 0 || box.x2 > cy.width() || box.y2 > cy.height()) cy.center(node);
}

function zoomBy(cy, factor) {
  cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
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
    // Paper titles run long; the tables and the details panel give them in full.
    const shown = n.name.length > MAX_LABEL ? `${n.name.slice(0, MAX_LABEL - 1).trimEnd()}…` : n.name;
    elements.push({
      group: 'nodes',
      data: {
        id: n.id,
        name: n.name,
        label: shown,
        kind: n.kind,
        kindStyle: n.kind === 'MORE' || KINDS[n.kind] ? n.kind : 'OTHER',
        width: labelWidth(shown, root),
      },
      classes,
    });
  }
  const grid = gridOfLeaves(view);
  for (const e of view.edges.values()) {
    // A BASED_ON edge is drawn as how the model was made: its kind's colour and arrow.
    const made = e.type === 'BASED_ON' ? drawnKind(e.kinds) : null;
    elements.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.target,
        target: e.source,
        type: e.type,
        derivedFrom: e.derivedFrom,
        kind: made?.kind ?? '',
        colour: made?.colour ?? colour[e.type] ?? '#868e96',
        arrow: made?.arrow ?? 'triangle',
        label: made && made.kind !== 'UNSPECIFIED' ? `${label[e.type]}: ${made.label}` : (label[e.type] ?? e.type),
        minLen: 1,
      },
    });
  }
  cy.batch(() => {
    cy.elements().remove();
    cy.add(elements);
  });
  const scaffold = cy.add(
    grid.layoutEdges.map((e) => ({ group: 'edges', data: { ...e, type: 'LAYOUT', colour: '#fff', arrow: 'none', label: '' }, classes: 'layout-only' })),
  );
  const laidOut = cy.elements().filter((el) => !grid.skipped.has(el.id()));
  const layout = (rankDir) => {
    laidOut.layout({
      name: 'dagre',
      rankDir,
      nodeSep: 18,
      rankSep: rankDir === 'TB' ? 64 : 90,
      edgeSep: 8,
      minLen: (edge) => edge.data('minLen'),
      fit: false,
      animate: false,
    }).run();
    return fittedZoom(cy);
  };
  // Top-down reads best; a family too wide to read so (LLaMA's fine-tunes and their makers all
  // on one rank) is drawn left to right instead, bases on the left, when that reads better.
  let rankDir = 'TB';
  const topDown = layout('TB');
  if (topDown < MIN_READABLE_ZOOM) {
    if (layout('LR') > topDown) rankDir = 'LR';
    else layout('TB');
  }
  cy.scratch('rankDir', rankDir);
  cy.remove(scaffold);
  // The first view shows every node; groups keep big families small enough to read so.
  fit(cy);
  highlightPath(cy, view);
}

/**
 * Dagre puts all children of a node in one rank, which for LLaMA's dozens of fine-tunes is a
 * strip too wide to read. So leaf children (no other lineage relation in view) are laid out in
 * a grid under their parent: at most ROW a row, and fewer when many parents at the same depth
 * have leaves, so that a rank holds about RANK_WIDTH leaves in all. The layout sees each leaf
 * past the first row hanging from the leaf above it (an edge used for the layout only) instead
 * of from its parent, which keeps the columns straight; the real edges are drawn as usual.
 * With contributors or datasets shown, rows are two ranks apart so each leaf's own attachments
 * fit above it.
 *
 * @returns {{ layoutEdges: object[], skipped: Set<string> }} extra edges for the layout (source
 *   above target) and the drawn edges it should ignore
 */
function gridOfLeaves(view) {
  const lineage = [...view.edges.values()].filter((e) => RELATION[e.type]?.lineage);
  const degree = new Map();
  for (const e of lineage) {
    degree.set(e.source, (degree.get(e.source) ?? 0) + 1);
    degree.set(e.target, (degree.get(e.target) ?? 0) + 1);
  }
  const attached = [...view.edges.values()].some((e) => RELATION[e.type] && !RELATION[e.type].lineage);
  const groups = new Map();
  for (const e of view.edges.values()) {
    const leaf = e.type === 'MORE' ? view.nodes.get(e.source)?.kind === 'MORE' : RELATION[e.type]?.lineage && degree.get(e.source) === 1;
    if (!leaf || e.source === view.rootId) continue;
    if (!groups.has(e.target)) groups.set(e.target, []);
    groups.get(e.target).push(e);
  }
  const level = (hub) => view.nodes.get(hub)?.depth ?? `free ${hub}`;
  const perLevel = new Map();
  for (const [hub, edges] of groups) perLevel.set(level(hub), (perLevel.get(level(hub)) ?? 0) + edges.length);

  const layoutEdges = [];
  const skipped = new Set();
  for (const [hub, edges] of groups) {
    const rows = Math.ceil(perLevel.get(level(hub)) / RANK_WIDTH);
    const perRow = Math.min(ROW, Math.ceil(edges.length / rows));
    if (edges.length <= perRow) continue;
    const name = (e) => view.nodes.get(e.source)?.name ?? '';
    edges.sort((a, b) => (a.type === 'MORE') - (b.type === 'MORE') || name(a).localeCompare(name(b)));
    edges.forEach((e, i) => {
      if (i < perRow) return;
      skipped.add(e.id);
      const above = edges[i - perRow].source;
      layoutEdges.push({ id: `layout:${e.id}`, source: above, target: e.source, minLen: attached ? 2 : 1 });
    });
  }
  return { layoutEdges, skipped };
}

/** The zoom at which the whole drawing would fit the canvas. */
function fittedZoom(cy) {
  const box = cy.elements().boundingBox();
  return Math.min((cy.width() - 56) / Math.max(box.w, 1), (cy.height() - 56) / Math.max(box.h, 1));
}

/** Fits the whole graph, without blowing a three-node view up to giant letters. */
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

