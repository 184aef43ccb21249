/**
 * Hostile requests against the real server and Neo4j (the bundled corpus loaded): each class is
 * refused or answered within a bound, a concurrent /health probe keeps answering throughout,
 * and the database is byte for byte what it was at the end. Bounds are for liveness on a loaded
 * 2-core machine, not speed; the times are printed for the record.
 */
import { createHash } from 'node:crypto';
import { getIntrospectionQuery } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGraph } from '../../ingest/load/load.js';
import { databaseChecksum } from '../support/checksum.js';
import { corpusGraph } from '../support/corpus.js';
import { testDriver } from '../support/database.js';
import { probeHealth, type HealthProbe } from '../support/health-probe.js';
import { nestedModelQuery } from '../support/nested-query.js';
import { startTestServer, type TestServer } from '../support/server.js';

/** A class must be refused or answered within this long. */
const BOUND_MS = 30_000;
/** Health must never wait longer than this for an answer while a class runs. */
const HEALTH_BOUND_MS = 5_000;

let driver: Driver;
let server: TestServer;
let health: HealthProbe;
let before: Awaited<ReturnType<typeof databaseChecksum>>;
/** Nodes of the corpus graph: what an export gives (the store's own bookkeeping nodes are not the graph's). */
let corpusNodes: number;
const timings: { name: string; status: string; ms: number; health: number }[] = [];

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

const GRAPHQL_JSON = 'application/graphql-response+json, application/json';

async function send(path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body, headers: response.headers };
}

