import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, driven by playwright-core, for the browser tests (explorer, GraphiQL). */
export const CHROMIUM = '/usr/bin/chromium';

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

export const browserMissing = !existsSync(CHROMIUM);
export const SKIP_NOTE = `${CHROMIUM} is missing: install Debian's chromium (apt-get install chromium) to run the browser tests`;

/** In CI the browser is part of the job (.ci/run installs it): missing there is a failure, elsewhere a skip. */
export function checkBrowser(suite: string): boolean {
  if (!browserMissing) return true;
  if (process.env.CI) throw new Error(`${CHROMIUM} is missing in CI; .ci/run should have installed Debian's chromium`);
  console.warn(`[${suite}] skipped: ${SKIP_NOTE}`);
  return false;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** What a page asked for and what went wrong in it, collected from the moment it is watched. */
export interface Watched {
  requests: string[];
  errors: string[];
}

export function watch(page: Page): Watched {
  const watched: Watched = { requests: [], errors: [] };
  page.on('request', (r) => watched.requests.push(r.url()));
  page.on('pageerror', (e) => watched.errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  return watched;
}

/** Requests to anything but our own server (a CDN?). */
export function foreignRequests(watched: Watched, base: string): string[] {
  return watched.requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'));
}
