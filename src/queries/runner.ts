import neo4j, { type Driver } from 'neo4j-driver';
import { CurrentGeneration, type StoreState } from './current-generation.js';
import { readCypher, type NamedQuery, type ReadOptions } from './read-cypher.js';
import { END_OF_TIME, viewKey, CURRENT, type View } from './view.js';

export interface RunnerOptions extends ReadOptions {
  /** The server's shared reader of the store's state; a runner of its own makes one. */
  current?: CurrentGeneration;
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
 */
export class CypherRunner {
  private count = 0;
  readonly executed: string[] = [];
  private readonly generations = new Map<string, Promise<number>>();
  private readonly current: CurrentGeneration;
  private state: Promise<StoreState> | undefined;

  constructor(
    private readonly driver: Driver,
    private readonly options: RunnerOptions,
  ) {
    this.current = options.current ?? new CurrentGeneration(driver, options);
  }

  get queryCount(): number {
    return this.count;
  }

  async read(query: NamedQuery, params: Record<string, unknown> = {}, view: View = CURRENT): Promise<Record<string, unknown>[]> {
    const g = await this.generation(view);
    this.count += 1;
    this.executed.push(query.name);
    return readCypher(this.driver, this.options, query, { ...params, g: neo4j.int(g), asOf: view.asOf, seenBy: view.asOf ?? END_OF_TIME });
  }

  /** The store's state this request reads (its current generation), found once per runner. */
  storeState(): Promise<StoreState> {
    if (!this.state) {
      const found = this.current.read();
      found.catch(() => {
        if (this.state === found) this.state = undefined;
      });
      this.state = found;
    }
    return this.state;
  }

  /** The generation a view reads, found once per runner (request). */
  generation(view: View): Promise<number> {
    if (view.generation !== null) return Promise.resolve(view.generation);
    if (!view.asOf) return this.storeState().then((s) => s.generation);
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
