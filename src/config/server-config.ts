/** Server settings, all from the environment, validated once at start-up. */
export interface ServerConfig {
  port: number;
  host: string;
  production: boolean;
  introspection: boolean;
  /** Allowed CORS origins; `['*']` allows any. */
  corsOrigins: string[];
  limits: Limits;
  /** Error responses carry stack traces (for debugging only; never in production). */
  debugErrors: boolean;
  /** Requests handled at once; past this, new ones get 503 with Retry-After. */
  maxInFlight: number;
  /** How long `/ready` waits for its read of the database. */
  readyTimeoutMs: number;
  /** Memory for answers kept per generation (src/graphql/plugins/response-cache.ts); 0 keeps none. */
  responseCacheBytes: number;
}

export interface Limits {
  /** Deepest selection nesting a query may have. */
  maxQueryDepth: number;
  /** Largest `maxDepth` a lineage walk may ask for. */
  maxLineageDepth: number;
  /** Largest `first` of any list or page. */
  maxPageSize: number;
  /** Most nodes one lineage graph may hold (`lineage(maxNodes)`); a hub's graph keeps the nearest and says how many it left out. */
  maxLineageNodes: number;
  /** Largest estimated cost of one operation (see src/graphql/limits/cost-table.ts). */
  maxQueryCost: number;
  /** Most aliases an operation may use (`a1: export … a2: export …`). */
  maxAliases: number;
  /** Most directives an operation may carry. */
  maxDirectives: number;
  /** Most lexical tokens a document may have; the parser stops at this many. */
  maxTokens: number;
  /** Largest serialised response; a bigger one is replaced by an error. */
  maxResponseBytes: number;
  /** Neo4j transaction timeout for one Cypher query. */
  cypherTimeoutMs: number;
}

/** A setting with a value it cannot take; the message names the setting, what it takes and what it got. */
export class SettingError extends Error {
  override name = 'SettingError';
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new SettingError(`${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return value;
}

function bool(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new SettingError(`${name} must be true or false (got ${JSON.stringify(raw)})`);
}

export function serverConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  return {
    port: int(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    production,
    // The API is public and read-only, and its schema is its documentation: on unless turned off.
    introspection: bool(env, 'INTROSPECTION', true),
    corsOrigins: (env.CORS_ORIGINS ?? '*')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    limits: {
      maxQueryDepth: int(env, 'MAX_QUERY_DEPTH', 12),
      maxLineageDepth: int(env, 'MAX_LINEAGE_DEPTH', 10, 1, 50),
      maxPageSize: int(env, 'MAX_PAGE_SIZE', 100),
      maxLineageNodes: int(env, 'MAX_LINEAGE_NODES', 2_000),
      maxQueryCost: int(env, 'MAX_QUERY_COST', 50_000),
      maxAliases: int(env, 'MAX_ALIASES', 250, 0),
      maxDirectives: int(env, 'MAX_DIRECTIVES', 50, 0),
      maxTokens: int(env, 'MAX_TOKENS', 20_000, 200),
      maxResponseBytes: int(env, 'MAX_RESPONSE_BYTES', 10_000_000, 1_000),
      cypherTimeoutMs: int(env, 'CYPHER_TIMEOUT_MS', 10_000),
    },
    debugErrors: bool(env, 'DEBUG_ERRORS', false),
    maxInFlight: int(env, 'MAX_IN_FLIGHT', 32),
    readyTimeoutMs: int(env, 'READY_TIMEOUT_MS', 2_000, 100),
    responseCacheBytes: int(env, 'RESPONSE_CACHE_MB', 64, 0, 65_536) * 1_000_000,
  };
}
