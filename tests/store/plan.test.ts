import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode } from '../../ingest/graph/types.js';
import { planLoad, type LiveEdge, type LiveNode, type PlanInput } from '../../ingest/load/plan.js';
import { edgeRow, nodeRow } from '../../ingest/load/rows.js';
import { formatSeen, nextSeen, parseSeen, type Stamp } from '../../ingest/load/seen.js';

const v1: Stamp = { date: '2023-03-20T10:00:00.000Z', commit: 'c1' };
const v2: Stamp = { date: '2023-11-15T10:00:00.000Z', commit: 'c2' };
const plain: Stamp = { date: '2024-01-01T00:00:00.000Z', commit: null };

describe('seen: when each source first and last stated a fact', () => {
  it('starts with the version that first states it, and keeps it while the source states it', () => {
    const first = nextSeen([], ['a.md'], () => v1, () => null);
    expect(first).toEqual([{ source: 'a.md', first: v1, last: null }]);
    expect(nextSeen(first, ['a.md'], () => v2, () => v1)).toEqual(first);
  });

  it('records the last version of a source that stops stating it', () => {
    const first = nextSeen([], ['a.md', 'b.md'], () => v1, () => null);
    expect(nextSeen(first, ['b.md'], () => v2, () => v1)).toEqual([
      { source: 'a.md', first: v1, last: v1 },
      { source: 'b.md', first: v1, last: null },
    ]);
  });

  it('moves the first statement earlier when a history replays versions older than a plain ingest', () => {
    const plainFirst = nextSeen([], ['a.md'], () => plain, () => null);
    expect(nextSeen(plainFirst, ['a.md'], () => v1, () => plain)).toEqual([{ source: 'a.md', first: v1, last: null }]);
  });

  it('survives being stored as JSON strings', () => {
    const entries = nextSeen([], ['a.md', 'b.md'], () => v1, () => null);
    expect(parseSeen(formatSeen(entries))).toEqual(entries);
  });
});

function node(id: string, source = 'a.md', name = id): GraphNode {
  return { id, label: 'Model', name, aliases: [], props: {}, provenance: [{ source, line: 1, section: [], derivedFrom: 'table' }], merges: [] };
}
function edge(source: string, target: string, line = 1): GraphEdge {
  return { id: `BASED_ON:${source}->${target}`, type: 'BASED_ON', source, target, derivedFrom: 'table', provenance: [{ source: 'a.md', line, section: [], derivedFrom: 'table' }] };
}

/** The live versions a first load of `nodes` and `edges` would leave, all from generation 1. */
function liveOf(nodes: GraphNode[], edges: GraphEdge[]) {
  const seen = formatSeen([{ source: 'a.md', first: v1, last: null }]);
  return {
    nodes: new Map<string, LiveNode>(nodes.map(nodeRow).map((r) => [r.id, { id: r.id, label: r.label, gFrom: 1, hash: r.hash, seen, sources: r.sources }])),
    edges: new Map<string, LiveEdge>(edges.map(edgeRow).map((r) => [r.id, { id: r.id, type: r.type, gFrom: 1, hash: r.hash, seen, sources: r.sources, source: r.source, target: r.target }])),
  };
}

function plan(nodes: GraphNode[], edges: GraphEdge[], live: PlanInput['live']) {
  return planLoad({
    generation: 2,
    current: 1,
    nodes: nodes.map(nodeRow),
    edges: edges.map(edgeRow),
    live,
    past: { nodes: new Map(), edges: new Map() },
    stampNow: () => v1,
    stampAt: () => v1,
    changedSources: new Set(['a.md']),
  });
}

describe('the plan of a load', () => {
  const nodes = [node('model:a'), node('model:b'), node('model:c')];
  const edges = [edge('model:a', 'model:b'), edge('model:c', 'model:b')];

  it('writes nothing when nothing changed', () => {
    const p = plan(nodes, edges, liveOf(nodes, edges));
    expect([p.closeNodes, p.createNodes, p.closeEdges, [...p.createEdges.values()]]).toEqual([[], [], [], []]);
  });

  it('retires and rewrites what changed, removes what is gone, adds what is new, counted per source', () => {
    const changed = [node('model:a', 'a.md', 'A renamed'), node('model:b'), node('model:d')];
    const p = plan(changed, [edge('model:a', 'model:b'), edge('model:d', 'model:b')], liveOf(nodes, edges));
    expect(p.closeNodes.map((n) => n.id).sort()).toEqual(['model:a', 'model:c']);
    expect(p.createNodes.map((n) => n.id).sort()).toEqual(['model:a', 'model:d']);
    // The edge from model:a is moved to its new version; model:c's goes; model:d's is new.
    expect(p.closeEdges.map((e) => e.id).sort()).toEqual(['BASED_ON:model:a->model:b', 'BASED_ON:model:c->model:b']);
    expect(p.createEdges.get('BASED_ON')!.map((e) => [e.source, e.sourceFrom, e.target, e.targetFrom])).toEqual([
      ['model:a', 2, 'model:b', 1],
      ['model:d', 2, 'model:b', 1],
    ]);
    expect(p.moved).toBe(1);
    expect(p.summary.nodes).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(p.summary.edges).toEqual({ added: 1, removed: 1, changed: 0 });
    expect(p.summary.bySource.get('a.md')).toEqual({ nodes: { added: 1, removed: 1, changed: 1 }, edges: { added: 1, removed: 1, changed: 0 } });
  });
});
