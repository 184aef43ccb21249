import type { Driver, ManagedTransaction } from 'neo4j-driver';
import {
  ANNOUNCE_SWITCH,
  BATCH_DONE,
  CHECK_TOKEN,
  CLEANUP_STATEMENTS,
  DELETE_LEGACY,
  OPEN,
  READ_ID_MEMORY,
  READ_LAST_EDGE_VERSIONS,
  READ_LAST_NODE_VERSIONS,
  READ_LIVE_EDGES,
  READ_LIVE_NODES,
  READ_SOURCE_TEXTS,
  READ_SOURCE_VERSIONS,
  READ_STORE,
  RELEASE_STORE,
  SCHEMA_STATEMENTS,
  STORE_KEY,
  SWITCH_DUE,
  SWITCH_GENERATION,
  SWITCH_NOTICE_MS,
  TAKE_STORE,
} from './cypher.js';
import type { LiveEdge, LiveNode, PastVersion } from './plan.js';
import { SERVER_VERSION, checkServerVersion } from './server-version.js';
import type { RememberedId } from './stable-ids.js';

/** Reads and writes of the store, each a named step of a load (see cypher.ts for the model). */

export interface StoreState {
  current: number;
  digest: string | null;
  pending: string | null;
  /** Entity nodes without versions: a graph written before sources were kept. */
  legacy: boolean;
}

export interface StoredSourceVersion {
  source: string;
  gFrom: number;
  gTo: number;
  sha256: string;
  date: string;
  commit: string | null;
  origin: string | null;
  ingestedAt: string;
}

/** Another load took the store over (or it changed under this one): nothing more is written. */
export class StoreTakenOver extends Error {
  override name = 'StoreTakenOver';
}

/** Drivers whose database already has the store's schema (checked once per process). */
const prepared = new WeakMap<Driver, Set<string>>();

export class Store {
  constructor(
    private readonly driver: Driver,
    private readonly database?: string,
  ) {}

  private session() {
    return this.driver.session({ database: this.database });
  }

  async query(cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    return this.read(cypher, params, (r) => r);
  }

  private async read<T>(cypher: string, params: Record<string, unknown>, map: (r: Record<string, unknown>) => T): Promise<T[]> {
    const session = this.session();
    try {
      const result = await session.executeRead((tx) => tx.run(cypher, params));
      return result.records.map((r) => map(r.toObject()));
    } finally {
      await session.close();
    }
  }

  /** Server version, then constraints and indexes (schema changes cannot share a transaction with writes). */
  async prepare(): Promise<void> {
    const done = prepared.get(this.driver) ?? new Set<string>();
    if (done.has(this.database ?? '')) return;
    const session = this.session();
    try {
      const version = await session.run(SERVER_VERSION);
      checkServerVersion(String(version.records[0]?.get('version') ?? ''));
      for (const statement of SCHEMA_STATEMENTS) await session.run(statement);
      await session.run('CALL db.awaitIndexes(300)');
      prepared.set(this.driver, done.add(this.database ?? ''));
    } finally {
      await session.close();
    }
  }

  async state(): Promise<StoreState> {
    const [row] = await this.read(READ_STORE, { key: STORE_KEY }, (r) => r);
    return {
      current: Number(row?.current ?? 0),
      digest: (row?.digest as string | null) ?? null,
      pending: (row?.pending as string | null) ?? null,
      legacy: Boolean(row?.legacy),
    };
  }

  sourceVersions(): Promise<StoredSourceVersion[]> {
    return this.read(READ_SOURCE_VERSIONS, {}, (r) => ({
      source: String(r.source),
      gFrom: Number(r.gFrom),
      gTo: Number(r.gTo),
      sha256: String(r.sha256),
      date: String(r.date),
      commit: (r.commit as string | null) ?? null,
      origin: (r.origin as string | null) ?? null,
      ingestedAt: String(r.ingestedAt),
    }));
  }

  sourceTexts(generation: number): Promise<{ source: string; text: string | null; sha256: string; origin: string | null }[]> {
    return this.read(READ_SOURCE_TEXTS, { g: generation }, (r) => ({
      source: String(r.source),
      text: (r.text as string | null) ?? null,
      sha256: String(r.sha256),
      origin: (r.origin as string | null) ?? null,
    }));
  }

  idMemory(generation: number): Promise<RememberedId[]> {
    return this.read(READ_ID_MEMORY, { g: generation }, (r) => ({
      id: String(r.id),
      label: String(r.label),
      kind: (r.kind as string | null) ?? undefined,
      displayKey: String(r.displayKey ?? ''),
      keys: [...new Set(r.keys as string[])],
      repos: [...new Set(r.repos as string[])],
      live: Boolean(r.live),
    }));
  }

