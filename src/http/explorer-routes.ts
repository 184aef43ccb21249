import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';
import { ownContentOnly } from './content-security-policy.js';

const require = createRequire(import.meta.url);
/** explorer/ at the repository root: the page's HTML, CSS and browser modules, served as they are. */
const PAGE_DIR = fileURLToPath(new URL('../../explorer/', import.meta.url));

/** A file of an installed npm package, found the way Node finds the package (no hard-coded node_modules path). */
function packageFile(pkg: string, file: string): string {
  return path.join(path.dirname(require.resolve(pkg)), file);
}

/**
 * Browser builds of the graph libraries, served from node_modules so the page works offline and
 * never loads a script from a CDN. Classic (UMD) scripts: each extension registers itself on the
 * global `cytoscape` when loaded after it.
 */
const VENDOR: Record<string, string> = {
  'cytoscape.min.js': packageFile('cytoscape', 'cytoscape.min.js'),
  'cytoscape-dagre.min.js': packageFile('cytoscape-dagre', 'cytoscape-dagre.min.js'),
  'cytoscape-svg.js': packageFile('cytoscape-svg', 'cytoscape-svg.js'),
};

/** The lineage explorer page at /explorer and its assets under /explorer/. */
export function explorerRoutes(): Router {
  const router = Router();
  router.use('/explorer', ownContentOnly);
  router.get(['/explorer', '/explorer/'], (_req, res) => {
    res.sendFile(path.join(PAGE_DIR, 'index.html'));
  });
  router.get('/explorer/vendor/:file', (req, res, next) => {
    const file = VENDOR[req.params.file];
    if (!file) return next();
    res.type('text/javascript');
    return res.sendFile(file, { maxAge: '1h' });
  });
  router.use('/explorer', express.static(PAGE_DIR, { index: false }));
  return router;
}
