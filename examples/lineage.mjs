#!/usr/bin/env node
// A model's lineage from the llm-lineage GraphQL API, with Node's built-in fetch (Node 18+).
//
//   node examples/lineage.mjs [URL] [MODEL]
//
// URL defaults to $LLM_LINEAGE_URL, then http://localhost:4000/graphql; MODEL defaults to Vicuna.
// Ancestors are fetched with POST, descendants with GET, then the node-link export is downloaded.

const URL_ = process.argv[2] ?? process.env.LLM_LINEAGE_URL ?? 'http://localhost:4000/graphql';
const NAME = process.argv[3] ?? 'Vicuna';

const LINEAGE = `
query Lineage($name: String!, $direction: Direction!, $maxDepth: Int) {
  lineage(name: $name, direction: $direction, maxDepth: $maxDepth) {
    root { id name }
    nodes { id name depth }
    edges { type source target }
    omitted
  }
}`;
const ACCEPT = 'application/graphql-response+json, application/json';

function fail(message) {
  console.error(message);
  process.exit(1);
}

/** fetch, but a server that is not there is one line saying so, not a stack trace. */
async function request(url, init) {
  try {
    return await fetch(url, init);
  } catch (error) {
    const reason = error.cause?.code === 'ECONNREFUSED' ? 'connection refused' : (error.cause?.code ?? error.message);
    return fail(`cannot reach the llm-lineage server at ${URL_} (${reason}): start it with \`npm start\``);
  }
}

async function send(url, init) {
  const response = await request(url, init);
  // GraphQL errors can come with a 4xx status and still have a JSON body.
  const body = await response.json().catch(() => fail(`HTTP ${response.status} from ${url}`));
  if (body.errors?.length) fail(`GraphQL error: ${body.errors.map((e) => e.message).join('; ')}`);
  return body.data;
}

/** POST: the usual way to send a GraphQL request. */
function post(query, variables) {
  return send(URL_, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: ACCEPT },
    body: JSON.stringify({ query, variables }),
  });
}

/**
 * GET works for queries (cacheable URLs). The server's CSRF prevention asks for a header that a
 * browser could only send after a CORS preflight: apollo-require-preflight.
 */
function get(query, variables) {
  const url = new URL(URL_);
  url.searchParams.set('query', query);
  url.searchParams.set('variables', JSON.stringify(variables));
  return send(url, { headers: { accept: ACCEPT, 'apollo-require-preflight': 'true' } });
}

/** One row per reached model: the relation that links it to the previous hop. */
function rows(lineage, direction) {
  const depth = new Map(lineage.nodes.map((n) => [n.id, n.depth]));
  return lineage.nodes
    .filter((n) => n.depth > 0)
    .sort((a, b) => a.depth - b.depth || a.name.localeCompare(b.name))
    .map((n) => {
      const edge = lineage.edges.find(
        (e) =>
          (e.source === n.id && depth.get(e.target) === n.depth - 1) ||
          (e.target === n.id && depth.get(e.source) === n.depth - 1),
      );
      return { name: n.name, relation: edge?.type ?? '?', depth: n.depth, direction };
    });
}

const { lineage: ancestors } = await post(LINEAGE, { name: NAME, direction: 'ANCESTORS', maxDepth: 5 });
const { lineage: descendants } = await get(LINEAGE, { name: NAME, direction: 'DESCENDANTS', maxDepth: 2 });

console.log(`Lineage of ${ancestors.root.name} (${ancestors.root.id})`);
console.log(`${'name'.padEnd(32)} ${'relation'.padEnd(12)} ${'depth'.padStart(5)}  direction`);
for (const r of [...rows(ancestors, 'ancestor'), ...rows(descendants, 'descendant')]) {
  console.log(`${r.name.padEnd(32)} ${r.relation.padEnd(12)} ${String(r.depth).padStart(5)}  ${r.direction}`);
}
// console.table(rows(ancestors, 'ancestor')) is handy in a notebook too.

// The node-link export (the same subgraph as a plain download), e.g. for D3's force layout.
const exportUrl = new URL('/export', URL_);
exportUrl.searchParams.set('format', 'node-link');
exportUrl.searchParams.set('name', NAME);
const data = await (await request(exportUrl)).json();
console.log(`node-link export: ${data.nodes.length} nodes, ${data.links.length} links`);
