import { expect } from 'vitest';
import type { Graph } from '../../ingest/graph/types.js';

type Served = Awaited<ReturnType<typeof import('./database.js').servedGraph>>;

/** What a node states, whatever its id: its kind, name and every place that states it. */
const contentKey = (n: { label: string; name: string; provenance: unknown }) => JSON.stringify([n.label, n.name, n.provenance]);

/**
 * Asserts that the served graph states exactly what `fresh` (a dry-run of the same lists) states,
 * node for node and edge for edge, allowing only ids that the store kept from before: returns
 * the ids that differ (fresh → served).
 */
export function expectSameGraph(served: Served, fresh: Graph): Map<string, string> {
  const byContent = new Map(served.nodes.map((n) => [contentKey(n), n]));
  expect(byContent.size).toBe(served.nodes.length);
  const ids = new Map<string, string>();
  for (const n of fresh.nodes) {
    const s = byContent.get(contentKey(n));
    expect(s, `no served node states what ${n.id} (${n.name}) states`).toBeDefined();
    expect({ aliases: s!.aliases, props: s!.props }).toEqual({ aliases: n.aliases, props: n.props });
    ids.set(n.id, s!.id);
  }
  expect(served.nodes.length).toBe(fresh.nodes.length);
  expect(new Set(ids.values()).size).toBe(ids.size);
  const to = (id: string) => ids.get(id)!;
  const freshEdges = fresh.edges
    .map((e) => ({ id: `${e.type}:${to(e.source)}->${to(e.target)}`, type: e.type, source: to(e.source), target: to(e.target), derivedFrom: e.derivedFrom, provenance: e.provenance }))
    .sort((a, b) => a.id.localeCompare(b.id));
  expect([...served.edges].sort((a, b) => a.id.localeCompare(b.id))).toEqual(freshEdges);
  return new Map([...ids].filter(([a, b]) => a !== b));
}
