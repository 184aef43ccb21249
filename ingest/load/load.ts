import { createHash, randomUUID } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import type { Graph } from '../graph/types.js';
import { checkGraph } from './check.js';
import {
  CLOSE_EDGES,
  CLOSE_NODES,
  CLOSE_SOURCE_VERSIONS,
  COUNT_GENERATION,
  COUNT_MODELS,
  CREATE_EDGE_STATEMENTS,
  CREATE_NODES,
  CREATE_SOURCE_VERSION,
  OPEN,
  STORE_KEY,
} from './cypher.js';
import { isEmptyPlan, planLoad, type ChangeSummary } from './plan.js';
import { edgeRow, nodeRow } from './rows.js';
import type { Stamp } from './seen.js';
import { renameIds, stableIds } from './stable-ids.js';
import { Store, StoreTakenOver, type StoredSourceVersion } from './store.js';

export { StoreTakenOver } from './store.js';

/** A source document as a generation states it. */
export interface SourceDocument {
  source: string;
  /** The text, kept so that later loads can resolve every source together again; null for a graph given as a value. */
  text: string | null;
  sha256: string;
  origin: string | null;
  /** When this version was written: its commit date, or the time of a plain ingest. */
  date: string;
  commit: string | null;
  /** What the extractor read from it (the report's per-file counts). */
  counts?: { mentions: number; statements: number; claims: number };
}

export interface StoreOptions {
  log?: (message: string) => void;
  database?: string;
  /** Rows per write transaction. */
  batchSize?: number;
  /** The generation the caller read the sources of; the load refuses to switch from any other. */
  basedOn?: number;
  /** What the generation records as its cause. */
  action?: string;
  /** The time the generation stands for (default: now). */
  date?: string;
  /** Remove a graph written by llm-lineage before sources were kept. */
  replaceLegacy?: boolean;
  /** Store the graph's ids as they are (a graph made as a value), instead of the ids the store gave before. */
  keepIds?: boolean;
  /** Called between write batches (tests use it to kill a load half-way). */
  onBatch?: (done: number, total: number) => void | Promise<void>;
}

export interface LoadResult {
  /** The generation readers see after the load. */
  generation: number;
  /** False when nothing differed: nothing was written. */
  changed: boolean;
  nodes: number;
  relationships: number;
  summary: ChangeSummary;
  /** Sources added, replaced with another version, removed. */
  sources: { added: string[]; updated: string[]; removed: string[] };
}

