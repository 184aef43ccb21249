import type { Driver } from 'neo4j-driver';
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

export const CURRENT_GENERATION: NamedQuery = {
  name: 'currentGeneration',
  cypher: `OPTIONAL MATCH (m:LineageStore {key: 'lineage'}) RETURN coalesce(m.current, 0) AS g, coalesce(m.epoch, '') AS epoch`,
};

/**
 * Reads the store's state for every request of a server, one read serving all the requests
 * that asked for it while it had not yet been sent. A request never gets the answer of a read
 * sent before it asked: that read may predate a load that had switched by the time it asked.
 * So while one read is on its way, the callers that come meanwhile wait for the next, which
 * leaves as soon as the first is back. Sixteen requests at once cost two reads, not sixteen.
 */
export class CurrentGeneration {
  private inFlight: Promise<StoreState> | undefined;
  private next: Promise<StoreState> | undefined;
  private known: StoreState | undefined;
  reads = 0;

  constructor(
    private readonly driver: Driver,
    private readonly options: ReadOptions,
  ) {}

  read(): Promise<StoreState> {
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
    const sent = readCypher(this.driver, this.options, CURRENT_GENERATION, {}).then((rows) => ({
      generation: Number(rows[0]?.g ?? 0),
      epoch: String(rows[0]?.epoch ?? ''),
    }));
    sent.then((state) => (this.known = state), () => {});
    const done = () => {
      if (this.inFlight === sent) this.inFlight = undefined;
    };
    sent.then(done, done);
    return sent;
  }
}
