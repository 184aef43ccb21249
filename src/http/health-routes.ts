import { Router } from 'express';
import type { DatabaseHealth } from '../neo4j/health.js';

/**
 * `/health`: the process answers. `/ready`: and the database answers a real read within
 * `timeoutMs` (for load balancers): a stopped, frozen or panicked Neo4j is not ready.
 */
export function healthRoutes(health: DatabaseHealth, timeoutMs: number): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    const probe = await health.check(timeoutMs);
    res.set('Cache-Control', 'no-store');
    if (probe.ok) {
      res.json({ status: 'ready', neo4j: 'answering' });
    } else {
      // The driver's message can name the server; the status is all a probe needs.
      res.status(503).set('Retry-After', '5').json({ status: 'unavailable', neo4j: 'not answering' });
    }
  });
  return router;
}
