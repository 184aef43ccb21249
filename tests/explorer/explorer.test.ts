import { createRequire } from 'node:module';
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, inject, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { buildGraph } from '../../ingest/pipeline.js';
import { checkBrowser, foreignRequests, launchBrowser, SKIP_NOTE, watch } from '../support/browser.js';
import { testDriver } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * The lineage explorer end to end: headless Debian Chromium, driven by playwright-core, against
 * the real server and Neo4j loaded with the bundled corpus. Screenshots of the views go to
 * test-output/explorer/; `npm run screenshots` (UPDATE_SCREENSHOTS=1) also copies the README's
 * into docs/, which a plain `npm test` never touches.
 */

const require = createRequire(import.meta.url);
const OUTPUT = path.resolve('test-output/explorer');
const DOCS = path.resolve('docs');

let available = false;
let driver: Driver;
let server: TestServer;
let browser: Browser;
let page: Page;
/** Everything the page asked for, and what went wrong in it, per test. */
let requests: string[];
let pageErrors: string[];

beforeAll(async () => {
  available = checkBrowser('explorer e2e');
  if (!available) return;
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
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const watched = watch(page);
  requests = watched.requests;
  pageErrors = watched.errors;
});

/** A screenshot of the page into test-output/explorer/, and into docs/ too for `npm run screenshots`. */
async function screenshot(name: string, { readme = false } = {}): Promise<void> {
  const file = path.join(OUTPUT, name);
  await page.screenshot({ path: file });
  if (readme && process.env.UPDATE_SCREENSHOTS === '1') await copyFile(file, path.join(DOCS, name));
}

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
  expect(foreignRequests({ requests, errors: pageErrors }, server.url), 'requests to anything but our server (a CDN?)').toEqual([]);
}

/** Where the drawn nodes are, relative to the canvas, and the zoom they are drawn at. */
async function drawing(): Promise<{ zoom: number; width: number; height: number; boxes: { id: string; x1: number; y1: number; x2: number; y2: number }[] }> {
  return page.evaluate(() => {
    const cy = (window as any).explorer.cy;
    return {
      zoom: cy.zoom(),
      width: cy.width(),
      height: cy.height(),
      boxes: cy.nodes().map((n: any) => ({ id: n.id(), ...n.renderedBoundingBox({ includeLabels: true }) })),
    };
  });
}

