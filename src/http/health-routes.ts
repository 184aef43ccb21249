import { Router } from 'express';
import type { Driver } from 'neo4j-driver';

/** `/health`: the process answers. `/ready`: and Neo4j answers too (for load balancers). */
export function healthRoutes(driver: Driver, database?: string): Router {
  const router = Router();
  router.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/ready', async (_req, res) => {
    try {
      await driver.verifyConnectivity({ database });
      res.json({ status: 'ready', neo4j: 'reachable' });
    } catch {
      // The driver's message can name the server; the status is all a probe needs.
      res.status(503).json({ status: 'unavailable', neo4j: 'unreachable' });
    }
  });
  return router;
}
