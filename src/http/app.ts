import http from 'node:http';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Driver } from 'neo4j-driver';
import type { ServerConfig } from '../config/server-config.js';
import { createApollo } from '../graphql/apollo.js';
import { createContext } from '../graphql/context.js';
import { DatabaseHealth } from '../neo4j/health.js';
import { CurrentGeneration } from '../queries/current-generation.js';
import { backPressure } from './back-pressure.js';
import { exportRoute } from './export-route.js';
import { healthRoutes } from './health-routes.js';
import { explorerRoutes } from './explorer-routes.js';
import { playgroundRoutes } from './playground-routes.js';

export interface AppDeps {
  driver: Driver;
  config: ServerConfig;
  database?: string;
  /** Probes the database; made here (and stopped with the app) when not given. */
  health?: DatabaseHealth;
  /** The shared reader of the current generation; made here when not given. */
  current?: CurrentGeneration;
}

export interface App {
  app: Express;
  httpServer: http.Server;
  /** Stops accepting requests and drains those in flight. */
  stop(): Promise<void>;
}

/** The HTTP transport: GraphQL at /graphql, export, health, readiness, the explorer and GraphiQL. */
export async function createApp(deps: AppDeps): Promise<App> {
  const app = express();
  const httpServer = http.createServer(app);
  // A client that trickles its headers or body is cut off rather than holding a socket forever.
  httpServer.headersTimeout = 10_000;
  httpServer.requestTimeout = 60_000;
  const apollo = createApollo(deps.config, [ApolloServerPluginDrainHttpServer({ httpServer })]);
  await apollo.start();
  const ownHealth = !deps.health;
  const health = deps.health ?? new DatabaseHealth(deps.driver, { database: deps.database });
  health.start();
  // One reader of the current generation for all requests: concurrent requests share its reads.
  const current = deps.current ?? new CurrentGeneration(deps.driver, { database: deps.database, timeoutMs: deps.config.limits.cypherTimeoutMs, health });
  const withHealth: AppDeps = { ...deps, health, current };

  const origin = deps.config.corsOrigins.includes('*') ? true : deps.config.corsOrigins;
  app.disable('x-powered-by');
  app.use(cors({ origin }));
  app.use(healthRoutes(health, deps.config.readyTimeoutMs));
  const limit = backPressure(deps.config.maxInFlight);
  app.use(['/graphql', '/export'], limit);
  app.use(exportRoute(withHealth));
  app.use(explorerRoutes());
  app.use(playgroundRoutes());
  app.get('/', (_req, res) => res.redirect('/graphql'));
  app.use(
    '/graphql',
    readStateOnArrival(current),
    express.json({ limit: '1mb' }),
    bodyErrorsAsGraphQL,
    expressMiddleware(apollo, {
      context: async ({ res }) => createContext(deps.driver, deps.config.limits, deps.database, health, current, res.locals.storeState),
    }),
  );

  return {
    app,
    httpServer,
    stop: async () => {
      if (ownHealth) health.stop();
      await apollo.stop();
    },
  };
}

/**
 * Starts the request's read of the store's state as it arrives, so that the read's round trip
 * overlaps reading the body and Apollo's parse, validation and cost check instead of following
 * them: a request answered from the response cache waits for nothing else. Only for what may be
 * an operation (a POST, or a GET with a query), not the landing page. Started after the request
 * arrived, so it sees every load switched before that.
 */
function readStateOnArrival(current: CurrentGeneration): RequestHandler {
  return (req, res, next) => {
    if (req.method === 'POST' || (req.method === 'GET' && typeof req.query.query === 'string')) {
      const state = current.read();
      state.catch(() => {}); // the request may be refused before anything asks for it; then it fails on its own
      res.locals.storeState = state;
    }
    next();
  };
}

/**
 * A request body that express.json cannot read (malformed JSON, too large, unsupported charset)
 * gets the 4xx status body-parser chose and a GraphQL-shaped JSON error, in the media type the
 * client accepts, as the GraphQL-over-HTTP spec asks, rather than Express's HTML error page.
 */
const bodyErrorsAsGraphQL: ErrorRequestHandler = (err, req, res, next) => {
  const status = (err as { status?: unknown }).status;
  if (typeof err?.type !== 'string' || typeof status !== 'number' || status < 400 || status > 499) return next(err);
  const type = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
  const reason = err.type === 'entity.parse.failed' ? 'Request body is not valid JSON' : (err as Error).message;
  res
    .status(status)
    .type(`${type}; charset=utf-8`)
    .send(JSON.stringify({ errors: [{ message: reason, extensions: { code: 'BAD_REQUEST' } }] }));
};