/** Every drawn node lies wholly inside the canvas. */
async function expectEveryNodeInView(): Promise<void> {
  const { width, height, boxes } = await drawing();
  const outside = boxes.filter((b) => b.x1 < 0 || b.y1 < 0 || b.x2 > width || b.y2 > height).map((b) => b.id);
  expect(outside, 'nodes drawn outside the canvas').toEqual([]);
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
    await screenshot('vicuna.png');
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
    // When a list first named it.
    expect(await page.locator('#details dl').textContent()).toMatch(/First listed\d{4}-\d{2}-\d{2} in [\w.-]+\.md/);

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
    // Downstream: below LLaMA, or right of it when the family is drawn left to right.
    const across = (await page.evaluate(() => (window as any).explorer.cy.scratch('rankDir'))) === 'LR' ? 'x' : 'y';
    expect((await nodePoint(child.name))[across]).toBeGreaterThan((await nodePoint('LLaMA'))[across]);
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
    await screenshot('explorer-path.png', { readme: true });
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

  it('draws LLaMA at depth 3 readable at first sight: every node in view, big groups gathered', async () => {
    await open('model=LLaMA&direction=BOTH&depth=3');
    await screenshot('explorer-llama.png', { readme: true });
    await expectEveryNodeInView();
    const { zoom, boxes } = await drawing();
    // Labels are 13px at zoom 1: at 0.6 they still read as 8px type.
    expect(zoom).toBeGreaterThanOrEqual(0.6);
    expect(boxes.length).toBeLessThan(60);
    const group = (await nodeRows()).find((r) => r.kind === 'MORE');
    expect(group?.name).toMatch(/^\+\d+ more built on LLaMA$/);
    expect(Number(await page.getAttribute('#status', 'data-collapsed'))).toBeGreaterThan(30);
    expect(pageErrors).toEqual([]);
  });

  it('shows a model\'s relatives grouped by relation with counts, each group paged and searchable', async () => {
    await open('model=LLaMA&direction=BOTH&depth=3');
    const { body } = await server.graphql('{ model(name: "LLaMA") { derivatives { id } contributors { id } } }');
    const derivatives = body.data.model.derivatives.length;
    await page.locator('#details-title', { hasText: 'LLaMA' }).waitFor();
    const built = page.locator('#details details[data-group="derivatives"]');
    expect(await built.locator('summary').textContent()).toBe(`Built on it: ${derivatives} models`);
    expect(await page.locator('#details details[data-group="contributors"] summary').textContent()).toMatch(/^Made by: \d+ organizations?$/);
    // Ten a page, and a search that narrows the list.
    expect(await built.locator('.relatives li').count()).toBe(10);
    expect(await built.locator('.pager [role="status"]').textContent()).toBe(`1–10 of ${derivatives}`);
    await built.getByRole('button', { name: 'Next' }).click();
    expect(await built.locator('.pager [role="status"]').textContent()).toBe(`11–20 of ${derivatives}`);
    await built.locator('input[type="search"]').fill('vicuna');
    const found = await built.locator('.relatives li').allTextContents();
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((t) => /vicuna/i.test(t))).toBe(true);
    await screenshot('explorer-hub.png', { readme: true });

    // A relative not drawn is added to the graph from the list.
    const hidden = built.locator('.relatives li', { has: page.locator('button.add') }).first();
    const name = (await hidden.locator('button.link').textContent())!;
    await hidden.locator('button.add').click();
    await settled(`show=${name}`);
    expect((await nodeRows()).map((r) => r.name)).toContain(name);
    expect(pageErrors).toEqual([]);
  });

  it('lists a "+N more" group when it is selected, and draws all of them on request', async () => {
    await open('model=LLaMA&direction=DESCENDANTS&depth=1');
    const collapsed = Number(await page.getAttribute('#status', 'data-collapsed'));
    expect(collapsed).toBeGreaterThan(0);
    const llama = await idOf('LLaMA');
    const children = async () => (await edgeRows()).filter((e) => (e.type === 'BASED_ON' || e.type === 'VARIANT_OF') && e.target === llama).length;
    const before = await children();

    await page.locator('#node-table tr[data-kind="MORE"] button').click();
    await expect.poll(() => page.textContent('#details-title')).toBe(`Built on LLaMA: ${collapsed} more models`);
    expect(await page.locator('#details .relatives li').count()).toBe(Math.min(10, collapsed));
    await screenshot('explorer-group.png');
    await page.locator('#show-group').click();
    await settled('expand=LLaMA');
    expect(Number(await page.getAttribute('#status', 'data-collapsed'))).toBe(0);
    expect(await children()).toBe(before + collapsed);

    // Depth beyond the API's cap is refused by the control, not sent.
    await page.locator('#depth').fill('11');
    await page.locator('#depth').dispatchEvent('change');
    expect(new URL(page.url()).searchParams.get('depth')).toBe('1');
    expect(pageErrors).toEqual([]);
  });

  it('fits every node in the first view (ChatGLM, whose fine-tunes used to run off the left)', async () => {
    await open('model=ChatGLM');
    await expectEveryNodeInView();
    await screenshot('explorer-chatglm.png');
  });

  it('opens a path link without a model', async () => {
    await page.goto(`${server.url}/explorer?from=WizardVicunaLM&to=LLaMA`);
    await settled();
    const steps = await page.locator('#path-steps li').allTextContents();
    expect(steps[0]).toBe('WizardVicunaLM');
    expect(steps.at(-1)).toBe('LLaMA');
    expect((await nodeRows()).filter((r) => r.onPath).map((r) => r.name).sort()).toEqual([...steps].sort());
    expect(await page.textContent('#status')).toMatch(/on the path from WizardVicunaLM to LLaMA/);
    await expectEveryNodeInView();
    expect(pageErrors).toEqual([]);
  });

  it('lists each place that states a node once', async () => {
    await open('model=Vicuna');
    const { body } = await server.graphql('{ model(name: "Vicuna") { sources { file line } } }');
    const places = new Set(body.data.model.sources.map((s: { file: string; line: number }) => `${s.file}:${s.line}`));
    await page.locator('#details-title', { hasText: 'Vicuna' }).waitFor();
    const listed = await page.locator('#details .sources li code').allTextContents();
    expect(listed.length).toBe(places.size);
    expect(new Set(listed)).toEqual(places);
  });

  it('takes keyboard focus on the canvas: arrows move between nodes, Enter opens one', async () => {
    await open('model=Vicuna&direction=BOTH&depth=1&types=BASED_ON,VARIANT_OF');
    await page.locator('#details-title', { hasText: 'Vicuna' }).waitFor(); // the centre is selected first
    // Reachable with Tab, like every other control.
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => document.activeElement?.id === 'cy');
    }
    expect(reached, 'the canvas is reachable with Tab').toBe(true);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.textContent('#details-title')).toBe('LLaMA');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.textContent('#details-title')).toBe('Vicuna');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => page.textContent('#details-title')).toBe('LLaMA');
    const selected = await page.evaluate(() => (window as any).explorer.cy.$('node:selected').map((n: any) => n.data('name')));
    expect(selected).toEqual(['LLaMA']);
    await page.keyboard.press('Enter');
    await settled('model=LLaMA');
    expect(await page.textContent('#status')).toMatch(/around LLaMA/);
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

  it('draws each BASED_ON edge by how the model was made, with a legend entry per kind on screen', async () => {
    await open('model=LLaMA&direction=DESCENDANTS&depth=1&expand=LLaMA&types=BASED_ON,VARIANT_OF');
    const { body } = await server.graphql('{ lineage(name: "LLaMA", direction: DESCENDANTS, maxDepth: 1) { edges { id type derivation { kinds } } } }');
    const kindsOf = new Map<string, string[]>(body.data.lineage.edges.filter((e: any) => e.type === 'BASED_ON').map((e: any) => [e.id, e.derivation.kinds]));
    const drawn: { id: string; kind: string; colour: string; arrow: string }[] = await page.evaluate(() =>
      (window as any).explorer.cy.edges('[type = "BASED_ON"]').map((e: any) => ({ id: e.id(), kind: e.data('kind'), colour: e.data('colour'), arrow: e.data('arrow') })),
    );
    expect(drawn.length).toBe(kindsOf.size);
    // Every edge is drawn as one of its own kinds; one that is a fine-tune and something more, as the more.
    for (const e of drawn) {
      expect(kindsOf.get(e.id), e.id).toContain(e.kind);
      if (kindsOf.get(e.id)!.length > 1) expect(e.kind, e.id).not.toBe('FINETUNE');
    }
    const style = new Map(drawn.map((e) => [e.kind, `${e.colour} ${e.arrow}`]));
    expect(new Set(style.values()).size, 'one colour and arrow per kind').toBe(style.size);
    expect(style.size).toBeGreaterThanOrEqual(4);
    // The legend has one entry per kind drawn, in the colour it is drawn in, and none other.
    const legend: { kind: string; stroke: string; text: string }[] = await page.$$eval('#legend li[data-kind]', (items) =>
      items.map((li) => ({ kind: (li as HTMLElement).dataset.kind!, stroke: li.querySelector('line')!.getAttribute('stroke')!, text: li.textContent! })),
    );
    expect(new Set(legend.map((l) => l.kind))).toEqual(new Set(style.keys()));
    for (const l of legend) expect(l.stroke, l.kind).toBe(drawn.find((e) => e.kind === l.kind)!.colour);
    expect(legend.find((l) => l.kind === 'ADAPTER')?.text).toMatch(/^adapter/);
    // Chinese-Vicuna, fine-tuned with LoRA, is an adapter of LLaMA: so drawn, and so listed.
    const edge = 'BASED_ON:model:chinese-vicuna->model:llama';
    expect(drawn.find((e) => e.id === edge)?.kind).toBe('ADAPTER');
    const row = page.locator(`#edge-table tr[data-id="${edge}"]`);
    expect(await row.getAttribute('data-kinds')).toBe('ADAPTER');
    expect(await row.locator('td:nth-child(2)').textContent()).toBe('based on (adapter)');
    expect(pageErrors).toEqual([]);
    await page.locator('#details .kind-counts').first().waitFor(); // LLaMA's hub, with its counts by kind
    await screenshot('explorer-kinds.png', { readme: true });
  });

  it('shows how a BASED_ON edge was made: its kinds with the words and their file:line', async () => {
    await open('model=Chinese-Vicuna&direction=ANCESTORS&depth=1&types=BASED_ON,VARIANT_OF');
    const { body } = await server.graphql(`{ model(name: "Chinese-Vicuna") { baseLinks { model { name } derivation { kinds methods evidence { kind words source line from } } } } }`);
    const link = body.data.model.baseLinks.find((l: any) => l.model.name === 'LLaMA');
    expect(link.derivation.kinds).toEqual(['ADAPTER']);
    await page.locator('#edge-table tr[data-id="BASED_ON:model:chinese-vicuna->model:llama"] button').click();
    await page.locator('#details .derivation li').first().waitFor();
    expect(await page.locator('#details .derivation > li').evaluateAll((items) => items.map((li) => (li as HTMLElement).dataset.kind))).toEqual(['ADAPTER']);
    const adapter = page.locator('#details .derivation li[data-kind="ADAPTER"]');
    expect(await adapter.locator('b').textContent()).toBe('adapter');
    // Each place the words were read, with the words themselves.
    expect(await adapter.locator('code').allTextContents()).toEqual(link.derivation.evidence.map((e: any) => `${e.source}:${e.line}`));
    const text = (await adapter.textContent())!;
    for (const e of link.derivation.evidence) expect(text).toContain(`“${e.words}”`);
    expect(link.derivation.evidence.length).toBeGreaterThan(0);
    expect(await page.locator('#details .methods').textContent()).toContain('LoRA');
    expect(await page.locator('#details dl').textContent()).toContain('Made asadapter');
    await screenshot('explorer-derivation.png', { readme: true });

    // The view's node-link export carries the same kinds, spelt as the API's enum.
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
    const file = path.join(OUTPUT, 'chinese-vicuna-kinds.json');
    await download.saveAs(file);
    const json = JSON.parse(await readFile(file, 'utf8'));
    expect(json.links.find((l: any) => l.id === 'BASED_ON:model:chinese-vicuna->model:llama').derivationKinds).toEqual(['ADAPTER']);
    expect(pageErrors).toEqual([]);
  });

  it("counts LLaMA's derivatives and descendants by kind in its hub, and narrows the list to one kind", async () => {
    await open('model=LLaMA&direction=BOTH&depth=1');
    const { body } = await server.graphql(`{ model(name: "LLaMA") { derivativeKinds { kind count } descendantKinds { kind count }
      adapters: derivatives(kinds: [ADAPTER]) { name } } }`);
    const api = body.data.model;
    await page.locator('#details-title', { hasText: 'LLaMA' }).waitFor();
    const counts = (group: string) =>
      page.$$eval(`#details details[data-group="${group}"] .kind-count`, (items) =>
        items.map((i) => ({ kind: (i as HTMLElement).dataset.kind!, count: Number((i as HTMLElement).dataset.count) })),
      );
    const built = page.locator('#details details[data-group="derivatives"]');
    expect(await counts('derivatives')).toEqual(api.derivativeKinds);
    expect(await counts('descendants')).toEqual(api.descendantKinds);
    expect(api.derivativeKinds.map((c: any) => c.kind)).toEqual(expect.arrayContaining(['ADAPTER', 'FINETUNE']));
    const adapters = api.derivativeKinds.find((c: any) => c.kind === 'ADAPTER').count;
    const adapterButton = built.locator('.kind-count[data-kind="ADAPTER"]');
    expect(await adapterButton.textContent()).toBe(`Adapters: ${adapters}`);
    expect(await built.locator('.kind-count[data-kind="FINETUNE"]').textContent()).toMatch(/^Fine-tunes: \d+$/);

    // Pressing a count lists the models of that kind, each saying how it was made.
    await adapterButton.click();
    expect(await adapterButton.getAttribute('aria-pressed')).toBe('true');
    const listed = await built.locator('.relatives li').allTextContents();
    expect(listed.map((t) => t.replace(/ \(.*$/, ''))).toEqual(api.adapters.map((m: any) => m.name));
    expect(listed.every((t) => t.includes('(adapter')), 'every item notes its kind').toBe(true);
    expect(api.adapters.map((m: any) => m.name)).toContain('Chinese-Vicuna');
    await screenshot('explorer-hub-kinds.png');
    await adapterButton.click();
    expect(await built.locator('.pager [role="status"]').textContent()).toMatch(/^1–10 of \d+$/);
    expect(pageErrors).toEqual([]);
  });

  it('takes the README screenshot on the bundled corpus', async () => {
    await open('model=Vicuna&direction=BOTH&depth=2');
    // A prose-derived relation selected: the panel shows the sentence it was read from.
    const row = page.locator('#edge-table tbody tr', { has: page.locator('td:nth-child(4)', { hasText: 'text' }) }).first();
    await row.locator('button').click();
    await page.locator('#details blockquote').first().waitFor();
    await screenshot('explorer.png', { readme: true });
    expect(pageErrors).toEqual([]);
  });
});
