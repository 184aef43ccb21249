import DataLoader from 'dataloader';
import type { NodeRecord } from '../records/node-record.js';
import { neighbours, type Hop, type Way } from '../queries/edges.js';
import { nodesByIds } from '../queries/nodes.js';
import { sourceFiles, type SourceFileRecord } from '../queries/sources.js';
import { descendantKinds } from '../queries/derivations.js';
import type { DerivationCount } from '../records/derivation.js';
import type { CypherRunner } from '../queries/runner.js';
import { CURRENT, type View } from '../queries/view.js';

/**
 * Per-request batching: when a list of parents each asks for its bases or contributors, the
 * loaders turn N look-ups into one Cypher query per relation kind. One set of loaders per view
 * (the current graph, or the graph as of a date): a node read from a view has its relations
 * read from the same view.
 */
export class Loaders {
  readonly node: DataLoader<string, NodeRecord | null>;
  private readonly hopLoaders = new Map<string, DataLoader<string, Hop[]>>();
  private sources?: Promise<Map<string, SourceFileRecord>>;
  private kindCounts?: DataLoader<string, DerivationCount[]>;

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

  /** Remembers nodes a query already returned, so resolving them again costs nothing. */
  prime(node: NodeRecord): NodeRecord {
    this.node.clear(node.id).prime(node.id, node);
    return node;
  }

  /** Hops from a node in one direction over the given relation types (null: every type). */
  hops(id: string, way: Way, types: readonly string[] | null): Promise<Hop[]> {
    const key = `${way}|${types ? [...types].sort().join(',') : '*'}`;
    let loader = this.hopLoaders.get(key);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const found = await neighbours(this.runner, ids, way, types, this.view);
        const byId = new Map<string, Hop[]>(ids.map((i) => [i, []]));
        for (const hop of found) {
          this.prime(hop.node);
          byId.get(hop.from)?.push(hop);
        }
        return ids.map((i) => byId.get(i) ?? []);
      });
      this.hopLoaders.set(key, loader);
    }
    return loader.load(id);
  }

  /** A model's descendants counted by derivation kind (one query for every model of a request level). */
  descendantKinds(id: string): Promise<DerivationCount[]> {
    this.kindCounts ??= new DataLoader(async (ids) => {
      const found = await descendantKinds(this.runner, ids, this.view);
      return ids.map((i) => found.get(i) ?? []);
    });
    return this.kindCounts.load(id);
  }

  /** The nodes one hop away, optionally only those with a given label. */
  async related(id: string, way: Way, type: string, label?: string): Promise<NodeRecord[]> {
    const hops = await this.hops(id, way, [type]);
    const seen = new Set<string>();
    const out: NodeRecord[] = [];
    for (const hop of hops) {
      if ((label && hop.node.label !== label) || seen.has(hop.node.id)) continue;
      seen.add(hop.node.id);
      out.push(hop.node);
    }
    return out;
  }
}
