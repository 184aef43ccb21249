import DataLoader from 'dataloader';
import type { NodeRecord } from '../records/node-record.js';
import { neighbours, type Hop, type Way } from '../queries/edges.js';
import { nodesByIds } from '../queries/nodes.js';
import { descendantKinds } from '../queries/derivations.js';
import { relationCountsOf, type RelationTypeCount } from '../queries/hub.js';
import type { Detail } from '../queries/projections.js';
import type { DerivationCount } from '../records/derivation.js';
import type { CypherRunner } from '../queries/runner.js';
import { sourceFiles, type SourceFileRecord } from '../queries/sources.js';
import { CURRENT, type View } from '../queries/view.js';

/** The details a hop list can be read with, each before the ones it serves (FULL serves every ask). */
const VARIANTS: Detail[] = [
  { nodes: true, edges: true },
  { nodes: true, edges: false },
  { nodes: false, edges: true },
  { nodes: false, edges: false },
];

const variantKey = (d: Detail) => `${d.nodes ? 'N' : 'n'}${d.edges ? 'E' : 'e'}`;
const serves = (have: Detail, want: Detail) => (have.nodes || !want.nodes) && (have.edges || !want.edges);

/** One relation type, or several (sorted), or every type. */
const typesKey = (types: readonly string[] | null) => (types ? [...types].sort().join(',') : '*');

/**
 * Per-request batching: when a list of parents each asks for its bases or contributors, the
 * loaders turn N look-ups into one Cypher query per relation kind. A query that already read a
 * node's hops with its own answer (a look-up with its relations, a page of models) hands them
 * over with primeHops, so resolving those fields costs no query at all. One set of loaders per
 * view (the current graph, or the graph as of a date): a node read from a view has its
 * relations read from the same view.
 */
export class Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  private readonly hopLoaders = new Map<string, DataLoader<string, Hop[]>>();
  /** Hop lists read or handed over so far, by node, way, types and detail. */
  private readonly known = new Map<string, Promise<Hop[]>>();
  /** The ones handed over, as they are: a field resolved from them needs no promise. */
  private readonly handed = new Map<string, Hop[]>();
  private kindCounts?: DataLoader<string, DerivationCount[]>;
  private typeCounts?: DataLoader<string, RelationTypeCount[]>;
  private sources?: Promise<Map<string, SourceFileRecord>>;

  constructor(
    private readonly runner: CypherRunner,
    readonly view: View = CURRENT,
  ) {
    this.node = new DataLoader(async (ids) => {
      const found = await nodesByIds(runner, ids, view);
      return ids.map((id) => found.get(id) ?? null);
    });
  }

  /** The sources of the view's graph by file name, read once (lastSeen of many facts needs them). */
  sourceVersions(): Promise<Map<string, SourceFileRecord>> {
    this.sources ??= sourceFiles(this.runner, this.view).then((list) => new Map(list.map((s) => [s.source, s])));
    return this.sources;
  }

  /** Remembers nodes a query already returned, so resolving them again costs nothing (a partial one is not remembered). */
  prime(node: NodeRecord): NodeRecord {
    if (!node.partial) this.node.clear(node.id).prime(node.id, node);
    return node;
  }

  /** The whole node of a record that may be partial. */
  async full(node: NodeRecord): Promise<NodeRecord> {
    return node.partial ? ((await this.node.load(node.id)) ?? node) : node;
  }

  /**
   * Hops from a node in one direction over the given relation types (null: every type), with
   * at least the detail asked: a list already read in more detail serves a leaner ask.
   */
  hops(id: string, way: Way, types: readonly string[] | null, detail: Detail): Promise<Hop[]> {
    const handed = this.handedHops(id, way, types, detail);
    if (handed) return Promise.resolve(handed);
    const base = `${id}|${way}|${typesKey(types)}`;
    for (const have of VARIANTS) {
      const found = serves(have, detail) && this.known.get(`${base}|${variantKey(have)}`);
      if (found) return found;
    }
    const group = `${way}|${typesKey(types)}|${variantKey(detail)}`;
    let loader = this.hopLoaders.get(group);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await neighbours(this.runner, ids, way, types, detail, this.view);
        const byId = new Map<string, Hop[]>(ids.map((i) => [i, []]));
        for (const hop of found) {
          this.prime(hop.node);
          byId.get(hop.from)?.push(hop);
        }
        return ids.map((i) => byId.get(i) ?? []);
      });
      this.hopLoaders.set(group, loader);
    }
    const loaded = loader.load(id);
    this.known.set(`${base}|${variantKey(detail)}`, loaded);
    return loaded;
  }

  /** Hands over a node's hops over one relation type one way, read by another query with the given detail. */
  primeHops(id: string, way: Way, type: string, detail: Detail, hops: Hop[]): void {
    for (const hop of hops) this.prime(hop.node);
    this.handed.set(`${id}|${way}|${typesKey([type])}|${variantKey(detail)}`, hops);
  }

  /** Hops handed over with at least the detail asked, if any. */
  handedHops(id: string, way: Way, types: readonly string[] | null, detail: Detail): Hop[] | undefined {
    if (!this.handed.size) return undefined;
    const base = `${id}|${way}|${typesKey(types)}`;
    for (const have of VARIANTS) {
      const found = serves(have, detail) && this.handed.get(`${base}|${variantKey(have)}`);
      if (found) return found;
    }
    return undefined;
  }

  /** A node's relations counted by type and way (one query for every node of a request level). */
  relationCounts(id: string): Promise<RelationTypeCount[]> {
    this.typeCounts ??= new DataLoader(async (ids) => {
      const found = await relationCountsOf(this.runner, ids, this.view);
      return ids.map((i) => found.get(i) ?? []);
    });
    return this.typeCounts.load(id);
  }

  /** A model's descendants counted by derivation kind (one query for every model of a request level). */
  descendantKinds(id: string): Promise<DerivationCount[]> {
    this.kindCounts ??= new DataLoader(async (ids) => {
      const found = await descendantKinds(this.runner, ids, this.view);
      return ids.map((i) => found.get(i) ?? []);
    });
    return this.kindCounts.load(id);
  }

  /**
   * The nodes one hop away, optionally only those with a given label; at once (no promise) when
   * they were handed over, which spares graphql-js a promise per field of a page of models.
   */
  related(id: string, way: Way, type: string, label: string | undefined, detail: Detail): NodeRecord[] | Promise<NodeRecord[]> {
    const handed = this.handedHops(id, way, [type], detail);
    return handed ? nodesOf(handed, label) : this.hops(id, way, [type], detail).then((hops) => nodesOf(hops, label));
  }
}

function nodesOf(hops: Hop[], label: string | undefined): NodeRecord[] {
  const seen = new Set<string>();
  const out: NodeRecord[] = [];
  for (const hop of hops) {
    if ((label && hop.node.label !== label) || seen.has(hop.node.id)) continue;
    seen.add(hop.node.id);
    out.push(hop.node);
  }
  return out;
}
