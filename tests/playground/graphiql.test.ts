import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { buildPlayground } from '../../playground/build.js';
import { checkBrowser, foreignRequests, launchBrowser, SKIP_NOTE, watch, type Watched } from '../support/browser.js';
import { testDriver } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The offline playground end to end: GraphiQL, bundled from npm and served by our own server,
 * in headless Chromium against the real server and Neo4j loaded with the bundled corpus.
 */

const OUTPUT = path.resolve('test-output/playground');

let available = false;
let driver: Driver;
let server: TestServer;
let browser: Browser;
let page: Page;
let watched: Watched;

beforeAll(async () => {
  available = checkBrowser('GraphiQL e2e');
  if (!available) return;
  await buildPlayground({ ifStale: true });
  driver = testDriver();
  const { graph } = await buildGraph(['data/corpus']);
  await loadGraph(driver, graph, { database: inject('neo4j').database });
  server = await startTestServer(driver);
  browser = await launchBrowser();
  await mkdir(OUTPUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await driver?.close();
});

beforeEach(async (ctx) => {
  if (!available) ctx.skip(SKIP_NOTE);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  watched = watch(page);
});

afterEach(async () => {
  await page?.close();
});

/** The text of the response pane (a Monaco editor: its visible lines). */
async function responseText(): Promise<string> {
  return (await page.locator('.graphiql-response').textContent()) ?? '';
}

describe('GraphiQL playground', () => {
  it('loads from our server alone, runs a query and shows the schema docs', async () => {
    await page.goto(`${server.url}/graphiql`);
    const run = page.getByRole('button', { name: /execute query/i });
    await run.waitFor();
    // The schema arrives by introspection; the docs and the query builder need it.
    await page.getByRole('button', { name: /show documentation explorer/i }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().waitFor();
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('lineage', { exact: true }).first().waitFor();
    expect(await docs.textContent()).toMatch(/drawable graph/);

    await run.click();
    await expect.poll(responseText, { timeout: 20_000 }).toContain('"Vicuna"');
    const text = await responseText();
    expect(text).toContain('"LLaMA"');
    expect(text).not.toContain('"errors"');

    await page.screenshot({ path: path.join(OUTPUT, 'graphiql.png') });
    // `npm run screenshots` refreshes the README's copy; `npm test` leaves docs/ alone.
    if (process.env.UPDATE_SCREENSHOTS === '1') await copyFile(path.join(OUTPUT, 'graphiql.png'), path.resolve('docs/graphiql.png'));
    expect(foreignRequests(watched, server.url), 'requests to anything but our server').toEqual([]);
    expect(watched.errors).toEqual([]);
  });

  it('builds a query with the explorer plugin', async () => {
    await page.goto(`${server.url}/graphiql`);
    await page.getByRole('button', { name: /graphiql explorer/i }).click();
    const explorer = page.locator('.graphiql-explorer-root');
    await explorer.getByText('overview', { exact: true }).first().waitFor();
    expect(await explorer.textContent()).toContain('lineage');
    expect(watched.errors).toEqual([]);
  });

  it('/graphql opens GraphiQL when Apollo Sandbox cannot load from its CDN', async () => {
    // Offline as far as the page is concerned: anything not from our server fails.
    await page.route((url) => !url.href.startsWith(server.url), (route) => route.abort('internetdisconnected'));
    await page.goto(`${server.url}/graphql`);
    await page.waitForURL(`${server.url}/graphiql`);
    await page.getByRole('button', { name: /execute query/i }).waitFor();
  });

  it('/graphql names GraphiQL on the Sandbox page itself', async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(html).toContain('embeddable-sandbox.cdn.apollographql.com');
    expect(html).toContain('href="/graphiql"');
    expect(html).toContain('src="/graphiql/sandbox-fallback.js"');
  });
});
