// The HTML around the graph: legend, status line, the node and relation tables (what keyboard
// and screen-reader users, and tests, read), the path summary and the details panel.

import { DERIVATION, DERIVATIONS, KINDS, OTHER, PATH_COLOUR, RELATION, RELATIONS, drawnKind, kindStyle } from './style.js';

/** Small DOM builder: el('td', { className: 'x' }, 'text', child). */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('aria-') || key === 'role' || key === 'for') node.setAttribute(key, value);
    else node[key] = value;
  }
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
}

const SHAPE_SVG = {
  'round-rectangle': '<rect x="1" y="3" width="20" height="12" rx="4"/>',
  'cut-rectangle': '<path d="M4 3h14l3 3v6l-3 3H4l-3-3V6z"/>',
  barrel: '<path d="M3 3q-2 6 0 12h16q2-6 0-12z"/>',
  tag: '<path d="M1 3h14l6 6-6 6H1z"/>',
  rhomboid: '<path d="M5 3h16l-4 12H1z"/>',
  ellipse: '<ellipse cx="11" cy="9" rx="10" ry="6"/>',
};

function shapeSwatch(k, extra = '') {
  const span = el('span', { className: 'swatch', 'aria-hidden': 'true' });
  span.innerHTML = `<svg width="22" height="18" viewBox="0 0 22 18" fill="${k.fill}" stroke="${k.border}" stroke-width="1.5" ${extra}>${SHAPE_SVG[k.shape]}</svg>`;
  return span;
}

/** The arrow heads Cytoscape draws (graph.js), as the legend draws them: at x 18–25, y 1–9. */
const ARROW_SVG = {
  triangle: (c) => `<path d="M18 1l7 4-7 4z" fill="${c}"/>`,
  'triangle-tee': (c) => `<path d="M19 1l6 4-6 4z" fill="${c}"/><path d="M16.5 1v8" stroke="${c}" stroke-width="2"/>`,
  square: (c) => `<path d="M18 1.5h7v7h-7z" fill="${c}"/>`,
  diamond: (c) => `<path d="M17 5l4-4 4 4-4 4z" fill="${c}"/>`,
  circle: (c) => `<circle cx="21.5" cy="5" r="3.6" fill="${c}"/>`,
  'triangle-backcurve': (c) => `<path d="M18 1l7 4-7 4q2.5-4 0-8z" fill="${c}"/>`,
  chevron: (c) => `<path d="M18 1l7 4-7 4v-2.6l3.6-1.4-3.6-1.4z" fill="${c}"/>`,
  vee: (c) => `<path d="M18 1l7 4-7 4 2.6-4z" fill="${c}"/>`,
};

function lineSwatch(colour, dashed = false, arrow = 'triangle') {
  const span = el('span', { className: 'swatch', 'aria-hidden': 'true' });
  span.innerHTML = `<svg width="26" height="10" viewBox="0 0 26 10"><line x1="1" y1="5" x2="19" y2="5" stroke="${colour}" stroke-width="2.5" ${dashed ? 'stroke-dasharray="4 3"' : ''}/>${(ARROW_SVG[arrow] ?? ARROW_SVG.triangle)(colour)}</svg>`;
  return span;
}

/** The swatch of a derivation kind: its colour and arrow, as BASED_ON edges of it are drawn. */
export function kindSwatch(kind) {
  const d = DERIVATION[kind] ?? DERIVATION.UNSPECIFIED;
  return lineSwatch(d.colour, false, d.arrow);
}

/** "adapter, fine-tune" — the kinds of a BASED_ON relation in words; '' when the lists do not say. */
export function kindWords(kinds) {
  return (kinds ?? []).filter((k) => k !== 'UNSPECIFIED').map((k) => DERIVATION[k]?.label ?? k.toLowerCase()).join(', ');
}

/**
 * The legend of what is on screen. With a view, `based on` has one entry per derivation kind
 * its BASED_ON edges are drawn as (most specific kind first, as the graph draws them).
 */
