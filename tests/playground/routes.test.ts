import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlayground } from '../../playground/build.js';
import { playgroundRoutes } from '../../src/http/playground-routes.js';

/** GraphiQL's routes alone, without a browser or Neo4j (tests/playground/graphiql.test.ts drives the page). */

let server: Server;
let base: string;

beforeAll(async () => {
  await buildPlayground({ ifStale: true });
  const app = express();
  app.use(playgroundRoutes());
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function get(path: string) {
  const response = await fetch(base + path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', csp: response.headers.get('content-security-policy'), body: await response.text() };
}

describe('GraphiQL routes', () => {
  it('serves the page under the same-origin-only policy of the explorer, and every asset it names', async () => {
    const page = await get('/graphiql');
    expect(page.status).toBe(200);
    expect(page.csp).toContain("default-src 'self'");
    expect(page.csp).toContain("script-src 'self'");
    expect(page.body).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    const assets = [...page.body.matchAll(/(?:src|href)="(\/graphiql\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(expect.arrayContaining(['/graphiql/assets/main.js', '/graphiql/assets/main.css']));
    for (const asset of [...assets, '/graphiql/assets/workers/editor.worker.js', '/graphiql/assets/workers/graphql.worker.js', '/graphiql/assets/workers/json.worker.js']) {
      const response = await get(asset);
      expect(response.status, asset).toBe(200);
      expect(response.csp, asset).toContain("default-src 'self'");
    }
  });

  it('bundles nothing that loads from another host', async () => {
    const css = await readFile('playground/dist/main.css', 'utf8');
    expect(css).not.toMatch(/@import\s+url\(\s*['"]?https?:/);
    expect(css).not.toMatch(/url\(\s*['"]?https?:/);
  });
});
