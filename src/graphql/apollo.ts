import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import type { ServerConfig } from '../config/server-config.js';
import type { Context } from './context.js';
import { limitsPlugin } from './limits/limits-plugin.js';
import { sandboxWithGraphiQLFallback } from './plugins/landing-page.js';
import { legacyJsonStatusPlugin } from './plugins/legacy-json-status.js';
import { buildSchema } from './schema.js';

/**
 * Execution only: schema, limits and landing page (Apollo Sandbox, falling back to our
 * GraphiQL). The HTTP transport around it lives in src/http. CSRF prevention and automatic persisted queries are Apollo Server defaults and stay
 * on; stack traces follow NODE_ENV.
 */
export function createApollo(config: ServerConfig, extraPlugins: ApolloServerPlugin<Context>[] = []): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    csrfPrevention: true,
    plugins: [
      limitsPlugin(config.limits),
      legacyJsonStatusPlugin,
      sandboxWithGraphiQLFallback<Context>(),
      ...extraPlugins,
    ],
  });
}
