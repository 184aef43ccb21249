import neo4j, { type Driver } from 'neo4j-driver';
import { CurrentGeneration, type StoreState } from './current-generation.js';
import { readCypher, type NamedQuery, type ReadOptions } from './read-cypher.js';
import { END_OF_TIME, viewKey, CURRENT, type View } from './view.js';

export interface RunnerOptions extends ReadOptions {
  /** The server's shared reader of the store's state; a runner of its own makes one. */
  current?: CurrentGeneration;
  /** The read of the store's state this request reads, when the transport started it on arrival. */
  state?: Promise<StoreState>;
}

/** The last generation dated at or before $asOf (0 when none is). */
export const GENERATION_AT: NamedQuery = {
  name: 'generationAt',
  cypher: `OPTIONAL MATCH (g:Generation) WHERE g.date <= $asOf RETURN coalesce(max(g.number), 0) AS g`,
};

/**
 * Runs the API's read queries. One per request, so it also counts the queries a request
 * causes (the DataLoader test relies on it), and pins the generation each view reads: the
 * first query of a request finds it, the others reuse it, so one answer never mixes two loads.
 * Every query gets `$g` (the view's generation), `$asOf` and `$seenBy` (view.ts) as parameters.
 * Reads go through readCypher (deadlines, failures as clients should see them).
 *
 * A query of the current graph does not wait for the request's read of the state: it runs at
 * once at the last generation known current (CurrentGeneration.lastKnown), beside that read,
 * and its rows are used only if the read finds the same epoch and generation (a state still
 * kept, see CurrentGeneration, is that same state at once). Generations only grow within an
 * epoch, so that generation was current from when it was last read until the request's own
 * read: complete while the query ran, and what the request would have read anyway. Otherwise
 * (a load switched meanwhile) the query runs again at the generation found.
 * The two round trips overlap instead of following each other.
 */
export class CypherRunner {
  private count = 0;
  readonly executed: string[] = [];
  private readonly generations = new Map<string, Promise<number>>();
  private readonly current: CurrentGeneration;
  private state: Promise<StoreState> | undefined;
  /** The request's state, once its read has answered. */
  private found: StoreState | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly options: RunnerOptions,
  ) {
    this.current = options.current ?? new CurrentGeneration(driver, options);
    if (options.state) this.pin(options.state);
  }

  get queryCount(): number {
    return this.count;
  }

  async read(query: NamedQuery, params: Record<string, unknown> = {}, view: View = CURRENT): Promise<Record<string, unknown>[]> {
    const guess = isCurrent(view) ? this.guess() : undefined;
    if (guess && guess !== this.found) {
      const state = this.storeState();
      const early = this.send(query, params, view, guess.generation);
      early.catch(() => {}); // unused when the state read fails or finds another generation
      const found = await state;
      if (sameState(found, guess)) return early;
    }
    return this.send(query, params, view, await this.generation(view));
  }

  /**
   * The state this request's queries may start with: its own, once read, else the last one the
   * server knows. Undefined before any read has answered.
   */
  guess(): StoreState | undefined {
    return this.found ?? this.current.lastKnown;
  }

  /** The store's state this request reads (its current generation), found once per runner. */
  storeState(): Promise<StoreState> {
    if (!this.state) this.pin(this.current.read());
    return this.state!;
  }

  private pin(state: Promise<StoreState>): void {
    this.state = state;
    state.then(
      (s) => {
        if (this.state === state) this.found = s;
      },
      () => {
        if (this.state === state) this.state = undefined;
      },
    );
  }

  private send(query: NamedQuery, params: Record<string, unknown>, view: View, g: number): Promise<Record<string, unknown>[]> {
    this.count += 1;
    this.executed.push(query.name);
    return readCypher(this.driver, this.options, query, { ...params, g: neo4j.int(g), asOf: view.asOf, seenBy: view.asOf ?? END_OF_TIME });
  }

  /** The generation a view reads, found once per runner (request). */
  generation(view: View): Promise<number> {
    if (view.generation !== null) return Promise.resolve(view.generation);
    if (!view.asOf) return this.found ? Promise.resolve(this.found.generation) : this.storeState().then((s) => s.generation);
    const key = viewKey(view);
    let found = this.generations.get(key);
    if (!found) {
      found = readCypher(this.driver, this.options, GENERATION_AT, { asOf: view.asOf }).then((rows) => Number(rows[0]?.g ?? 0));
      found.catch(() => this.generations.delete(key));
      this.generations.set(key, found);
    }
    return found;
  }
}

const isCurrent = (view: View) => view.generation === null && !view.asOf;

const sameState = (a: StoreState, b: StoreState) => a.generation === b.generation && a.epoch === b.epoch;
