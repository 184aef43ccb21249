import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { ownContentOnly } from './content-security-policy.js';

/** playground/ at the repository root: the page, and dist/, its GraphiQL bundle (playground/build.ts). */
const PAGE_DIR = fileURLToPath(new URL('../../playground/', import.meta.url));
const DIST_DIR = path.join(PAGE_DIR, 'dist');

const NOT_BUILT =
  'GraphiQL is not built yet: run `npm run build:playground` (npm start and npm test do it for you), then reload.\n';

/**
 * GraphiQL at /graphiql, its bundle under /graphiql/assets/, and the script with which the
 * /graphql landing page falls back to it when Apollo Sandbox cannot load from Apollo's CDN.
 */
export function playgroundRoutes(): Router {
  const router = Router();
  router.use('/graphiql', ownContentOnly);
  router.get(['/graphiql', '/graphiql/'], (_req, res) => {
    if (!existsSync(path.join(DIST_DIR, 'main.js'))) return res.status(503).type('text/plain').send(NOT_BUILT);
    return res.sendFile(path.join(PAGE_DIR, 'index.html'));
  });
  router.get('/graphiql/sandbox-fallback.js', (_req, res) => {
    res.sendFile(path.join(PAGE_DIR, 'sandbox-fallback.js'));
  });
  router.use('/graphiql/assets', express.static(DIST_DIR, { index: false, maxAge: '1h' }));
  return router;
}
