// Downloads of exactly what is on screen: an image (PNG, SVG) or node-link JSON.

function download(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function baseName(state) {
  const safe = state.model.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `lineage-${safe}-${state.direction.toLowerCase()}-${state.depth}`;
}

export async function exportPng(cy, state) {
  const blob = await cy.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' });
  download(blob, `${baseName(state)}.png`);
}

export function exportSvg(cy, state) {
  const svg = cy.svg({ full: true, bg: '#ffffff' });
  download(new Blob([svg], { type: 'image/svg+xml' }), `${baseName(state)}.svg`);
}

/**
 * The same node-link shape as the server's `/export` (networkx `node_link_graph`, D3), but of
 * the view as shown, expansions and path included. Links keep the relations' own direction.
 */
export function nodeLink(view, state) {
  return {
    directed: true,
    multigraph: true,
    graph: {
      root: view.rootId,
      direction: state.direction,
      maxDepth: state.depth,
      types: state.types,
      expanded: state.expand,
      omitted: view.omitted + view.leftOut + view.collapsed,
      ...(view.path?.found ? { path: view.path.nodeIds } : {}),
    },
    // "+N more" placeholders are drawing aids, not nodes of the graph.
    nodes: [...view.nodes.values()].filter((n) => n.kind !== 'MORE').map((n) => ({ id: n.id, name: n.name, kind: n.kind, depth: n.depth })),
    links: [...view.edges.values()].filter((e) => e.type !== 'MORE').map((e) => ({
      source: e.source,
      target: e.target,
      key: e.type,
      id: e.id,
      type: e.type,
      derivedFrom: e.derivedFrom,
      derivationKinds: e.kinds ?? [],
    })),
  };
}

export function exportJson(view, state) {
  const json = JSON.stringify(nodeLink(view, state), null, 2);
  download(new Blob([json], { type: 'application/json' }), `${baseName(state)}.json`);
}
