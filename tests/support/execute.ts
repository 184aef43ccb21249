import type { ApolloServer } from '@apollo/server';
import type { Driver } from 'neo4j-driver';
import type { Limits } from '../../src/config/server-config.js';
import { serverConfigFromEnv } from '../../src/config/server-config.js';
import { createContext, type Context } from '../../src/graphql/context.js';
import type { CurrentGeneration } from '../../src/queries/current-generation.js';

export interface Executed {
  data: any;
  errors: readonly { message: string; extensions?: Record<string, unknown> }[] | undefined;
  /** The named Cypher queries the operation ran, in order. */
  executed: string[];
}

/**
 * One operation through Apollo's execution (no HTTP) against the test Neo4j, in a request
 * context of its own (sharing `current` when given), with the Cypher it ran.
 */
export async function execute(
  apollo: ApolloServer<Context>,
  driver: Driver,
  request: { query: string; variables?: Record<string, unknown> },
  options: { current?: CurrentGeneration; limits?: Limits } = {},
): Promise<Executed> {
  const context = createContext(driver, options.limits ?? serverConfigFromEnv({}).limits, undefined, undefined, options.current);
  const result = await apollo.executeOperation(request, { contextValue: context });
  if (result.body.kind !== 'single') throw new Error('expected a single result');
  return { data: result.body.singleResult.data, errors: result.body.singleResult.errors, executed: context.runner.executed };
}
