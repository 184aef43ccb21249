import neo4j, { type Driver } from 'neo4j-driver';

/** A Cypher statement with a name, so logs, tests and counts can refer to it. */
export interface NamedQuery {
  name: string;
  cypher: string;
}

export interface RunnerOptions {
  database?: string;
  /** Server-side transaction timeout: a runaway query is stopped by Neo4j, not left running. */
  timeoutMs: number;
}

/**
 * Runs the API's read queries. One per request, so it also counts the queries a request
 * causes (the DataLoader test relies on it).
 */
export class CypherRunner {
  private count = 0;
  readonly executed: string[] = [];

  constructor(
    private readonly driver: Driver,
    private readonly options: RunnerOptions,
  ) {}

  get queryCount(): number {
    return this.count;
  }

  async read(query: NamedQuery, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
    this.count += 1;
    this.executed.push(query.name);
    const session = this.driver.session({ database: this.options.database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run(query.cypher, params), {
        timeout: this.options.timeoutMs,
        metadata: { app: 'llm-lineage', query: query.name },
      });
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  }
}
