// The page's only data source: the GraphQL API of the same server.

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

/** POSTs one operation. Apollo's CSRF prevention requires the JSON content type. */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached.');
  }
  const body = await response.json().catch(() => null);
  if (body?.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join(' '), body.errors[0].extensions?.code);
  }
  if (!response.ok || !body?.data) throw new ApiError(`The server answered ${response.status}.`);
  return body.data;
}

const SOURCE = 'file line section text';

export async function suggest(text, kinds) {
  const data = await gql(
    'query Suggest($q: String!, $kinds: [Kind!]) { search(query: $q, kinds: $kinds, first: 8) { name kind node { id } } }',
    { q: text, kinds },
  );
  return data.search;
}

export async function lineage(name, direction, maxDepth, types) {
  const data = await gql(
    `query Lineage($name: String!, $direction: Direction!, $maxDepth: Int!, $types: [RelationType!]) {
      lineage(name: $name, direction: $direction, maxDepth: $maxDepth, types: $types) {
        root { id name }
        nodes { id name kind depth }
        edges { id type source target derivedFrom sources { ${SOURCE} } derivation { kinds } }
        omitted
      }
    }`,
    { name, direction, maxDepth, types },
  );
  return data.lineage;
}

/**
 * Outgoing relations of the given types for many nodes in one request (one aliased field per
 * node), without provenance, which is fetched when a relation is clicked: it keeps the request
 * well inside the API's cost budget for a view of a couple of hundred nodes.
 */
export async function attachments(ids, types) {
  if (!ids.length || !types.length) return [];
  const params = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = ids
    .map((_, i) => `n${i}: node(id: $i${i}) { relations(direction: OUTGOING, types: $types) { id type derivedFrom source { id } target { id name kind } } }`)
    .join('\n');
  const variables = { types };
  ids.forEach((id, i) => { variables[`i${i}`] = id; });
  const data = await gql(`query Attachments($types: [RelationType!], ${params}) {\n${fields}\n}`, variables);
  return ids.flatMap((_, i) => data[`n${i}`]?.relations ?? []);
}

/** Ids of the nodes related to each given node by the given types, either way: `Map<id, id[]>`. */
export async function neighbourIds(ids, types) {
  if (!ids.length) return new Map();
  const params = ids.map((_, i) => `$i${i}: ID!`).join(', ');
  const fields = ids
    .map((_, i) => `n${i}: node(id: $i${i}) { relations(direction: BOTH, types: $types) { source { id } target { id } } }`)
    .join('\n');
  const variables = { types };
  ids.forEach((id, i) => { variables[`i${i}`] = id; });
  const data = await gql(`query Neighbours($types: [RelationType!], ${params}) {\n${fields}\n}`, variables);
  return new Map(
    ids.map((id, i) => [id, (data[`n${i}`]?.relations ?? []).map((r) => (r.source.id === id ? r.target.id : r.source.id))]),
  );
}

export async function shortestPath(from, to, types) {
  const data = await gql(
    `query Path($from: String!, $to: String!, $types: [RelationType!]) {
      path(from: $from, to: $to, types: $types) {
        nodes { id name kind }
        edges { id type source target derivedFrom sources { ${SOURCE} } derivation { kinds } }
        length
      }
    }`,
    { from, to, types },
  );
  return data.path;
}

export async function nodeDetails(id) {
  const data = await gql(
    `query Details($id: ID!) {
      node(id: $id) {
        id name kind aliases
        firstSeen { source date commit }
        sources { file line section derivedFrom column text }
        ... on Model { url mainFeature languages { name } licenses { name } }
        ... on Organization { url organizationKind }
        ... on Dataset { url mainFeature }
        ... on Method { url mainFeature }
        ... on Paper { url arxivId }
        ... on Entity { url mainFeature }
      }
    }`,
    { id },
  );
  return data.node;
}

/**
 * Provenance of one relation, and for BASED_ON how the model was made with the words that say
 * so, looked up among its source node's outgoing relations.
 */
export async function relationDetails(sourceId, type, relationId) {
  const data = await gql(
    `query RelationDetails($id: ID!, $types: [RelationType!]) {
      node(id: $id) { relations(direction: OUTGOING, types: $types) {
        id sources { ${SOURCE} } derivation { kinds methods evidence { kind words source line from } }
      } }
    }`,
    { id: sourceId, types: [type] },
  );
  const relation = data.node?.relations.find((r) => r.id === relationId);
  return { sources: relation?.sources ?? [], derivation: relation?.derivation ?? null };
}

const REF = 'id name kind';

/**
 * A model's relatives grouped by relation, for the hub in the details panel: what is built on
 * it (directly, and every descendant, each also counted by how it was made), its size variants,
 * what it is built on, who made it, its datasets, methods and papers. One request; the lists
 * are as long as the lists state.
 */
export async function relatives(id) {
  const data = await gql(
    `query Relatives($id: ID!) {
      node(id: $id) {
        ... on Model {
          derivativeLinks { model { ${REF} } derivation { kinds } } baseLinks { model { ${REF} } derivation { kinds } }
          derivativeKinds { kind count } descendantKinds { kind count }
          variants { ${REF} } variantOf { ${REF} }
          descendants(maxDepth: 10) { depth model { ${REF} } }
          contributors { ${REF} } datasets { ${REF} } methods { ${REF} } papers { ${REF} }
        }
      }
    }`,
    { id },
  );
  const node = data.node;
  if (!node) return node;
  // Bases and derivatives as the other groups' items, each with how it was made.
  const models = (links) => links.map((l) => ({ ...l.model, kinds: l.derivation.kinds }));
  return { ...node, derivatives: models(node.derivativeLinks), basedOn: models(node.baseLinks) };
}