  async live(generation: number): Promise<{ nodes: Map<string, LiveNode>; edges: Map<string, LiveEdge> }> {
    const nodes = await this.read(READ_LIVE_NODES, { g: generation }, (r) => r as unknown as LiveNode);
    const edges = await this.read(READ_LIVE_EDGES, { g: generation }, (r) => r as unknown as LiveEdge);
    return { nodes: new Map(nodes.map((n) => [n.id, n])), edges: new Map(edges.map((e) => [e.id, e])) };
  }

  async pastNodes(ids: string[]): Promise<Map<string, PastVersion>> {
    if (!ids.length) return new Map();
    const rows = await this.read(READ_LAST_NODE_VERSIONS, { ids }, (r) => r);
    return new Map(rows.map((r) => [String(r.id), { gTo: Number(r.gTo), seen: (r.seen as string[]) ?? [], sources: (r.sources as string[]) ?? [] }]));
  }

  async pastEdges(rows: { id: string; source: string; target: string }[]): Promise<Map<string, PastVersion>> {
    if (!rows.length) return new Map();
    const found = await this.read(READ_LAST_EDGE_VERSIONS, { rows }, (r) => r);
    return new Map(found.map((r) => [String(r.id), { gTo: Number(r.gTo), seen: (r.seen as string[]) ?? [], sources: (r.sources as string[]) ?? [] }]));
  }

  /**
   * Takes the store for a load. When the load before never switched (killed, failed), what it
   * wrote is removed first. Throws StoreTakenOver when the store is not at `expected` any more.
   */
  async take(token: string, expected: number, log: (m: string) => void): Promise<void> {
    const session = this.session();
    try {
      const result = await session.executeWrite((tx) => tx.run(TAKE_STORE, { key: STORE_KEY, token, now: new Date().toISOString() }));
      const current = Number(result.records[0].get('current'));
      const previous = result.records[0].get('previous') as string | null;
      if (previous) {
        log('the previous load did not finish; removing what it wrote');
        for (const statement of CLEANUP_STATEMENTS) await session.run(statement, { current, open: OPEN });
      }
      if (current !== expected) {
        await this.release(token);
        throw new StoreTakenOver(`the graph changed while this ingest ran (generation ${expected} became ${current}); run it again`);
      }
    } finally {
      await session.close();
    }
  }

  async release(token: string): Promise<void> {
    const session = this.session();
    try {
      await session.executeWrite((tx) => tx.run(RELEASE_STORE, { key: STORE_KEY, token }));
    } finally {
      await session.close();
    }
  }

  async deleteLegacy(): Promise<void> {
    const session = this.session();
    try {
      await session.run(DELETE_LEGACY);
    } finally {
      await session.close();
    }
  }

  /**
   * Batch number `n` (from 1) of a load in its own transaction, after checking the token (which
   * also locks the store node, so a load taking over waits for this batch and then finds what it
   * wrote). A batch already committed (a retry after a lost acknowledgement) is not applied again.
   */
  async batch(token: string, n: number, work: (tx: ManagedTransaction) => Promise<unknown>): Promise<void> {
    const session = this.session();
    try {
      await session.executeWrite(async (tx) => {
        const check = await tx.run(CHECK_TOKEN, { key: STORE_KEY, token, now: new Date().toISOString() });
        if (!check.records.length) throw new StoreTakenOver('another ingest took the graph over; this one stopped without switching');
        if (Number(check.records[0].get('done') ?? 0) >= n) return;
        await work(tx);
        await tx.run(BATCH_DONE, { key: STORE_KEY, token, batch: n });
      });
    } finally {
      await session.close();
    }
  }

  /**
   * Announces the switch to generation `generation`, waits out the notice readers were given
   * (cypher.ts SWITCH_NOTICE_MS), then switches. Throws StoreTakenOver when another load took
   * the store meanwhile: nothing of this one is visible then.
   */
  async switchGeneration(token: string, change: { previous: number; generation: number; digest: string; meta: Record<string, unknown> }): Promise<void> {
    const takenOver = () => new StoreTakenOver('another ingest took the graph over before this one switched; nothing of this one is visible');
    const announced = await this.write(ANNOUNCE_SWITCH, { key: STORE_KEY, token, notice: SWITCH_NOTICE_MS });
    if (!announced.length) throw takenOver();
    let wait = Number(announced[0].wait);
    // The database's clock decides when the switch is due; a few more tries cover a sleep that
    // ended a little early by that clock.
    for (let attempt = 0; attempt < 5; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, wait) + 1));
      if ((await this.write(SWITCH_GENERATION, { key: STORE_KEY, token, ...change })).length) return;
      const due = await this.query(SWITCH_DUE, { key: STORE_KEY, token });
      if (!due.length || Number(due[0].left) <= 0) throw takenOver();
      wait = Number(due[0].left);
    }
    throw takenOver();
  }

  async write(cypher: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const session = this.session();
    try {
      const result = await session.executeWrite((tx) => tx.run(cypher, params));
      return result.records.map((r) => r.toObject());
    } finally {
      await session.close();
    }
  }
}
