// The explorer page: the URL holds the state (model, direction, depth, types, expand, from, to),
// every change goes through the URL, and the view is recomputed from it. A shared or embedded
// link therefore shows what its author saw.

import * as api from './api.js';
import { combobox } from './combobox.js';
import { exportJson, exportPng, exportSvg } from './export.js';
import * as graph from './graph.js';
import * as panels from './panels.js';
import { DEFAULT_TYPES, LINEAGE_TYPES, RELATIONS } from './style.js';
import { loadView } from './view.js';

const DIRECTIONS = ['BOTH', 'ANCESTORS', 'DESCENDANTS'];
const MAX_DEPTH = 10;
const DEFAULT_DEPTH = 2;

const $ = (id) => document.getElementById(id);
const status = $('status');
const details = $('details');

function readUrl() {
  const p = new URLSearchParams(location.search);
  const direction = (p.get('direction') ?? '').toUpperCase();
  const depth = Number.parseInt(p.get('depth') ?? '', 10);
  const known = RELATIONS.map((r) => r.type);
  const types = (p.get('types') ?? '').split(',').map((t) => t.trim().toUpperCase()).filter((t) => known.includes(t));
  return {
    model: (p.get('model') ?? '').trim(),
    direction: DIRECTIONS.includes(direction) ? direction : 'BOTH',
    depth: Number.isInteger(depth) ? Math.min(MAX_DEPTH, Math.max(1, depth)) : DEFAULT_DEPTH,
    // The walk needs at least one lineage relation; a URL without one gets the defaults.
    types: types.some((t) => LINEAGE_TYPES.includes(t)) ? types : DEFAULT_TYPES,
    expand: p.getAll('expand').filter(Boolean),
    show: p.getAll('show').filter(Boolean),
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    embed: p.get('embed') === '1',
  };
}

function urlFor(s) {
  const p = new URLSearchParams();
  if (s.model) {
    p.set('model', s.model);
    p.set('direction', s.direction);
    p.set('depth', String(s.depth));
  }
  if (s.types.join(',') !== DEFAULT_TYPES.join(',')) p.set('types', s.types.join(','));
  for (const name of s.expand) p.append('expand', name);
  for (const name of s.show) p.append('show', name);
  if (s.from && s.to) {
    p.set('from', s.from);
    p.set('to', s.to);
  }
  if (s.embed) p.set('embed', '1');
  // Commas need no escaping in a query, and types=BASED_ON,TRAINED_WITH reads better when shared.
  return `/explorer?${p.toString().replace(/%2C/gi, ',')}`;
}

let state = readUrl();
let view = null;
let selected = null;
/** Path picking on the graph: null when off, else the names picked so far. */
let picking = null;
let loads = 0;

const cy = graph.createGraph($('cy'), {
  nodeTap: (id) => (picking ? pickForPath(id) : select(id)),
  nodeDoubleTap: (id) => activate(id),
  edgeTap: (id) => select(id),
  backgroundTap: () => select(null),
  keyboardSelect: (id) => select(id),
  keyboardActivate: (id) => activate(id),
  rootId: () => view?.rootId ?? null,
});

/** Double-click or Enter on a node: a model becomes the centre, anything else is expanded. */
function activate(id) {
  const node = view?.nodes.get(id);
  if (!node) return;
  if (node.kind === 'MORE') return select(id);
  if (node.kind === 'MODEL') navigate({ model: node.name, expand: [], show: [] });
  else navigate({ expand: [...new Set([...state.expand, node.name])] });
}

/** Changes the state through the URL (a new history entry) and redraws. */
function navigate(change) {
  state = { ...state, ...change };
  history.pushState(null, '', urlFor(state));
  syncControls();
  load();
}

function syncControls() {
  document.body.classList.toggle('embed', state.embed);
  $('model-input').value = state.model;
  $('direction').value = state.direction;
  $('depth').value = String(state.depth);
  for (const box of document.querySelectorAll('#types input')) box.checked = state.types.includes(box.value);
  $('path-from').value = state.from;
  $('path-to').value = state.to;
  panels.renderLegend($('legend'), state.types);
  document.title = state.model ? `${state.model} — LLM lineage explorer` : 'LLM lineage explorer';
}

