import type { RequestHandler } from 'express';

/**
 * The policy of every page we serve ourselves (the lineage explorer, GraphiQL): everything comes
 * from this server, so an accidental CDN link fails loudly (and in the end-to-end tests) instead
 * of silently needing the network. Inline styles are allowed because Cytoscape and Monaco set
 * them; fonts may be data: URLs because GraphiQL inlines its own; workers are our own files.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  'frame-ancestors *',
].join('; ');

export const ownContentOnly: RequestHandler = (_req, res, next) => {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  next();
};