export function renderLegend(container, types, view = null) {
  const shownKinds = new Set(['MODEL']);
  if (types.includes('FROM_CONTRIBUTOR')) shownKinds.add('ORGANIZATION');
  if (types.includes('TRAINED_WITH')) shownKinds.add('DATASET');
  if (types.includes('DESCRIBED_IN')) shownKinds.add('PAPER');
  if (types.includes('USES_METHOD')) shownKinds.add('METHOD');
  const relations = RELATIONS.filter((r) => types.includes(r.type));
  const drawn = new Set(view ? realEdges(view).filter((e) => e.type === 'BASED_ON').map((e) => drawnKind(e.kinds).kind) : []);
  const kinds = DERIVATIONS.filter((d) => drawn.has(d.kind));
  const entry = (r) =>
    r.type === 'BASED_ON' && kinds.length
      ? [
          el('li', { dataset: { type: r.type } }, el('b', {}, `${r.label}, by how it was made`), el('span', { className: 'reads' }, `(${r.reads}):`)),
          ...kinds.map((d) =>
            el('li', { dataset: { kind: d.kind } }, lineSwatch(d.colour, false, d.arrow), el('b', {}, d.label), el('span', { className: 'reads' }, `(${d.note})`)),
          ),
        ]
      : [el('li', { dataset: { type: r.type } }, lineSwatch(r.colour), el('b', {}, r.label), el('span', { className: 'reads' }, `(${r.reads})`))];
  container.replaceChildren(
    el('h2', {}, 'Legend'),
    el('ul', {},
      ...relations.flatMap(entry),
      el('li', {}, lineSwatch('#555', true), 'read from prose (less certain)'),
    ),
    el('ul', {},
      ...[...shownKinds].map((kind) => el('li', {}, shapeSwatch(KINDS[kind]), KINDS[kind].label)),
      el('li', {}, shapeSwatch({ ...KINDS.MODEL, fill: '#c9dbff' }, 'stroke-width="3"'), 'the model you asked for'),
      el('li', {}, shapeSwatch(KINDS.MODEL, 'stroke-dasharray="3 2"'), 'has relatives not shown: expand it'),
      el('li', {}, el('span', { className: 'swatch path-swatch', 'aria-hidden': 'true', style: `background:${PATH_COLOUR}` }), 'on the path'),
    ),
  );
}

/** Real nodes and relations of the view, without the "+N more" placeholders. */
export function realNodes(view) {
  return [...view.nodes.values()].filter((n) => n.kind !== 'MORE');
}
export function realEdges(view) {
  return [...view.edges.values()].filter((e) => e.type !== 'MORE');
}

export function renderStatus(status, view, state) {
  const centre = state.model ? `around ${view.nodes.get(view.rootId)?.name ?? state.model}` : `on the path from ${state.from} to ${state.to}`;
  const parts = [`${realNodes(view).length} nodes and ${realEdges(view).length} relations ${centre}`];
  if (view.omitted) parts.push(`${view.omitted} more ${view.omitted === 1 ? 'lies' : 'lie'} beyond depth ${state.depth}`);
  if (view.collapsed) parts.push(`${view.collapsed} gathered in “+N more” groups`);
  if (view.leftOut) parts.push(`${view.leftOut} left out to keep the view readable`);
  if (view.omitted || view.leftOut) parts.push('raise the depth, or expand a node with a dashed border');
  if (view.collapsed) parts.push('select a “+N more” group to list and add them');
  if (view.missingExpansions.length) parts.push(`no node named ${view.missingExpansions.join(', ')} to expand`);
  status.textContent = `${parts.join('; ')}.`;
  status.dataset.omitted = String(view.omitted);
  status.dataset.leftOut = String(view.leftOut);
  status.dataset.collapsed = String(view.collapsed);
  status.classList.remove('error');
}

export function renderError(status, message) {
  status.textContent = message;
  status.classList.add('error');
}

function direction(view, edge) {
  return `${view.nodes.get(edge.source)?.name ?? edge.source} ${RELATION[edge.type]?.label ?? edge.type} ${view.nodes.get(edge.target)?.name ?? edge.target}`;
}

