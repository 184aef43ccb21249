import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';

/** What the page says while Apollo Sandbox loads, or when it cannot. */
const FALLBACK = `<div class="fallback">
  <h1>llm-lineage GraphQL API</h1>
  <p>Loading Apollo Sandbox from Apollo's CDN… If it cannot load (offline), this page opens
  <a href="/graphiql">GraphiQL</a>, served by this server; the lineage explorer is at
  <a href="/explorer">/explorer</a>.</p>
</div>`;

/**
 * Apollo Sandbox at /graphql in a browser, as Apollo Server's local landing page draws it, with
 * a way out when its script cannot come from Apollo's CDN: the page's fallback text names
 * GraphiQL (served by us at /graphiql), and a script of ours, loaded after Sandbox's, opens it.
 * The same page in production: the API is public and read-only, its schema its documentation.
 */
export function sandboxWithGraphiQLFallback<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const sandbox = ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }) as ApolloServerPlugin<TContext>;
  return {
    async serverWillStart(service) {
      const listener = await sandbox.serverWillStart?.(service);
      if (!listener?.renderLandingPage) return listener;
      return {
        ...listener,
        async renderLandingPage() {
          const page = await listener.renderLandingPage!();
          const html = async () => withFallback(typeof page.html === 'string' ? page.html : await page.html());
          return { html };
        },
      };
    },
  };
}

export function withFallback(html: string): string {
  const replaced = html.replace(/<div class="fallback">[\s\S]*?<\/div>/, FALLBACK);
  return replaced.replace('</body>', '  <script src="/graphiql/sandbox-fallback.js"></script>\n  </body>');
}