function digestOf(graphRows: { id: string; hash: string }[], sources: readonly SourceDocument[]): string {
  const h = createHash('sha256');
  for (const r of graphRows) h.update(`${r.id}\u0000${r.hash}\n`);
  for (const s of [...sources].sort((a, b) => a.source.localeCompare(b.source))) h.update(`${s.source}\u0000${s.sha256}\u0000${s.commit ?? ''}\n`);
  return h.digest('hex');
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const emptySummary = (): ChangeSummary => ({
  nodes: { added: 0, removed: 0, changed: 0 },
  edges: { added: 0, removed: 0, changed: 0 },
  bySource: new Map(),
});

/**
 * Makes the store state exactly `graph`, built from exactly `sources`, as its next generation:
 * ids the store gave before are kept (stable-ids.ts), only what differs from the current
 * generation is written, in bounded batches, and the generation switches in one small
 * transaction at the end. Readers see the previous generation until then; a load that fails or
 * is killed leaves it as it was (the next load removes what it wrote). A load that would change
 * nothing writes nothing.
 */
export async function storeGraph(driver: Driver, graph: Graph, sources: readonly SourceDocument[], opts: StoreOptions = {}): Promise<LoadResult> {
  const log = opts.log ?? (() => {});
  const batchSize = opts.batchSize ?? 10_000;
  checkGraph(graph);
  const store = new Store(driver, opts.database);
  await store.prepare();

  const state = await store.state();
  if (opts.basedOn !== undefined && state.current !== opts.basedOn) {
    throw new StoreTakenOver(`the graph changed while this ingest ran (generation ${opts.basedOn} became ${state.current}); run it again`);
  }
  if (state.legacy && !opts.replaceLegacy) {
    throw new Error(
      'the database holds a graph written by an older llm-lineage, which kept no sources; ' +
        'rebuild it with `npm run ingest -- --replace <your lists>` (or start the server with INGEST_PATHS set)',
    );
  }
  const G = state.current;
  const P = G + 1;

  const t0 = performance.now();
  const lap = (what: string) => process.env.LLM_LINEAGE_DEBUG_LOAD && log(`[${Math.round(performance.now() - t0)} ms] ${what}`);
  lap('state');
  // Ids: each node takes the id the store gave it before, if any.
  const memory = opts.keepIds ? [] : await store.idMemory(G);
  lap('memory');
  const stable = opts.keepIds ? graph : renameIds(graph, stableIds(graph, memory));
  const nodes = stable.nodes.map(nodeRow);
  const edges = stable.edges.map(edgeRow);

  // Sources: which are new, which have a new version, which go.
  const versions = await store.sourceVersions();
  const liveVersion = new Map(versions.filter((v) => v.gFrom <= G && G < v.gTo).map((v) => [v.source, v]));
  const given = new Map(sources.map((s) => [s.source, s]));
  const added = sources.filter((s) => !liveVersion.has(s.source)).map((s) => s.source);
  const updated = sources.filter((s) => liveVersion.has(s.source) && liveVersion.get(s.source)!.sha256 !== s.sha256).map((s) => s.source);
  const removed = [...liveVersion.keys()].filter((s) => !given.has(s));
  const changedSources = new Set([...added, ...updated, ...removed]);

  lap('ids and rows');
  const digest = digestOf([...nodes, ...edges], sources.map((s) => (changedSources.has(s.source) ? s : { ...s, commit: liveVersion.get(s.source)!.commit })));
  if (digest === state.digest && !changedSources.size && !state.pending && !state.legacy) {
    log(`nothing changed: generation ${G} already states these ${sources.length} source${sources.length === 1 ? '' : 's'}`);
    const counted = await count(store, G);
    return { generation: G, changed: false, ...counted, summary: emptySummary(), sources: { added: [], updated: [], removed: [] } };
  }

  const token = randomUUID();
  await store.take(token, G, log);
  try {
    if (state.legacy) {
      log('removing the graph of an older llm-lineage (it kept no sources)');
      await store.deleteLegacy();
    }

    // The version of each source in the new generation, and in earlier ones.
    const stampOf = (v: StoredSourceVersion): Stamp => ({ date: v.date, commit: v.commit });
    const newStamp = new Map<string, Stamp>();
    for (const s of sources) {
      const kept = liveVersion.get(s.source);
      newStamp.set(s.source, kept && !changedSources.has(s.source) ? stampOf(kept) : { date: s.date, commit: s.commit });
    }
    const byGeneration = (source: string, generation: number) => {
      const v = versions.find((x) => x.source === source && x.gFrom <= generation && generation < x.gTo);
      return v ? stampOf(v) : null;
    };

    lap('taken');
    const live = await store.live(G);
    lap('live');
    const pastNodeIds = nodes.filter((n) => !live.nodes.has(n.id)).map((n) => n.id);
    const pastNodes = await store.pastNodes(pastNodeIds);
    const pastEdgeRows = edges.filter((e) => !live.edges.has(e.id) && (pastNodes.has(e.source) || live.nodes.has(e.source)) && (pastNodes.has(e.target) || live.nodes.has(e.target)));
    const pastEdges = await store.pastEdges(pastEdgeRows.map((e) => ({ id: e.id, source: e.source, target: e.target })));

    lap('past');
    const plan = planLoad({
      generation: P,
      current: G,
      nodes,
      edges,
      live,
      past: { nodes: pastNodes, edges: pastEdges },
      stampNow: (s) => newStamp.get(s) ?? { date: opts.date ?? new Date().toISOString(), commit: null },
      stampAt: byGeneration,
      changedSources,
    });
    if (isEmptyPlan(plan) && !changedSources.size && !state.legacy) {
      await store.release(token);
      log(`nothing changed: generation ${G} already states these sources`);
      const counted = await count(store, G);
      return { generation: G, changed: false, ...counted, summary: plan.summary, sources: { added: [], updated: [], removed: [] } };
    }

    lap('plan');
    // Bounded batches, each its own transaction; none is visible to readers before the switch.
    type Step = { what: string; cypher: string; rows: unknown[] };
    const steps: Step[] = [];
    steps.push({ what: 'retire relationships', cypher: CLOSE_EDGES, rows: plan.closeEdges });
    steps.push({ what: 'retire nodes', cypher: CLOSE_NODES, rows: plan.closeNodes });
    steps.push({ what: 'write nodes', cypher: CREATE_NODES, rows: plan.createNodes });
    for (const [type, rows] of plan.createEdges) steps.push({ what: `write ${type}`, cypher: CREATE_EDGE_STATEMENTS.get(type as never)!, rows });
    const closingSources = [...changedSources].filter((s) => liveVersion.has(s)).map((s) => ({ source: s, gFrom: liveVersion.get(s)!.gFrom }));
    steps.push({ what: 'retire source versions', cypher: CLOSE_SOURCE_VERSIONS, rows: closingSources });
    const batches = steps.flatMap((s) => chunks(s.rows, batchSize).map((rows) => ({ ...s, rows })));
    const total = batches.length + sources.filter((s) => changedSources.has(s.source)).length;
    let done = 0;
    for (const b of batches) {
      await store.batch(token, done + 1, (tx) => tx.run(b.cypher, { rows: b.rows, generation: P }));
      lap(`${b.what} (${b.rows.length})`);
      done++;
      await opts.onBatch?.(done, total);
    }
    const ingestedAt = new Date().toISOString();
    for (const s of sources) {
      if (!changedSources.has(s.source)) continue;
      const props = {
        source: s.source,
        gFrom: P,
        gTo: OPEN,
        sha256: s.sha256,
        text: s.text,
        bytes: s.text === null ? null : Buffer.byteLength(s.text, 'utf8'),
        origin: s.origin,
        date: s.date,
        commit: s.commit,
        ingestedAt,
        nodes: nodes.filter((n) => n.sources.includes(s.source)).length,
        edges: edges.filter((e) => e.sources.includes(s.source)).length,
        mentions: s.counts?.mentions ?? null,
        statements: s.counts?.statements ?? null,
        claims: s.counts?.claims ?? null,
      };
      await store.batch(token, done + 1, (tx) => tx.run(CREATE_SOURCE_VERSION, { props }));
      done++;
      await opts.onBatch?.(done, total);
    }
    log(`wrote generation ${P}: ${plan.closeNodes.length} node versions retired, ${plan.createNodes.length} written; ${plan.closeEdges.length} relationship versions retired, ${[...plan.createEdges.values()].reduce((a, r) => a + r.length, 0)} written`);

    lap('written');
    const summary = plan.summary;
    const [{ models }] = await store.query(COUNT_MODELS, { g: P });
    const meta = {
      number: P,
      at: ingestedAt,
      date: opts.date ?? (sources.find((s) => changedSources.has(s.source))?.date ?? ingestedAt),
      action: opts.action ?? 'ingest',
      added,
      updated,
      removed,
      nodesAdded: summary.nodes.added,
      nodesRemoved: summary.nodes.removed,
      nodesChanged: summary.nodes.changed,
      edgesAdded: summary.edges.added,
      edgesRemoved: summary.edges.removed,
      edgesChanged: summary.edges.changed,
      models: Number(models),
    };
    await store.switchGeneration(token, { previous: G, generation: P, digest, meta });
    const counted = await count(store, P);
    return { generation: P, changed: true, ...counted, summary, sources: { added, updated, removed } };
  } catch (e) {
    if (!(e instanceof StoreTakenOver)) await store.release(token).catch(() => {});
    throw e;
  }
}

async function count(store: Store, generation: number): Promise<{ nodes: number; relationships: number }> {
  const [row] = await store.query(COUNT_GENERATION, { g: generation });
  return { nodes: Number(row.nodes), relationships: Number(row.relationships) };
}

/**
 * Makes the store state exactly `graph` (every other source removed), its sources named by the
 * graph's provenance. For graphs made as values (tests, benchmarks); lists are ingested with
 * ingest/load/ingest.ts, which keeps their text.
 */
export async function loadGraph(driver: Driver, graph: Graph, opts: StoreOptions = {}): Promise<LoadResult> {
  const names = new Set<string>();
  for (const fact of [...graph.nodes, ...graph.edges]) for (const p of fact.provenance) names.add(p.source);
  // A digest of what the graph says of each source, so that the same graph is the same version.
  const hashes = new Map([...names].map((n) => [n, createHash('sha256')]));
  for (const fact of [...graph.nodes, ...graph.edges]) {
    const json = JSON.stringify(fact);
    for (const source of new Set(fact.provenance.map((p) => p.source))) hashes.get(source)!.update(json);
  }
  const date = opts.date ?? new Date().toISOString();
  const sources: SourceDocument[] = [...names].sort().map((source) => ({
    source,
    text: null,
    sha256: hashes.get(source)!.digest('hex'),
    origin: null,
    date,
    commit: null,
  }));
  return storeGraph(driver, graph, sources, { replaceLegacy: true, keepIds: true, ...opts });
}