/** onSelect(id) is called when a name in the tables is activated. */
export function renderTables(view, onSelect) {
  const onPath = new Set([...(view.path?.nodeIds ?? []), ...(view.path?.edgeIds ?? [])]);
  const nodes = [...view.nodes.values()].sort(
    (a, b) =>
      (a.kind === 'MORE') - (b.kind === 'MORE') || (a.depth ?? 99) - (b.depth ?? 99) || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name),
  );
  const notes = (n) =>
    [
      n.id === view.rootId ? 'centre' : '',
      onPath.has(n.id) ? 'on path' : '',
      view.more.has(n.id) ? 'relatives not shown' : '',
      view.expanded?.has(n.id) ? 'expanded' : n.origin === 'expand' ? 'added by expanding' : '',
      n.origin === 'path' ? 'added for the path' : '',
    ].filter(Boolean).join(', ');
  document.querySelector('#node-table tbody').replaceChildren(
    ...nodes.map((n) =>
      el('tr', { dataset: { id: n.id, kind: n.kind, onPath: String(onPath.has(n.id)) } },
        el('td', {}, el('button', { type: 'button', className: 'link', onclick: () => onSelect(n.id) }, n.name)),
        el('td', {}, n.kind === 'MORE' ? 'hidden' : kindStyle(n.kind).label),
        el('td', {}, n.depth === null ? '' : String(n.depth)),
        el('td', {}, notes(n)),
      ),
    ),
  );
  document.getElementById('node-count').textContent = `(${realNodes(view).length})`;

  const edges = realEdges(view).sort((a, b) => direction(view, a).localeCompare(direction(view, b)));
  document.querySelector('#edge-table tbody').replaceChildren(
    ...edges.map((e) =>
      el('tr', { dataset: { id: e.id, type: e.type, source: e.source, target: e.target, onPath: String(onPath.has(e.id)), ...(e.kinds ? { kinds: e.kinds.join(',') } : {}) } },
        el('td', {}, view.nodes.get(e.source)?.name ?? e.source),
        el('td', {}, el('button', { type: 'button', className: 'link', onclick: () => onSelect(e.id) }, RELATION[e.type]?.label ?? e.type), kindWords(e.kinds) ? el('span', { className: 'how' }, ` (${kindWords(e.kinds)})`) : null),
        el('td', {}, view.nodes.get(e.target)?.name ?? e.target),
        el('td', {}, e.derivedFrom.toLowerCase()),
      ),
    ),
  );
  document.getElementById('edge-count').textContent = `(${edges.length})`;
}

export function renderPath(container, view) {
  const path = view.path;
  if (!path) return container.replaceChildren();
  if (!path.found) {
    return container.replaceChildren(
      el('p', { className: 'error' }, path.error ?? `No path between ${path.from} and ${path.to} over the relations shown (within 10 hops).`),
    );
  }
  const steps = path.nodeIds.map((id) => view.nodes.get(id)?.name ?? id);
  return container.replaceChildren(
    el('p', {}, `${path.edgeIds.length} ${path.edgeIds.length === 1 ? 'hop' : 'hops'}, highlighted:`),
    el('ol', { id: 'path-steps' }, ...steps.map((name) => el('li', {}, name))),
  );
}

/**
 * Provenance, each place once: a row can state a node in several columns (its name, its base…)
 * and several lists can hold the same line; those are one place, with every column and sentence.
 */
export function distinctSources(sources) {
  const places = new Map();
  for (const s of sources ?? []) {
    const key = `${s.file}:${s.line}`;
    const place = places.get(key) ?? { file: s.file, line: s.line, section: s.section, ways: new Set(), columns: new Set(), texts: new Set() };
    if (s.derivedFrom) place.ways.add(s.derivedFrom.toLowerCase());
    if (s.column) place.columns.add(s.column);
    if (s.text) place.texts.add(s.text);
    places.set(key, place);
  }
  return [...places.values()];
}

function sourceList(sources) {
  const places = distinctSources(sources);
  if (!places.length) return el('p', { className: 'muted' }, 'No source recorded.');
  return el('ul', { className: 'sources' },
    ...places.map((s) => {
      const columns = [...s.columns].map((c) => `“${c}”`).join(', ');
      const how = [[...s.ways].join(', '), columns ? `column${s.columns.size > 1 ? 's' : ''} ${columns}` : ''].filter(Boolean).join('; ');
      return el('li', {},
        el('code', {}, `${s.file}:${s.line}`),
        s.section ? el('span', { className: 'muted' }, ` — ${s.section}`) : null,
        how ? el('span', { className: 'muted' }, ` (${how})`) : null,
        ...[...s.texts].map((t) => el('blockquote', {}, t)),
      );
    }),
  );
}

const PAGE_SIZE = 10;

/**
 * Counts by how the models were made ("Adapters: 6"), as the Hugging Face model tree shows a
 * base's. With `onPick` each count is a toggle button that narrows the list to its kind.
 */
