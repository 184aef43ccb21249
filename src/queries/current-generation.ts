import { performance } from 'node:perf_hooks';
import type { Driver } from 'neo4j-driver';
import { SWITCH_NOTICE_MS } from '../../ingest/load/cypher.js';
import { readCypher, type NamedQuery, type ReadOptions } from './read-cypher.js';

/** Which state of the store readers see now. */
export interface StoreState {
  /** The current generation (0 before the first load). */
  generation: number;
  /**
   * Set when the store is made (ingest/load/cypher.ts TAKE_STORE): a database emptied and loaded
   * again counts its generations from 1 again, and this tells those generations from the old ones.
   */
  epoch: string;
}

/**
 * The state, and how long until the switch announced, if one is (ms, by the database's clock;
 * ingest/load/cypher.ts SWITCH_NOTICE_MS). No store, nothing to keep.
 */
export const CURRENT_GENERATION: NamedQuery = {
  name: 'currentGeneration',
  cypher: `OPTIONAL MATCH (m:LineageStore {key: 'lineage'})
RETURN coalesce(m.current, 0) AS g, coalesce(m.epoch, '') AS epoch, m IS NOT NULL AS stored, m.switchAt - timestamp() AS untilSwitch`,
};

export interface CurrentGenerationOptions extends ReadOptions {
  /**
   * How long a state read may be kept at most: the switch notice unless said otherwise (0 reads
   * it for every caller). Longer is only right where nothing switches meanwhile (a test).
   */
  keepMs?: number;
}

/**
 * Reads the store's state for every request of a server. A load announces its switch
 * SWITCH_NOTICE_MS ahead (ingest/load/cypher.ts), so a state read is kept, without reading
 * again, for that long or until the switch announced, counted from when the read was sent (the
 * database ran it later): no switch lands before then. Past that, one read serves all the
 * requests that asked for it while it had not yet been sent, and a request never gets the
 * answer of a read sent before it asked: that read may predate a switch made by the time it
 * asked. So while one read is on its way, the callers that come meanwhile wait for the next,
 * which leaves as soon as the first is back. Sixteen requests at once cost two reads at most.
 */
export class CurrentGeneration {
  private inFlight: Promise<StoreState> | undefined;
  private next: Promise<StoreState> | undefined;
  private known: StoreState | undefined;
  /** performance.now() until which `known` may be kept. */
  private keptUntil = 0;
  reads = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: CurrentGenerationOptions,
  ) {}

  read(): Promise<StoreState> {
    if (this.known && performance.now() < this.keptUntil) return Promise.resolve(this.known);
    if (!this.inFlight) return (this.inFlight = this.send());
    if (!this.next) {
      const after = this.inFlight.then(
        () => undefined,
        () => undefined,
      );
      this.next = after.then(() => {
        this.next = undefined;
        return (this.inFlight = this.send());
      });
    }
    return this.next;
  }

  /**
   * The state the last answered read found, without reading: current when that read ran, so a
   * guess a request may start its queries with while its own read is on its way (CypherRunner
   * checks the guess against that read before it uses their rows). Reads are answered in the
   * order they were sent (one at a time), so this is the latest state known.
   */
  get lastKnown(): StoreState | undefined {
    return this.known;
  }

  private send(): Promise<StoreState> {
    this.reads += 1;
    const sentAt = performance.now();
    const sent = readCypher(this.driver, this.options, CURRENT_GENERATION, {}).then((rows) => {
      const row = rows[0];
      const state = { generation: Number(row?.g ?? 0), epoch: String(row?.epoch ?? '') };
      const untilSwitch = row?.untilSwitch === null || row?.untilSwitch === undefined ? Infinity : Number(row.untilSwitch);
      const keepMs = row?.stored ? Math.max(0, Math.min(this.options.keepMs ?? SWITCH_NOTICE_MS, untilSwitch)) : 0;
      this.known = state;
      this.keptUntil = sentAt + keepMs;
      return state;
    });
    const done = () => {
      if (this.inFlight === sent) this.inFlight = undefined;
    };
    sent.then(done, done);
    return sent;
  }
}
