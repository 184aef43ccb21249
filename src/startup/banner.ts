const EXAMPLE = `{ model(name: "vicuna") { name basedOn { name } contributors { name } derivatives { name } } }`;

/** What `npm start` prints on stdout once it serves: where each way in is, and a query to try. */
export function banner(base: string): string {
  return [
    `llm-lineage GraphQL API: ${base}/graphql`,
    `  Apollo Sandbox  ${base}/graphql   (in a browser; loads from Apollo's CDN)`,
    `  GraphiQL        ${base}/graphiql  (served by this server, works offline)`,
    `  Explorer        ${base}/explorer`,
    `  Export          ${base}/export?format=csv&table=models`,
    `Try this query in either playground:`,
    `  ${EXAMPLE}`,
    `or from a shell:`,
    `  curl -s ${base}/graphql -H 'content-type: application/json' -d '${JSON.stringify({ query: EXAMPLE })}'`,
    `  npx llm-lineage lineage Vicuna --url ${base}`,
  ].join('\n');
}
