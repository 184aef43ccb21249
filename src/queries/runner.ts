import neo4j, { type Driver } from 'neo4j-driver';
import { CURRENT, END_OF_TIME, viewKey, type View } from './view.js';
import { DatabaseTimeoutError, DatabaseUnavailableError, classifyDatabaseError } from '../neo4j/failures.js';
import type { DatabaseHealth } from '../neo4j/health.js';

/** A Cypher statement with a name, so logs, tests and counts can refer to it. */
export interface NamedQuery {
  name: string;
  cypher: string;
}

export interface RunnerOptions {
  database?: string;
  /** Server-side transaction timeout: a runaway query is stopped by Neo4j, not left running. */
  timeoutMs: number;
  /**
   * When given, reads fail at once while it says the database is lost, and reads waiting are
   * released when it is declared lost (a frozen Neo4j never answers, so nothing else would).
   */
  health?: DatabaseHealth;
}

/** The generation readers see now (0 before the first load). */
export const CURRENT_GENERATION: NamedQuery = {
  name: 'currentGeneration',
  cypher: `OPTIONAL MATCH (m:LineageStore {key: 'lineage'}) RETURN coalesce(m.current, 0) AS g`,
};

/** The last generation dated at or before $asOf (0 when none is). */
export const GENERATION_AT: NamedQuery = {
  name: 'generationAt',
  cypher: `OPTIONAL MATCH (g:Generation) WHERE g.date <= $asOf RETURN coalesce(max(g.number), 0) AS g`,
};

/** Past the server-side timeout, how long the client waits for Neo4j to report it before giving up itself. */
const CLIENT_GRACE_MS = 2_000;

/**
 * Runs the API's read queries. One per request, so it also counts the queries a request
 * causes (the DataLoader test relies on it), and pins the generation each view reads: the
 * first query of a request finds it, the others reuse it, so one answer never mixes two loads.
 * Every query gets `$g` (the view's generation), `$asOf` and `$seenBy` (view.ts) as parameters.
 * Every read has a client-side deadline too, and its failures come out as
 * DatabaseUnavailableError or DatabaseTimeoutError (src/neo4j/failures.ts).
 */
export class CypherRunner {
  private count = 0;
  readonly executed: string[] = [];
  private readonly generations = new Map<string, Promise<number>>();

  constructor(
    private readonly driver: Driver,
    private readonly options: RunnerOptions,
  ) {}

  get queryCount(): number {
    return this.count;
  }

  async read(query: NamedQuery, params: Record<string, unknown> = {}, view: View = CURRENT): Promise<Record<string, unknown>[]> {
    const g = await this.generation(view);
    this.count += 1;
    this.executed.push(query.name);
    return this.run(query, { ...params, g: neo4j.int(g), asOf: view.asOf, seenBy: view.asOf ?? END_OF_TIME });
  }

  /** The generation a view reads, found once per runner (request). */
  generation(view: View): Promise<number> {
    if (view.generation !== null) return Promise.resolve(view.generation);
    const key = viewKey(view);
    let found = this.generations.get(key);
    if (!found) {
      const query = view.asOf ? GENERATION_AT : CURRENT_GENERATION;
      found = this.run(query, { asOf: view.asOf }).then((rows) => Number(rows[0]?.g ?? 0));
      found.catch(() => this.generations.delete(key));
      this.generations.set(key, found);
    }
    return found;
  }

  private async run(query: NamedQuery, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
    const { health, timeoutMs } = this.options;
    if (health && !health.available) throw new DatabaseUnavailableError();
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    let release = () => {};
    const gaveUp = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseTimeoutError(timeoutMs)), timeoutMs + CLIENT_GRACE_MS);
      if (health) release = health.whileWaiting(() => reject(new DatabaseUnavailableError()));
    });
    const work = session.executeRead((tx) => tx.run(query.cypher, params), {
      timeout: timeoutMs,
      metadata: { app: 'llm-lineage', query: query.name },
    });
    work.catch(() => {}); // it may fail after we gave up on it
    try {
      const result = await Promise.race([work, gaveUp]);
      return result.records.map((record) => record.toObject());
    } catch (error) {
      const failure = classifyDatabaseError(error, timeoutMs);
      if (failure instanceof DatabaseUnavailableError) health?.suspect();
      throw failure;
    } finally {
      clearTimeout(timer);
      release();
      // Not awaited: on a frozen database closing waits as long as the read would.
      void session.close().catch(() => {});
    }
  }
}