async function load() {
  if (!state.model && !(state.from && state.to)) return;
  const ticket = ++loads;
  status.classList.remove('error');
  status.textContent = state.model ? `Loading the lineage of ${state.model}…` : `Loading the path from ${state.from} to ${state.to}…`;
  document.body.dataset.loading = 'true';
  try {
    const next = await loadView(state);
    if (ticket !== loads) return; // a newer navigation won
    view = next;
    graph.draw(cy, view);
    panels.renderStatus(status, view, state);
    panels.renderLegend($('legend'), state.types, view);
    panels.renderTables(view, select);
    panels.renderPath($('path-result'), view);
    // The centre's hub (its relatives by relation) opens with the view.
    if (selected && (view.nodes.has(selected) || view.edges.has(selected))) select(selected);
    else select(view.rootId);
  } catch (error) {
    if (ticket !== loads) return;
    view = null;
    cy.elements().remove();
    panels.renderTables({ nodes: new Map(), edges: new Map(), rootId: null, more: new Set(), path: null }, select);
    panels.renderPath($('path-result'), { path: null });
    if (error instanceof api.ApiError && error.code === 'NOT_FOUND') await suggestInstead(state.model, ticket);
    else panels.renderError(status, error instanceof api.ApiError ? error.message : `Something went wrong: ${error.message}`);
    if (!(error instanceof api.ApiError)) console.error(error);
  } finally {
    if (ticket === loads) document.body.dataset.loading = 'false';
  }
}

/** An unknown name: say so, and offer the closest names `search` knows. */
async function suggestInstead(name, ticket) {
  const hits = await api.suggest(name, ['MODEL']).catch(() => []);
  if (ticket !== loads) return;
  panels.renderError(status, `No model named “${name}”.`);
  if (!hits.length) return;
  status.append(
    ' Did you mean ',
    ...hits.slice(0, 5).flatMap((hit, i) => [
      i ? ', ' : '',
      panels.el('button', { type: 'button', className: 'link', onclick: () => navigate({ model: hit.name, expand: [] }) }, hit.name),
    ]),
    '?',
  );
}

const actions = {
  centre: (name) => navigate({ model: name, expand: [], show: [] }),
  expand: (name) => navigate({ expand: [...new Set([...state.expand, name])] }),
  show: (name) => navigate({ show: [...new Set([...state.show, name])] }),
  pathFrom: (name) => {
    $('path-from').value = name;
    if ($('path-to').value.trim()) $('path-form').requestSubmit();
    else $('path-to').focus();
  },
  pathTo: (name) => {
    $('path-to').value = name;
    if ($('path-from').value.trim()) $('path-form').requestSubmit();
    else $('path-from').focus();
  },
  select: (id) => select(id),
};

/** Shows a node's or a relation's details and provenance; null clears the panel. */
async function select(id) {
  selected = id;
  graph.select(cy, id);
  for (const row of document.querySelectorAll('#node-table tr[aria-current], #edge-table tr[aria-current]')) row.removeAttribute('aria-current');
  if (!id || !view) return panels.renderHint(details);
  document.querySelector(`tr[data-id="${CSS.escape(id)}"]`)?.setAttribute('aria-current', 'true');
  // A "+N more" group (or its edge) is not data: it lists what it stands for, to add to the graph.
  const group = view.nodes.get(id)?.kind === 'MORE' ? view.nodes.get(id) : view.nodes.get(view.edges.get(id)?.source ?? view.edges.get(id)?.target);
  if (group?.kind === 'MORE') return panels.renderGroupDetails(details, group, view, actions);
  const edge = view.edges.get(id);
  try {
    if (edge) {
      // Sources of attached relations, and how a model was made (with the words), are fetched on click.
      if (!edge.sources || (edge.type === 'BASED_ON' && !edge.derivation)) {
        const found = await api.relationDetails(edge.source, edge.type, edge.id);
        edge.sources ??= found.sources;
        edge.derivation = found.derivation;
      }
      if (selected === id) panels.renderEdgeDetails(details, edge, view, edge.sources, actions);
    } else {
      const node = await api.nodeDetails(id);
      const relatives = node?.kind === 'MODEL' ? await api.relatives(id) : null;
      if (selected === id && node) panels.renderNodeDetails(details, node, view, actions, relatives);
    }
  } catch (error) {
    if (selected === id) details.replaceChildren(panels.el('p', { className: 'error' }, error.message));
  }
}

