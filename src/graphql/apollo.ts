import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import type { ServerConfig } from '../config/server-config.js';
import type { Context } from './context.js';
import { errorFormatter } from './errors.js';
import { documentRules } from './limits/document-rules.js';
import { limitsPlugin } from './limits/limits-plugin.js';
import { responseSizeLimit } from './limits/response-size.js';
import { sandboxWithGraphiQLFallback } from './plugins/landing-page.js';
import { legacyJsonStatusPlugin } from './plugins/legacy-json-status.js';
import { responseCachePlugin } from './plugins/response-cache.js';
import { buildSchema } from './schema.js';

/**
 * Execution only: schema, limits and landing page (Apollo Sandbox, falling back to our
 * GraphiQL). The HTTP transport around it lives in src/http. CSRF prevention and automatic
 * persisted queries are Apollo Server defaults and stay on; batched requests stay off (Apollo's
 * default). Stack traces only with DEBUG_ERRORS.
 */
export function createApollo(config: ServerConfig, extraPlugins: ApolloServerPlugin<Context>[] = []): ApolloServer<Context> {
  const responseSize = responseSizeLimit(config.limits.maxResponseBytes);
  return new ApolloServer<Context>({
    schema: buildSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.debugErrors,
    formatError: errorFormatter(config.debugErrors),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // graphql-js stops parsing at this many tokens, before building anything of the document.
    parseOptions: { maxTokens: config.limits.maxTokens },
    validationRules: documentRules(config.limits),
    stringifyResult: responseSize.stringifyResult,
    plugins: [
      limitsPlugin(config.limits),
      responseSize.plugin, // before legacyJsonStatusPlugin, which reads the status it sets
      legacyJsonStatusPlugin,
      sandboxWithGraphiQLFallback<Context>(),
      // The API sets no cache hints; Apollo's default cache-control plugin would still run a hook on every field.
      ApolloServerPluginCacheControlDisabled(),
      // After responseSize: an answer it replaces with an error is not kept.
      ...(config.responseCacheBytes > 0 ? [responseCachePlugin(config.responseCacheBytes)] : []),
      ...extraPlugins,
    ],
  });
}
