import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explorerRoutes } from '../../src/http/explorer-routes.js';

/**
 * The explorer's routes alone, without a browser or Neo4j: the page and everything it loads are
 * served by us, so it works offline. (tests/explorer/explorer.test.ts drives the page itself.)
 */

let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.use(explorerRoutes());
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function get(path: string) {
  const response = await fetch(base + path);
  return { status: response.status, type: response.headers.get('content-type') ?? '', csp: response.headers.get('content-security-policy'), body: await response.text() };
}

describe('explorer routes', () => {
  it('serves the page at /explorer and /explorer/ under a same-origin-only policy', async () => {
    for (const path of ['/explorer', '/explorer/', '/explorer?model=Vicuna&direction=BOTH&depth=2']) {
      const page = await get(path);
      expect(page.status).toBe(200);
      expect(page.type).toMatch(/^text\/html/);
      expect(page.body).toContain('id="cy"');
      expect(page.csp).toContain("default-src 'self'");
      expect(page.csp).toContain("script-src 'self'");
    }
  });

  it('serves every script and stylesheet the page names, the graph libraries from node_modules', async () => {
    const html = (await get('/explorer')).body;
    const assets = [...html.matchAll(/(?:src|href)="(\/explorer\/[^"]+)"/g)].map((m) => m[1]);
    expect(assets).toEqual(
      expect.arrayContaining([
        '/explorer/vendor/cytoscape.min.js',
        '/explorer/vendor/cytoscape-dagre.min.js',
        '/explorer/vendor/cytoscape-svg.js',
        '/explorer/js/main.js',
        '/explorer/explorer.css',
      ]),
    );
    for (const asset of assets) {
      const response = await get(asset);
      expect(response.status, asset).toBe(200);
      expect(response.type, asset).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^(text|application)\/javascript/);
    }
    expect((await get('/explorer/vendor/cytoscape.min.js')).body.length).toBeGreaterThan(100_000);
  });

  it('serves every browser module the page imports, and none is fetched from elsewhere', async () => {
    const files = (await readdir('explorer/js')).filter((f) => f.endsWith('.js'));
    for (const file of files) {
      const source = await readFile(`explorer/js/${file}`, 'utf8');
      for (const [, spec] of source.matchAll(/from '([^']+)'/g)) {
        expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w-]+\.js$/);
        expect((await get(`/explorer/js/${spec.slice(2)}`)).status, `${file} imports ${spec}`).toBe(200);
      }
    }
    const html = (await get('/explorer')).body;
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });

  it('answers 404 for vendor files it does not know', async () => {
    expect((await get('/explorer/vendor/jquery.js')).status).toBe(404);
    expect((await get('/explorer/vendor/..%2F..%2Fpackage.json')).status).toBe(404);
  });
});