function pickForPath(id) {
  const node = view?.nodes.get(id);
  if (!node || node.kind === 'MORE') return;
  picking.push(node.name);
  if (picking.length === 1) {
    $('path-from').value = node.name;
    $('path-to').value = '';
    $('path-result').textContent = `From ${node.name}: now click the other end.`;
    return;
  }
  const [from, to] = picking;
  setPicking(false);
  navigate({ from, to });
}

function setPicking(on) {
  picking = on ? [] : null;
  $('path-mode').setAttribute('aria-pressed', String(on));
  document.body.classList.toggle('picking', on);
  if (on) $('path-result').textContent = 'Click the first model of the path on the graph.';
}

function buildTypeCheckboxes() {
  const fieldset = $('types');
  for (const r of RELATIONS) {
    const box = panels.el('input', { type: 'checkbox', value: r.type, id: `type-${r.type}` });
    box.addEventListener('change', () => {
      const types = RELATIONS.map((x) => x.type).filter((t) => (t === r.type ? box.checked : state.types.includes(t)));
      if (!types.some((t) => LINEAGE_TYPES.includes(t))) {
        box.checked = true;
        status.textContent = 'Keep at least one of “based on” and “variant of”: they are what the family tree is walked along.';
        return;
      }
      navigate({ types });
    });
    const swatch = panels.el('span', { className: 'type-swatch', 'aria-hidden': 'true' });
    swatch.style.background = r.colour;
    fieldset.append(panels.el('label', { className: 'check', for: box.id }, box, swatch, r.label));
  }
}

function wire() {
  buildTypeCheckboxes();
  const modelBox = combobox($('model-input'), { onPick: (name) => navigate({ model: name, expand: [], show: [] }) });
  const fromBox = combobox($('path-from'));
  const toBox = combobox($('path-to'));

  $('model-form').addEventListener('submit', (event) => {
    event.preventDefault();
    modelBox.close();
    const model = $('model-input').value.trim();
    if (model) navigate({ model, expand: [], show: [] });
  });
  $('direction').addEventListener('change', () => navigate({ direction: $('direction').value }));
  $('depth').addEventListener('change', () => {
    const depth = Number.parseInt($('depth').value, 10);
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_DEPTH) {
      $('depth').value = String(state.depth);
      status.textContent = `Depth goes from 1 to ${MAX_DEPTH}.`;
      return;
    }
    navigate({ depth });
  });
  $('path-form').addEventListener('submit', (event) => {
    event.preventDefault();
    fromBox.close();
    toBox.close();
    const from = $('path-from').value.trim();
    const to = $('path-to').value.trim();
    if (from && to) navigate({ from, to });
  });
  $('path-clear').addEventListener('click', () => {
    setPicking(false);
    navigate({ from: '', to: '' });
  });
  $('path-mode').addEventListener('click', () => setPicking(picking === null));
  $('fit').addEventListener('click', () => graph.fit(cy));
  $('export-png').addEventListener('click', () => view && exportPng(cy, state));
  $('export-svg').addEventListener('click', () => view && exportSvg(cy, state));
  $('export-json').addEventListener('click', () => view && exportJson(view, state));
  window.addEventListener('popstate', () => {
    state = readUrl();
    syncControls();
    load();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && picking) setPicking(false);
  });
}

wire();
syncControls();
if (state.model || (state.from && state.to)) load();
else document.body.dataset.loading = 'false';
// For debugging in the browser console and for the end-to-end test, which reads node positions.
window.explorer = { cy, get view() { return view; }, get state() { return state; } };
