import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { testDriver } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The lineage explorer end to end: headless Debian Chromium, driven by playwright-core, against
 * the real server and Neo4j loaded with the bundled corpus.
 */

const require = createRequire(import.meta.url);
const CHROMIUM = '/usr/bin/chromium';
/**
 * Without the background-networking flags Chromium tries to reach Google's services, and the
 * machine's closed network refuses those connections noisily.
 */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const OUTPUT = path.resolve('test-output/explorer');
const README_SCREENSHOT = path.resolve('docs/explorer.png');

const browserMissing = !existsSync(CHROMIUM);
const SKIP_NOTE = `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the explorer's browser tests`;

let driver: Driver;
let server: TestServer;
let browser: Browser;
let page: Page;
/** Everything the page asked for, and what went wrong in it, per test. */
let requests: string[];
let pageErrors: string[];

beforeAll(async () => {
  if (browserMissing) {
    // In CI the browser is part of the job (.ci/run installs it): missing there is a failure.
    if (process.env.CI) throw new Error(`${CHROMIUM} is missing in CI; .ci/run should have installed Debian's chromium`);
    console.warn(`[explorer e2e] skipped: ${SKIP_NOTE}`);
    return;
  }
  driver = testDriver();
  const { graph } = await buildGraph(['data/corpus']);
  await loadGraph(driver, graph, { database: inject('neo4j').database });
  server = await startTestServer(driver);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  await mkdir(OUTPUT, { recursive: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await driver?.close();
});

beforeEach(async (ctx) => {
  if (browserMissing) ctx.skip(SKIP_NOTE);
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  requests = [];
  pageErrors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
});

afterEach(async () => {
  await page?.close();
});

/** Opens the explorer at a URL query and waits until the view is drawn. */
async function open(query: string): Promise<void> {
  await page.goto(`${server.url}/explorer?${query}`);
  await settled();
}

/** Waits for the view to be drawn after a navigation the page did itself. */
async function settled(urlPart?: string): Promise<void> {
  await page.waitForFunction(
    (part) => document.body.dataset.loading === 'false' && (!part || decodeURIComponent(location.search).includes(part)),
    urlPart,
  );
}

interface Row {
  id: string;
  name: string;
  kind: string;
  onPath: boolean;
}

async function nodeRows(): Promise<Row[]> {
  return page.$$eval('#node-table tbody tr', (rows) =>
    rows.map((r) => ({
      id: (r as HTMLElement).dataset.id!,
      name: (r as HTMLTableRowElement).cells[0].textContent!.trim(),
      kind: (r as HTMLElement).dataset.kind!,
      onPath: (r as HTMLElement).dataset.onPath === 'true',
    })),
  );
}

async function edgeRows(): Promise<{ id: string; type: string; source: string; target: string; onPath: boolean }[]> {
  return page.$$eval('#edge-table tbody tr', (rows) =>
    rows.map((r) => {
      const d = (r as HTMLElement).dataset;
      return { id: d.id!, type: d.type!, source: d.source!, target: d.target!, onPath: d.onPath === 'true' };
    }),
  );
}

/** Id of the node in view with this name. */
async function idOf(name: string): Promise<string> {
  const row = (await nodeRows()).find((r) => r.name === name);
  expect(row, `${name} in the node table`).toBeDefined();
  return row!.id;
}

/** Where a node is drawn on the page, read from Cytoscape, so a test can click it like a user. */
async function nodePoint(name: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((name) => {
    const cy = (window as any).explorer.cy;
    const node = cy.nodes().filter((n: any) => n.data('name') === name)[0];
    if (!node) return null;
    const box = cy.container().getBoundingClientRect();
    const p = node.renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, name);
  expect(point, `${name} drawn on the graph`).not.toBeNull();
  return point!;
}

async function clickNode(name: string): Promise<void> {
  const { x, y } = await nodePoint(name);
  await page.mouse.click(x, y);
}

/** Models reachable from `from` following the relations in view, in either direction. */
function connected(edges: { source: string; target: string }[], from: string): Set<string> {
  const seen = new Set([from]);
  const queue = [from];
  while (queue.length) {
    const at = queue.shift()!;
    for (const e of edges) {
      const next = e.source === at ? e.target : e.target === at ? e.source : null;
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

function expectOnlyOwnServer(): void {
  const foreign = requests.filter((url) => !url.startsWith(server.url) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(foreign, 'requests to anything but our server (a CDN?)').toEqual([]);
}

describe('lineage explorer', () => {
  it('shows Vicuna with LLaMA above and WizardVicunaLM below, linked, from our server alone', async () => {
    await open('model=Vicuna');
    const names = (await nodeRows()).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Vicuna', 'LLaMA', 'WizardVicunaLM']));

    const [vicuna, llama, wizard] = [await idOf('Vicuna'), await idOf('LLaMA'), await idOf('WizardVicunaLM')];
    const edges = await edgeRows();
    expect(edges).toContainEqual(expect.objectContaining({ type: 'BASED_ON', source: wizard, target: vicuna }));
    const lineageEdges = edges.filter((e) => e.type === 'BASED_ON' || e.type === 'VARIANT_OF');
    expect(connected(lineageEdges, wizard)).toContain(llama);

    // The graph draws the same, top-down: ancestors above, descendants below.
    const [top, middle, bottom] = [await nodePoint('LLaMA'), await nodePoint('Vicuna'), await nodePoint('WizardVicunaLM')];
    expect(top.y).toBeLessThan(middle.y);
    expect(middle.y).toBeLessThan(bottom.y);
    const drawnEdges = await page.evaluate(() => (window as any).explorer.cy.edges().length);
    expect(drawnEdges).toBe(edges.length);

    expect(await page.textContent('#legend')).toContain('based on');
    expect(new URL(page.url()).searchParams.get('model')).toBe('Vicuna');
    expectOnlyOwnServer();
    expect(pageErrors).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, 'vicuna.png') });
  });

  it('suggests names from search as the user types', async () => {
    await page.goto(`${server.url}/explorer`);
    await page.locator('#model-input').pressSequentially('vicun');
    const option = page.locator('#model-suggestions [role="option"]', { hasText: 'Vicuna' }).first();
    await option.waitFor();
    await option.dispatchEvent('mousedown');
    await settled('model=Vicuna');
    expect((await nodeRows()).map((r) => r.name)).toContain('LLaMA');
  });

  it('clicking LLaMA shows its provenance and re-centres the view on its descendants', async () => {
    await open('model=Vicuna&direction=BOTH&depth=2');
    const before = new Set((await nodeRows()).map((r) => r.id));

    await clickNode('LLaMA');
    await expect.poll(() => page.textContent('#details-title')).toBe('LLaMA');
    expect(await page.locator('#details .sources code').first().textContent()).toContain('.md:');

    await page.locator('#centre-here').click();
    await settled('model=LLaMA');
    const llama = await idOf('LLaMA');
    const edges = await edgeRows();
    const children = edges.filter((e) => e.type === 'BASED_ON' && e.target === llama).map((e) => e.source);
    expect(children.length).toBeGreaterThan(0);
    // Descendants the Vicuna view did not show now appear, drawn below LLaMA.
    const fresh = children.filter((id) => !before.has(id));
    expect(fresh.length).toBeGreaterThan(0);
    const rows = await nodeRows();
    const child = rows.find((r) => r.id === fresh[0])!;
    expect((await nodePoint(child.name)).y).toBeGreaterThan((await nodePoint('LLaMA')).y);
    expect(await page.textContent('#status')).toMatch(/around LLaMA/);
    expect(pageErrors).toEqual([]);
  });

  it('path mode highlights the shortest path between two models picked on the graph', async () => {
    await open('model=Vicuna&direction=BOTH&depth=2');
    await page.locator('#path-mode').click();
    await clickNode('WizardVicunaLM');
    await expect.poll(() => page.inputValue('#path-from')).toBe('WizardVicunaLM');
    await page.waitForTimeout(400); // two quick taps would read as a double-click
    await clickNode('LLaMA');
    await settled('to=LLaMA');

    const steps = await page.locator('#path-steps li').allTextContents();
    expect(steps[0]).toBe('WizardVicunaLM');
    expect(steps.at(-1)).toBe('LLaMA');
    expect(steps).toContain('Vicuna');

    const onPath = (await nodeRows()).filter((r) => r.onPath).map((r) => r.name);
    expect(new Set(onPath)).toEqual(new Set(steps));
    const pathEdges = (await edgeRows()).filter((e) => e.onPath);
    expect(pathEdges).toHaveLength(steps.length - 1);
    const highlighted = await page.evaluate(() => (window as any).explorer.cy.$('.on-path').map((e: any) => e.id()));
    expect(new Set(highlighted)).toEqual(new Set([...(await nodeRows()).filter((r) => r.onPath).map((r) => r.id), ...pathEdges.map((e) => e.id)]));
    await page.screenshot({ path: path.join(OUTPUT, 'path.png') });
  });

  it('exports the view as node-link JSON, PNG and SVG', async () => {
    await open('model=Vicuna&direction=ANCESTORS&depth=2');
    const shown = (await nodeRows()).map((r) => r.id).sort();

    const save = async (button: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
      const file = path.join(OUTPUT, download.suggestedFilename());
      await download.saveAs(file);
      return readFile(file);
    };
    const json = JSON.parse((await save('#export-json')).toString('utf8'));
    expect(json).toMatchObject({ directed: true, multigraph: true });
    expect(json.nodes.map((n: { id: string }) => n.id).sort()).toEqual(shown);
    expect(json.links.length).toBe((await edgeRows()).length);

    const png = await save('#export-png');
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    const svg = (await save('#export-svg')).toString('utf8');
    expect(svg).toMatch(/<svg[\s>]/);
    expect(svg).toContain('Vicuna');
  });

  it('keeps large neighbourhoods usable: depth capped, what is left out counted, "+N more" opens', async () => {
    await open('model=LLaMA&direction=DESCENDANTS&depth=1');
    const status = async (name: string) => Number(await page.getAttribute('#status', `data-${name}`));
    // LLaMA's direct fine-tunes alone are too many to draw side by side: most wait in a "+N more" node.
    const collapsed = await status('collapsed');
    expect(collapsed).toBeGreaterThan(0);
    expect(await status('omitted')).toBeGreaterThan(0); // and their own fine-tunes lie beyond depth 1
    expect(await page.textContent('#status')).toMatch(/beyond depth 1/);
    const llama = await idOf('LLaMA');
    const children = async () =>
      (await edgeRows()).filter((e) => (e.type === 'BASED_ON' || e.type === 'VARIANT_OF') && e.target === llama).length;
    const before = await children();

    // The "+N more" node is listed too, and activating it expands LLaMA.
    await page.locator('#node-table tr[data-kind="MORE"] button').click();
    await settled('expand=LLaMA');
    expect(await status('collapsed')).toBe(0);
    expect(await children()).toBe(before + collapsed);

    // Depth beyond the API's cap is refused by the control, not sent.
    await page.locator('#depth').fill('11');
    await page.locator('#depth').dispatchEvent('change');
    expect(new URL(page.url()).searchParams.get('depth')).toBe('1');
    expect(pageErrors).toEqual([]);
  });

  it('shows the source sentence of a relation read from prose', async () => {
    await open('model=Vicuna&direction=BOTH&depth=2');
    const row = page.locator('#edge-table tbody tr', { has: page.locator('td:nth-child(4)', { hasText: 'text' }) }).first();
    await row.locator('button').click();
    await page.locator('#details blockquote').first().waitFor();
    expect((await page.locator('#details blockquote').first().textContent())!.length).toBeGreaterThan(10);
    expect(await page.locator('#details .sources code').first().textContent()).toMatch(/\.md:\d+$/);
  });

  it('has no serious accessibility violations (axe-core)', async () => {
    // axe is injected as an inline script, which the page's Content-Security-Policy rightly forbids.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
    try {
      const audited = await context.newPage();
      await audited.goto(`${server.url}/explorer?model=Vicuna`);
      await audited.waitForFunction(() => document.body.dataset.loading === 'false');
      await audited.locator('#node-table button', { hasText: 'LLaMA' }).first().click();
      await audited.locator('#details-title').waitFor();
      await audited.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
      const violations: { id: string; impact: string; help: string; nodes: unknown[] }[] = await audited.evaluate(
        async () => (await (window as any).axe.run(document, { resultTypes: ['violations'] })).violations,
      );
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length} elements)`)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('takes the README screenshot on the bundled corpus', async () => {
    await open('model=Vicuna&direction=BOTH&depth=2');
    // A prose-derived relation selected: the panel shows the sentence it was read from.
    const row = page.locator('#edge-table tbody tr', { has: page.locator('td:nth-child(4)', { hasText: 'text' }) }).first();
    await row.locator('button').click();
    await page.locator('#details blockquote').first().waitFor();
    const file = path.join(OUTPUT, 'explorer.png');
    await page.screenshot({ path: file });
    await mkdir(path.dirname(README_SCREENSHOT), { recursive: true });
    await copyFile(file, README_SCREENSHOT);
    expect(pageErrors).toEqual([]);
  });
});
