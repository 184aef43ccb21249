import type { Driver } from 'neo4j-driver';
import type { Limits } from '../config/server-config.js';
import { Loaders } from '../loaders/loaders.js';
import type { DatabaseHealth } from '../neo4j/health.js';
import { CypherRunner } from '../queries/runner.js';

/** What every resolver of one request shares. */
export interface Context {
  runner: CypherRunner;
  loaders: Loaders;
  limits: Limits;
}

export function createContext(driver: Driver, limits: Limits, database?: string, health?: DatabaseHealth): Context {
  const runner = new CypherRunner(driver, { database, timeoutMs: limits.cypherTimeoutMs, health });
  return { runner, loaders: new Loaders(runner), limits };
}
