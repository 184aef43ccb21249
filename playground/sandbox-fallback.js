// Loaded by the /graphql landing page right after Apollo Sandbox's script, which comes from
// Apollo's CDN. When that script could not load (offline, or a network that blocks the CDN),
// open GraphiQL instead: it is served by this server and needs nothing from outside.
if (typeof window.EmbeddedSandbox === 'undefined') {
  const target = new URL('/graphiql', location.href);
  for (const p of document.querySelectorAll('.fallback p')) {
    p.textContent = 'Apollo Sandbox loads from Apollo’s CDN, which cannot be reached. Opening GraphiQL, served by this server, instead…';
  }
  location.replace(target.href);
}