function kindCounts(counts, { label, onPick } = {}) {
  const entries = counts.map(({ kind, count }) => {
    const text = `${DERIVATION[kind]?.many ?? kind}: ${count}`;
    return onPick
      ? el('button', { type: 'button', className: 'kind-count', dataset: { kind, count: String(count) }, 'aria-pressed': 'false', onclick: () => onPick(kind) }, kindSwatch(kind), text)
      : el('span', { className: 'kind-count', dataset: { kind, count: String(count) } }, kindSwatch(kind), text);
  });
  return el('div', { className: 'kind-counts', role: 'group', 'aria-label': label }, el('span', { className: 'muted' }, 'By how they were made:'), ...entries);
}

/**
 * A paged, searchable list of relatives: `items` are `{ id, name, kind, note?, kinds? }`. Each
 * can be added to the graph (`onAdd`, when given and the item is not in view) or picked
 * (`onPick`). `counts` by derivation kind are shown above it; with `narrow` a count narrows the
 * list to the items of its kind.
 */
function pagedList(items, { label, inView, onAdd, onPick, counts = null, narrow = false }) {
  const wrap = el('div', { className: 'paged' });
  const search = el('input', { type: 'search', placeholder: `Search ${items.length}…`, 'aria-label': `Search ${label}` });
  const list = el('ul', { className: 'relatives', 'aria-label': label });
  const pager = el('div', { className: 'pager' });
  let page = 0;
  let kind = null;
  const byKind = counts?.length
    ? kindCounts(counts, {
        label: `${label}, by how they were made`,
        onPick: narrow
          ? (picked) => {
              kind = kind === picked ? null : picked;
              for (const b of byKind.querySelectorAll('button')) b.setAttribute('aria-pressed', String(b.dataset.kind === kind));
              page = 0;
              render();
            }
          : null,
      })
    : null;
  const render = () => {
    const q = search.value.trim().toLowerCase();
    const found = items.filter((i) => (!q || i.name.toLowerCase().includes(q)) && (!kind || i.kinds?.includes(kind)));
    const pages = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
    page = Math.min(page, pages - 1);
    const shown = found.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    list.replaceChildren(
      ...shown.map((item) =>
        el('li', { dataset: { id: item.id } },
          onPick ? el('button', { type: 'button', className: 'link', onclick: () => onPick(item) }, item.name) : item.name,
          item.note ? el('span', { className: 'muted' }, ` ${item.note}`) : null,
          inView(item.id)
            ? el('span', { className: 'muted in-view' }, ' in view')
            : onAdd ? el('button', { type: 'button', className: 'add', onclick: () => onAdd(item), 'aria-label': `Add to graph: ${item.name}` }, 'Add to graph') : null,
        ),
      ),
      ...(found.length ? [] : [el('li', { className: 'muted' }, q ? `Nothing matches “${search.value}”${kind ? ' of that kind' : ''}.` : 'None of that kind.')]),
    );
    const from = found.length ? page * PAGE_SIZE + 1 : 0;
    pager.replaceChildren(
      el('button', { type: 'button', disabled: page === 0, onclick: () => { page -= 1; render(); } }, 'Previous'),
      el('span', { className: 'muted', role: 'status' }, `${from}–${Math.min(found.length, (page + 1) * PAGE_SIZE)} of ${found.length}`),
      el('button', { type: 'button', disabled: page >= pages - 1, onclick: () => { page += 1; render(); } }, 'Next'),
    );
    pager.hidden = found.length <= PAGE_SIZE;
  };
  search.addEventListener('input', () => { page = 0; render(); });
  render();
  if (byKind) wrap.append(byKind);
  if (items.length > PAGE_SIZE) wrap.append(search);
  wrap.append(list, pager);
  return wrap;
}

const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The hub of a model, as the Hugging Face model tree shows it: its relatives grouped by relation
 * with counts ("Built on it: 71 models"), each group a paged, searchable list whose members can
 * be added to the graph one by one, or all at once.
 */
