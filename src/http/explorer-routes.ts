import { Router } from 'express';

/** The lineage explorer page and its assets (see explorer/). */
export function explorerRoutes(): Router {
  return Router();
}
