import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Graph } from '../../ingest/graph/types.js';
import { loadGraph } from '../../ingest/load/load.js';
import { testDriver } from './database.js';
import { serverConfigFromEnv, type ServerConfig } from '../../src/config/server-config.js';
import { createApp } from '../../src/http/app.js';

export interface TestServer {
  url: string;
  /** POSTs a GraphQL request and returns status and parsed body. */
  graphql(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/** The real HTTP app on a free loopback port, against the test Neo4j. */
export async function startTestServer(driver: Driver, env: NodeJS.ProcessEnv = {}): Promise<TestServer> {
  const config: ServerConfig = serverConfigFromEnv({ PORT: '0', ...env });
  const app = await createApp({ driver, config });
  app.httpServer.listen(0, '127.0.0.1');
  await once(app.httpServer, 'listening');
  const { port } = app.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, body: await response.json() };
    },
    stop: () => app.stop(),
  };
}

/** The data of a query that must succeed: 200 and no errors. */
export async function dataOf(server: TestServer, query: string, variables?: Record<string, unknown>): Promise<any> {
  const { status, body } = await server.graphql(query, variables);
  expect(body.errors).toBeUndefined();
  expect(status).toBe(200);
  return body.data;
}

/**
 * For a test file: loads `graph` into the test Neo4j and serves it over HTTP before its tests,
 * handing the driver and server to `use`; stops both after them.
 */
export function serveGraph(graph: () => Graph | Promise<Graph>, use: (driver: Driver, server: TestServer) => void): void {
  let driver: Driver | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    driver = testDriver();
    await loadGraph(driver, await graph());
    server = await startTestServer(driver);
    use(driver, server);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await driver?.close();
  });
}