function hubGroups(node, relatives, view, actions) {
  const byDepth = (relatives.descendants ?? []).map((d) => ({ ...d.model, note: `(${plural(d.depth, 'hop')})` }));
  // Bases and derivatives say how each was made ("adapter") where the lists say it.
  const made = (items) => (items ?? []).map((i) => ({ ...i, note: kindWords(i.kinds) ? `(${kindWords(i.kinds)})` : '' }));
  const groups = [
    { key: 'derivatives', title: 'Built on it', items: made(relatives.derivatives), noun: 'model', lineage: true, all: true, counts: relatives.derivativeKinds, narrow: true },
    { key: 'descendants', title: 'All descendants', items: byDepth, noun: 'model', lineage: true, counts: relatives.descendantKinds },
    { key: 'variants', title: 'Its size variants', items: relatives.variants, noun: 'model', lineage: true, all: true },
    { key: 'basedOn', title: 'It is built on', items: made(relatives.basedOn), noun: 'model', lineage: true },
    { key: 'variantOf', title: 'Size variant of', items: relatives.variantOf, noun: 'model', lineage: true },
    { key: 'contributors', title: 'Made by', items: relatives.contributors, noun: 'organization' },
    { key: 'datasets', title: 'Trained with', items: relatives.datasets, noun: 'dataset' },
    { key: 'methods', title: 'Uses', items: relatives.methods, noun: 'method' },
    { key: 'papers', title: 'Described in', items: relatives.papers, noun: 'paper' },
  ].filter((g) => g.items?.length);
  if (!groups.length) return [el('p', { className: 'muted' }, 'The lists name no relatives of it.')];
  return [
    el('h3', {}, 'Relatives'),
    ...groups.map((g) =>
      el('details', { className: 'group', dataset: { group: g.key }, open: g.items.length <= PAGE_SIZE || g.key === 'derivatives' },
        el('summary', {}, el('b', {}, `${g.title}: `), plural(g.items.length, g.noun)),
        g.all && g.items.some((i) => !view.nodes.has(i.id))
          ? el('button', { type: 'button', className: 'show-all', onclick: () => actions.expand(node.name) }, `Show all ${g.items.length} in the graph`)
          : null,
        pagedList(g.items, {
          label: `${g.title} ${node.name}`,
          inView: (id) => view.nodes.has(id),
          onAdd: g.lineage ? (item) => actions.show(item.name) : null,
          onPick: (item) => (item.kind === 'MODEL' ? actions.centre(item.name) : actions.expand(item.name)),
          counts: g.counts,
          narrow: g.narrow,
        }),
      ),
    ),
  ];
}

/** A "+N more" group node: the relatives it stands for, paged and searchable, to add to the graph. */
export function renderGroupDetails(container, group, view, actions) {
  const below = group.side === 'below';
  container.replaceChildren(
    el('h2', { id: 'details-title' }, below ? `Built on ${group.hub}: ${plural(group.hidden, 'more model')}` : `${group.hub} builds on ${plural(group.hidden, 'more model')}`),
    el('p', { className: 'muted' }, 'Not drawn, to keep the graph readable. Add the ones you want, or all of them.'),
    el('div', { className: 'actions' },
      el('button', { type: 'button', id: 'show-group', onclick: () => actions.expand(group.hub) }, `Show all ${group.hidden} in the graph`),
    ),
    pagedList(group.members, {
      label: `Relatives of ${group.hub} not drawn`,
      inView: (id) => view.nodes.has(id),
      onAdd: (item) => actions.show(item.name),
      onPick: (item) => actions.centre(item.name),
    }),
  );
}

function link(url) {
  return /^https?:\/\//.test(url) ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : url;
}

/**
 * actions: { centre(name), expand(name), pathFrom(name), pathTo(name) }. `node` is the API's
 * node with sources; `viewNode` what the view knows (for relations in view).
 */
