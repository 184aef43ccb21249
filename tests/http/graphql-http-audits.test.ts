import { serverAudits, type AuditResult } from 'graphql-http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDriver } from '../support/database.js';
import { startTestServer, type TestServer } from '../support/server.js';

/**
 * GraphQL-over-HTTP conformance: every server audit of the `graphql-http` package runs against
 * the real HTTP app (Express 5 + Apollo Server 5, CSRF prevention on). A failing MUST fails its
 * test; failing SHOULDs and MAYs are recorded and printed as a summary, since Apollo Server
 * deliberately differs on some of them (see the expectations below).
 */

let driver: Driver;
let server: TestServer;
const results: AuditResult[] = [];

/**
 * Non-MUST audits this server is known to fail, and why. They are printed, not failed; listing
 * them here makes a change in behaviour (a new failure, or one that starts passing) visible.
 */
const KNOWN_NON_MUST_FAILURES: Record<string, string> = {
  // Apollo Server's CSRF prevention blocks GET requests that carry no `content-type` other than
  // the CORS-safelisted ones and no `apollo-require-preflight` / `x-apollo-operation-name`
  // header. The audits send plain GETs; GET is a MAY in the spec, and GET with the preflight
  // header works (tested below).
  '5A70': 'GET without a preflight header is blocked by CSRF prevention',
  D6D5: 'GET without a preflight header is blocked by CSRF prevention',
  '6A70': 'GET without a preflight header is blocked by CSRF prevention',
};

beforeAll(async () => {
  driver = testDriver();
  server = await startTestServer(driver);
});

afterAll(async () => {
  await server?.stop();
  await driver?.close();
  if (results.length === 0) return;
  const tally = (level: string, status: 'ok' | 'failed') =>
    results.filter((r) => r.name.startsWith(level) && (status === 'ok') === (r.status === 'ok')).length;
  const lines = ['graphql-http server audits:'];
  for (const level of ['MUST', 'SHOULD', 'MAY']) {
    lines.push(`  ${level.padEnd(6)} ${tally(level, 'ok')} passed, ${tally(level, 'failed')} failed`);
  }
  for (const r of results) {
    if (r.status !== 'ok') lines.push(`  [${r.status}] ${r.id} ${r.name}: ${r.reason} (HTTP ${r.response.status})`);
  }
  console.log(lines.join('\n'));
});

describe('graphql-http server audits', () => {
  const audits = serverAudits({
    url: () => `${server.url}/graphql`,
    fetchFn: fetch,
  });

  it('has audits to run', () => {
    expect(audits.length).toBeGreaterThan(30);
  });

  for (const audit of audits) {
    it(`${audit.id} ${audit.name}`, async () => {
      const result = await audit.fn();
      results.push(result);
      if (result.status === 'ok') return;
      // Read the body so that the failure message shows what the server said.
      const body = await result.response.text().catch(() => '');
      const detail = `${result.reason}; HTTP ${result.response.status} ${result.response.headers.get('content-type')}: ${body.slice(0, 300)}`;
      if (audit.name.startsWith('MUST')) {
        expect.fail(`MUST audit failed: ${detail}`);
      }
      if (!(audit.id in KNOWN_NON_MUST_FAILURES)) {
        console.warn(`graphql-http audit ${audit.id} (${audit.name}) newly failing: ${detail}`);
      }
    });
  }
});

describe('the transport around the audits', () => {
  const typename = encodeURIComponent('{ __typename }');

  it('keeps CSRF prevention on: a plain GET is refused, a GET with apollo-require-preflight answers', async () => {
    const blocked = await fetch(`${server.url}/graphql?query=${typename}`);
    expect(blocked.status).toBe(400);
    expect((await blocked.json()).errors[0].message).toMatch(/Cross-Site Request Forgery/);

    const allowed = await fetch(`${server.url}/graphql?query=${typename}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers malformed JSON with a 400 GraphQL error in the accepted media type, not an HTML page', async () => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept },
        body: '{ "query": "{ __typename }',
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toBe(`${accept}; charset=utf-8`);
      const body = await response.json();
      expect(body.errors[0]).toMatchObject({ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } });
    }
  });

  it('answers a body over the size limit with 413 and a JSON error', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(1_100_000)}` }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await response.json()).errors[0].extensions.code).toBe('BAD_REQUEST');
  });

  it('negotiates application/graphql-response+json for POST', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
  });
});
