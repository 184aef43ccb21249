import type { Driver } from 'neo4j-driver';
import type { Limits } from '../config/server-config.js';
import { Loaders } from '../loaders/loaders.js';
import type { DatabaseHealth } from '../neo4j/health.js';
import type { CurrentGeneration, StoreState } from '../queries/current-generation.js';
import { CypherRunner } from '../queries/runner.js';
import { CURRENT, viewKey, type View } from '../queries/view.js';

/** What every resolver of one request shares. */
export interface Context {
  runner: CypherRunner;
  /** The loaders of the current graph. */
  loaders: Loaders;
  /** The loaders of a view (the current graph, or the graph as of a date), made once per request. */
  loadersOf(view: View): Loaders;
  limits: Limits;
}

/**
 * `current`: the server's shared reader of the current generation; without it the request reads
 * it alone. `state`: the request's read of it, when the transport started it on arrival.
 */
export function createContext(
  driver: Driver,
  limits: Limits,
  database?: string,
  health?: DatabaseHealth,
  current?: CurrentGeneration,
  state?: Promise<StoreState>,
): Context {
  const runner = new CypherRunner(driver, { database, timeoutMs: limits.cypherTimeoutMs, health, current, state });
  const loaders = new Loaders(runner, CURRENT);
  const byView = new Map<string, Loaders>([[viewKey(CURRENT), loaders]]);
  const loadersOf = (view: View) => {
    const key = viewKey(view);
    let found = byView.get(key);
    if (!found) byView.set(key, (found = new Loaders(runner, view)));
    return found;
  };
  return { runner, loaders, loadersOf, limits };
}