export function renderNodeDetails(container, node, view, actions, relatives = null) {
  const kind = kindStyle(node.kind).label;
  const related = [...view.edges.values()].filter((e) => e.source === node.id || e.target === node.id);
  const facts = [
    ['Kind', kind],
    node.aliases?.length ? ['Also called', node.aliases.join(', ')] : null,
    node.url ? ['Link', link(node.url)] : null,
    node.mainFeature ? ['Description', node.mainFeature] : null,
    // When a list first named it: the commit date of the version read from its history, or the ingest.
    node.firstSeen ? ['First listed', `${node.firstSeen.date.slice(0, 10)} in ${node.firstSeen.source}${node.firstSeen.commit ? ` (commit ${node.firstSeen.commit.slice(0, 10)})` : ''}`] : null,
    node.organizationKind ? ['Organization kind', node.organizationKind.toLowerCase()] : null,
    node.arxivId ? ['arXiv', node.arxivId] : null,
    node.languages?.length ? ['Languages', node.languages.map((l) => l.name).join(', ')] : null,
    node.licenses?.length ? ['Licenses', node.licenses.map((l) => l.name).join(', ')] : null,
    ['Id', el('code', {}, node.id)],
  ].filter(Boolean);
  container.replaceChildren(
    el('h2', { id: 'details-title' }, node.name),
    el('div', { className: 'actions' },
      node.kind === 'MODEL' && node.id !== view.rootId
        ? el('button', { type: 'button', id: 'centre-here', onclick: () => actions.centre(node.name) }, `Centre view on ${node.name}`)
        : null,
      el('button', { type: 'button', id: 'expand-here', onclick: () => actions.expand(node.name) }, 'Expand neighbours'),
      el('button', { type: 'button', onclick: () => actions.pathFrom(node.name) }, 'Path from here'),
      el('button', { type: 'button', onclick: () => actions.pathTo(node.name) }, 'Path to here'),
    ),
    el('dl', {}, ...facts.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    ...(relatives ? hubGroups(node, relatives, view, actions) : []),
    el('h3', {}, 'Stated in'),
    sourceList(node.sources),
    related.length ? el('h3', {}, 'Relations in view') : null,
    related.length
      ? el('ul', { className: 'relations' },
          ...related.map((e) => el('li', {}, el('button', { type: 'button', className: 'link', onclick: () => actions.select(e.id) }, direction(view, e)))),
        )
      : null,
  );
}

/** Where the words of a derivation stand, in words. */
const EVIDENCE_FROM = {
  TEXT: 'its own words',
  COLUMN: 'a column',
  KEY: 'a key',
  SECTION: 'the section it is filed under',
};

/**
 * How a model was made from its base: each kind with the words that say so and their file:line
 * (`derivation` as the API gives it: `{ kinds, methods, evidence }`).
 */
function derivationDetails(derivation) {
  const kinds = derivation.kinds.map((k) => DERIVATION[k] ?? DERIVATION.UNSPECIFIED);
  const byKind = (kind) => derivation.evidence.filter((e) => e.kind === kind);
  return [
    el('h3', {}, 'How it was made'),
    el('ul', { className: 'derivation' },
      ...kinds.map((d) =>
        el('li', { dataset: { kind: d.kind } },
          el('div', {}, kindSwatch(d.kind), el('b', {}, d.label), el('span', { className: 'muted' }, ` (${d.note})`)),
          el('ul', { className: 'evidence' },
            ...byKind(d.kind).map((e) =>
              el('li', {}, `“${e.words}” `, el('code', {}, `${e.source}:${e.line}`), el('span', { className: 'muted' }, ` (${EVIDENCE_FROM[e.from] ?? e.from.toLowerCase()})`)),
            ),
          ),
        ),
      ),
    ),
    derivation.methods.length ? el('p', { className: 'methods' }, el('span', { className: 'muted' }, 'Methods named: '), derivation.methods.join(', ')) : null,
  ].filter(Boolean);
}

export function renderEdgeDetails(container, edge, view, sources, actions) {
  const end = (id) => el('button', { type: 'button', onclick: () => actions.select(id) }, view.nodes.get(id)?.name ?? id);
  const how = edge.derivation ? kindWords(edge.derivation.kinds) : '';
  container.replaceChildren(
    el('h2', { id: 'details-title' }, direction(view, edge)),
    el('div', { className: 'actions' }, end(edge.source), end(edge.target)),
    el('dl', {},
      el('dt', {}, 'Relation'), el('dd', {}, el('code', {}, edge.type)),
      how ? el('dt', {}, 'Made as') : null, how ? el('dd', {}, how) : null,
      el('dt', {}, 'Read from'), el('dd', {}, edge.derivedFrom === 'TEXT' ? 'prose (less certain)' : `a ${edge.derivedFrom.toLowerCase()}`),
    ),
    ...(edge.derivation ? derivationDetails(edge.derivation) : []),
    el('h3', {}, 'Stated in'),
    sourceList(sources),
  );
}

export function renderHint(container) {
  container.replaceChildren(
    el('p', { className: 'hint' }, 'Click a node or a relation to see where the lists state it. Double-click a node to centre the view on it.'),
  );
}