function post(payload: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  return send('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: GRAPHQL_JSON, ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

const query = (q: string, variables?: Record<string, unknown>) => post({ query: q, variables });

function codes(answer: Answer): string[] {
  return (answer.body?.errors ?? []).map((e: { extensions?: { code?: string } }) => e.extensions?.code);
}

/** No error may carry a stack trace or text from the database, the driver or Lucene. */
function expectPlainErrors(answer: Answer): void {
  for (const error of answer.body?.errors ?? []) {
    expect(error.extensions?.code, JSON.stringify(error)).toBeTruthy();
    expect(error.extensions?.stacktrace).toBeUndefined();
    expect(error.message).not.toMatch(/Neo4j|Neo\.|Cypher|Lucene|org\.apache|bolt:|java\./i);
  }
}

/** Runs one hostile class: timed, bounded, health probed, its answer checked. */
async function hostile(name: string, run: () => Promise<Answer>, check: (answer: Answer) => void, boundMs = BOUND_MS): Promise<void> {
  health.reset();
  const started = performance.now();
  const answer = await run();
  const ms = performance.now() - started;
  const slowestHealth = health.slowest();
  timings.push({ name, status: `${answer.status} ${codes(answer)[0] ?? (answer.body?.data ? 'data' : '')}`.trim(), ms, health: slowestHealth });
  expectPlainErrors(answer);
  check(answer);
  expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(boundMs);
  expect(slowestHealth, `/health waited ${Math.round(slowestHealth)} ms during ${name}`).toBeLessThan(HEALTH_BOUND_MS);
  expect(health.failures()).toBe(0);
}

function refused(code: string, status = 400, limit?: string) {
  return (a: Answer) => {
    expect(a.status, JSON.stringify(a.body).slice(0, 300)).toBe(status);
    expect(codes(a)).toContain(code);
    if (limit) expect(a.body.errors[0].extensions.limit).toBe(limit);
    expect(a.body.data ?? null).toBeNull();
  };
}

function answered(a: Answer) {
  expect(a.status, JSON.stringify(a.body).slice(0, 300)).toBe(200);
  expect(a.body.errors).toBeUndefined();
  expect(a.body.data).toBeTruthy();
}

beforeAll(async () => {
  driver = testDriver();
  const graph = await corpusGraph();
  corpusNodes = graph.nodes.length;
  await loadGraph(driver, graph);
  before = await databaseChecksum(driver);
  server = await startTestServer(driver);
  health = probeHealth(server.url);
}, 120_000);

afterAll(async () => {
  await health?.stop();
  await server?.stop();
  await driver?.close();
  if (timings.length) {
    const width = Math.max(...timings.map((t) => t.name.length));
    console.log(
      ['hostile class'.padEnd(width) + '  answer                          ms   slowest /health ms',
        ...timings.map((t) => `${t.name.padEnd(width)}  ${t.status.padEnd(30)} ${String(Math.round(t.ms)).padStart(5)}   ${String(Math.round(t.health)).padStart(5)}`),
      ].join('\n'),
    );
  }
});

const many = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');

describe('hostile requests', () => {
  it('alias bomb: 1,000 aliases of the whole-graph export', () =>
    hostile('alias bomb (export x1000)', () => query(`{ ${many(1000, (i) => `a${i}: export { content }`)} }`), refused('GRAPHQL_VALIDATION_FAILED', 400, 'aliases')));

  it('alias bomb: 4,000 aliases of a deep lineage walk (over the token limit too)', () =>
    hostile(
      'alias bomb (lineage x4000)',
      () => query(`{ ${many(4000, (i) => `l${i}: lineage(name: "LLaMA", maxDepth: 10) { nodes { id } }`)} }`),
      (a) => {
        expect(a.status).toBe(400);
        expect(codes(a)[0]).toMatch(/GRAPHQL_PARSE_FAILED|GRAPHQL_VALIDATION_FAILED/);
      },
    ));

  it('aliases within the limit but each expensive: refused by the cost budget', () =>
    hostile(
      'expensive aliases (export x3)',
      () => query(`{ ${many(3, (i) => `e${i}: export { nodeCount }`)} }`),
      refused('GRAPHQL_VALIDATION_FAILED', 400, 'cost'),
    ));

  it('field bomb: the same field 200 times is answered, 2,000 times refused by graphql-js', async () => {
    await hostile('field bomb (name x200)', () => query(`{ model(name: "vicuna") { ${many(200, () => 'name')} } }`), (a) => {
      answered(a);
      expect(a.body.data.model.name).toBe('Vicuna');
    });
    await hostile('field bomb (name x2000)', () => query(`{ model(name: "vicuna") { ${many(2000, () => 'name')} } }`), (a) => {
      refused('GRAPHQL_VALIDATION_FAILED')(a);
      expect(a.body.errors[0].message).toMatch(/too complex to validate/);
    });
  });

  it('directive bomb: 200 directives on one field', () =>
    hostile(
      'directive bomb (x200)',
      () => query(`{ model(name: "vicuna") { name ${many(200, () => '@include(if: true)')} } }`),
      refused('GRAPHQL_VALIDATION_FAILED', 400),
    ));

  it('fragment bomb: F1 { ...F0 ...F0 } up to F26, 1 KB that doubles 26 times', () => {
    const fragments = ['fragment F0 on Query { model(name: "vicuna") { name } }'];
    for (let i = 1; i <= 26; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    return hostile('fragment bomb (F0..F26)', () => query(`{ ...F26 } ${fragments.join(' ')}`), refused('GRAPHQL_VALIDATION_FAILED', 400, 'cost'));
  });

  it('fragment bomb on a cheap field still answers fast (fragments measured once, fields merged)', () => {
    const fragments = ['fragment G0 on Model { name }'];
    for (let i = 1; i <= 26; i++) fragments.push(`fragment G${i} on Model { ...G${i - 1} ...G${i - 1} }`);
    return hostile('fragment bomb, merged fields', () => query(`{ model(name: "vicuna") { ...G26 } } ${fragments.join(' ')}`), (a) => {
      // Each level doubles the estimate, so this too is over the budget; what matters is the time.
      expect([200, 400]).toContain(a.status);
    });
  });

  it('fragment cycle', () =>
    hostile('fragment cycle', () => query('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }'), refused('GRAPHQL_VALIDATION_FAILED')));

  it('deep nesting: 30 levels of basedOn', () =>
    hostile('deep nesting (x30)', () => query(nestedModelQuery('vicuna', 'basedOn', 30)), refused('GRAPHQL_VALIDATION_FAILED', 400, 'depth')));

  it('deep introspection: types → fields → type → fields … ', () => {
    let selection = 'name';
    for (let i = 0; i < 8; i++) selection = `fields { type { ${selection} } }`;
    return hostile('deep introspection', () => query(`{ __schema { types { ${selection} } } }`), (a) => {
      refused('GRAPHQL_VALIDATION_FAILED')(a);
      expect(a.body.errors[0].message).toBe('Maximum introspection depth exceeded');
    });
  });

  it('the standard introspection query of graphql-js passes (GraphiQL, Altair, Postman, codegen)', () =>
    hostile('standard introspection', () => query(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true })), (a) => {
      answered(a);
      expect(a.body.data.__schema.queryType.name).toBe('Query');
    }));

  it('batching: an array of 100 operations', () =>
    hostile('batched operations (x100)', () => post(Array.from({ length: 100 }, () => ({ query: '{ overview { nodeCounts { count } } }' }))), (a) => {
      expect(a.status).toBe(400);
      expect(JSON.stringify(a.body)).toMatch(/batch/i);
    }));

  it('huge body: 2 MB', () =>
    hostile('huge body (2 MB)', () => query(`{ model(name: "${'x'.repeat(2_000_000)}") { name } }`), (a) => {
      expect(a.status).toBe(413);
      expect(codes(a)).toContain('BAD_REQUEST');
    }));

  it('token bomb: 200,000 tokens within the body limit', () =>
    hostile('token bomb (200k tokens)', () => query(`{ ${many(200_000, () => 'a')} }`), refused('GRAPHQL_PARSE_FAILED')));

  it('huge variable: a 900 KB search string', () =>
    hostile('huge variable (900 KB)', () => query('query($q: String!) { search(query: $q) { name } }', { q: 'vicuna '.repeat(130_000) }), (a) => {
      expect(a.status).toBe(200);
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      expect(a.body.errors[0].message).toMatch(/at most 200 characters/);
    }));

  it('deeply nested variable: a list 100,000 levels deep where an enum list is expected', () => {
    const depth = 100_000;
    const body = `{"query": "query($t: [RelationType!]) { lineage(name: \\"LLaMA\\", types: $t) { root { id } } }", "variables": {"t": ${'['.repeat(depth)}"BASED_ON"${']'.repeat(depth)}}}`;
    return hostile('nested variable (100,000 deep)', () => post(body), (a) => {
      expect(a.status).toBe(400);
      expect(codes(a)[0]).toMatch(/BAD_USER_INPUT|BAD_REQUEST/);
    });
  });

  it('malformed JSON body', () =>
    hostile('malformed JSON', () => post('{"query": "{ overview { nodeCounts { count } } }"'), (a) => {
      expect(a.status).toBe(400);
      expect(codes(a)).toEqual(['BAD_REQUEST']);
    }));

  it('the expensive fields at scale: lineage of LLaMA both ways, ten hops, with attachments', () =>
    hostile(
      'lineage(LLaMA, BOTH, 10, attach)',
      () => query(`{ lineage(name: "LLaMA", direction: BOTH, maxDepth: 10, attach: [FROM_CONTRIBUTOR, TRAINED_WITH]) {
        nodes { id name depth } edges { id type source target } omitted } }`),
      (a) => {
        answered(a);
        expect(a.body.data.lineage.nodes.length).toBeGreaterThan(75);
      },
    ));

  it('the expensive fields at scale: a whole-graph export, twice', () =>
    hostile('export x2 (whole graph)', () => query('{ a: export { nodeCount content } b: export(format: GRAPHML) { nodeCount } }'), (a) => {
      answered(a);
      expect(a.body.data.a.nodeCount).toBe(corpusNodes);
    }));

  it('the expensive fields at scale: a ten-hop descendant walk under every model of a page', () =>
    hostile(
      'models(100) { descendants(10) }',
      () => query('{ models(first: 100) { nodes { descendants(maxDepth: 10) { model { name } } } } }'),
      refused('GRAPHQL_VALIDATION_FAILED', 400, 'cost'),
    ));

  it('the expensive fields at scale: paths over every relation and common ancestors', () =>
    hostile(
      'path(anyRelation) + commonAncestors',
      () => query(`{ p: path(from: "WizardVicunaLM", to: "ChatGLM", anyRelation: true) { length }
        q: path(from: "Vicuna", to: "Meta", anyRelation: true) { length }
        c: commonAncestors(a: "Alpaca", b: "Vicuna") { name } }`),
      answered,
    ));

  it('Lucene operators and special characters are searched as text', async () => {
    const inputs = ['AND', 'vicuna AND', 'OR NOT', 'NOT vicuna', '*:*', '"', '\\', 'a~~~^^^', '((((', 'name:vicuna', '[a TO z]', '&& || !', '/regex/', '?', 'TO'];
    await hostile('Lucene operators (15 inputs)', async () => {
      const answers = await Promise.all(inputs.map((q) => query('query($q: String!) { search(query: $q) { name } }', { q })));
      for (const [i, a] of answers.entries()) {
        expect(a.status, `${inputs[i]}: ${JSON.stringify(a.body)}`).toBe(200);
        expect(a.body.errors, inputs[i]).toBeUndefined();
        expectPlainErrors(a);
      }
      return answers[0];
    }, answered);
  });

  it('search bounds: 342 words, 1,000 characters, a 100-character word', async () => {
    await hostile('search, 342 words', () => query('query($q: String!) { search(query: $q) { name } }', { q: 'llama '.repeat(342) }), (a) => {
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
    });
    await hostile('search, 1,000 characters', () => query('query($q: String!) { search(query: $q) { name } }', { q: 'v'.repeat(1000) }), (a) => {
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      expect(a.body.errors[0].message).toMatch(/at most 200 characters/);
    });
    await hostile('search, 100-character word', () => query('query($q: String!) { search(query: $q) { name } }', { q: 'v'.repeat(100) }), (a) => {
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      expect(a.body.errors[0].message).toMatch(/at most 64 characters/);
    });
  });

  it('Cypher-injection strings in every string argument change nothing and break nothing', async () => {
    const payloads = [
      `"}) MATCH (n) DETACH DELETE n //`,
      `') DETACH DELETE n RETURN 1 //`,
      `x' OR 1=1 OR 'x'='x`,
      '`injected` } CREATE (:Pwned) //',
      '$first',
      '\u0000\u0001\uFFFF',
      '\\"; CALL dbms.shutdown() //',
      'model:vicuna" OR true //',
    ];
    const fields = [
      'model(name: $s) { id }',
      'organization(name: $s) { id }',
      'dataset(name: $s) { id }',
      'method(name: $s) { id }',
      'paper(title: $s) { id }',
      'node(id: $i) { id }',
      'search(query: $s) { name }',
      'lineage(name: $s) { root { id } }',
      'path(from: $s, to: "LLaMA") { length }',
      'path(from: "LLaMA", to: $s) { length }',
      'commonAncestors(a: $s, b: "Vicuna") { name }',
      'commonAncestors(a: "Vicuna", b: $s) { name }',
      'export(name: $s) { nodeCount }',
      'models(after: $s) { totalCount }',
      'organizations(after: $s) { totalCount }',
      'relations(after: $s) { totalCount }',
      ...['contributor', 'basedOn', 'descendsFrom', 'dataset', 'language', 'license', 'domain', 'category', 'nameContains'].map(
        (f) => `models(filter: { ${f}: $s }) { totalCount }`,
      ),
    ];
    await hostile(`Cypher injection (${payloads.length} x ${fields.length} arguments)`, async () => {
      let last: Answer | undefined;
      for (const field of fields) {
        const variable = field.includes('$i') ? '$i: ID!' : '$s: String!';
        const answers = await Promise.all(payloads.map((s) => query(`query(${variable}) { x: ${field} }`, { s, i: s })));
        for (const a of answers) {
          expectPlainErrors(a);
          expect(codes(a).filter((c) => c !== 'NOT_FOUND' && c !== 'BAD_USER_INPUT'), `${field}: ${JSON.stringify(a.body)}`).toEqual([]);
          expect(a.status).toBeLessThan(500);
        }
        last = answers[0];
      }
      return last!;
    }, () => {}, fields.length * BOUND_MS / 4); // 200 requests, eight at a time
  });

  it('CSRF: a GET without the preflight header and a simple-content-type POST are refused', async () => {
    await hostile('CSRF, GET without preflight header', () => send(`/graphql?query=${encodeURIComponent('{ overview { nodeCounts { count } } }')}`), (a) => {
      expect(a.status).toBe(400);
      expect(codes(a)).toContain('BAD_REQUEST');
    });
    await hostile(
      'CSRF, text/plain POST',
      () => send('/graphql', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ overview { nodeCounts { count } } }' }) }),
      (a) => {
        expect(a.status).toBe(400);
      },
    );
  });

  it('mutations and subscriptions are refused as invalid, by POST and by GET', async () => {
    await hostile('mutation (POST)', () => query('mutation { deleteEverything }'), refused('GRAPHQL_VALIDATION_FAILED', 400, 'read-only'));
    await hostile('subscription (POST)', () => query('subscription { changes }'), refused('GRAPHQL_VALIDATION_FAILED', 400, 'read-only'));
    await hostile(
      'mutation (GET)',
      () => send(`/graphql?query=${encodeURIComponent('mutation { x }')}`, { headers: { 'apollo-require-preflight': 'true', accept: GRAPHQL_JSON } }),
      (a) => {
        expect(a.status).toBe(400);
        expect(codes(a)).toContain('GRAPHQL_VALIDATION_FAILED');
      },
    );
  });

  it('persisted queries: an unknown hash, a hash that does not match, an unknown version', async () => {
    const q = '{ model(name: "vicuna") { name } }';
    const sha256Hash = createHash('sha256').update(q).digest('hex');
    await hostile('APQ, unknown hash', () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }), (a) => {
      expect(codes(a)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    });
    await hostile('APQ, hash mismatch', () => post({ query: q, extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }), (a) => {
      expect(a.status).toBe(400);
      expect(codes(a)).toEqual(['BAD_REQUEST']);
      expect(a.body.errors[0].message).toMatch(/sha256Hash is not the hash of the query/);
    });
    await hostile('APQ, version 2', () => post({ query: q, extensions: { persistedQuery: { version: 2, sha256Hash } } }), (a) => {
      expect(a.status).toBe(400);
      expect(codes(a)).toEqual(['BAD_REQUEST']);
    });
  });

  it('cursors: huge, forged and non-base64', async () => {
    const forged = [Buffer.from(`offset:${'9'.repeat(40)}`).toString('base64url'), 'x'.repeat(100_000), '!!!', Buffer.from('offset:-5').toString('base64url')];
    await hostile('bad cursors (4 kinds)', async () => {
      const answers = await Promise.all(forged.map((after) => query('query($a: String) { models(after: $a) { totalCount } }', { a: after })));
      for (const a of answers) expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      return answers[0];
    }, () => {});
  });

  it('argument bounds: maxDepth and first far out of range', async () => {
    await hostile('maxDepth: 2^31-1', () => query('{ lineage(name: "LLaMA", maxDepth: 2147483647) { root { id } } }'), (a) => {
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      expect(a.body.errors[0].message).toMatch(/maxDepth must be between 1 and 10/);
    });
    await hostile('first: -1', () => query('{ models(first: -1) { totalCount } }'), (a) => {
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
      expect(a.body.errors[0].message).toMatch(/first must be between 1 and 100/);
    });
    await hostile('first: 10^9', () => query('{ search(query: "x", first: 1000000000) { name } }'), (a) => {
      expect(codes(a)).toEqual(['BAD_USER_INPUT']);
    });
  });

  it('answers too large for the response cap are refused with a message that says so', async () => {
    const small = await startTestServer(driver, { MAX_RESPONSE_BYTES: '20000' });
    try {
      const started = performance.now();
      const response = await fetch(`${small.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: GRAPHQL_JSON },
        body: JSON.stringify({ query: '{ export { content } }' }),
      });
      const body = await response.json();
      timings.push({ name: 'response over the cap (20 KB)', status: `${response.status} ${body.errors[0].extensions.code}`, ms: performance.now() - started, health: 0 });
      expect(response.status).toBe(400);
      expect(body.data).toBeNull();
      expect(body.errors[0].extensions.code).toBe('RESPONSE_TOO_LARGE');
      expect(body.errors[0].message).toMatch(/over the limit of 0\.0 MB|over the limit of/);
    } finally {
      await small.stop();
    }
  });

  it('past the in-flight limit, requests get 503 with Retry-After instead of queueing', async () => {
    const narrow = await startTestServer(driver, { MAX_IN_FLIGHT: '2' });
    try {
      const started = performance.now();
      const walk = '{ lineage(name: "LLaMA", direction: BOTH, maxDepth: 10) { nodes { id } } }';
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${narrow.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', accept: GRAPHQL_JSON }, body: JSON.stringify({ query: walk }) }),
        ),
      );
      const statuses = responses.map((r) => r.status);
      const busy = responses.filter((r) => r.status === 503);
      timings.push({ name: 'flood past MAX_IN_FLIGHT=2 (x20)', status: `${busy.length}x503 ${statuses.filter((s) => s === 200).length}x200`, ms: performance.now() - started, health: 0 });
      expect(busy.length).toBeGreaterThan(0);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      for (const r of busy) {
        expect(r.headers.get('retry-after')).toBe('1');
        expect((await r.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      }
      expect((await fetch(`${narrow.url}/health`)).status).toBe(200);
    } finally {
      await narrow.stop();
    }
  });

  it('leaves the database exactly as it was', async () => {
    expect(await databaseChecksum(driver)).toEqual(before);
  });
});
