import type { RequestHandler } from 'express';

/** Seconds a refused client should wait before trying again. */
const RETRY_AFTER_SECONDS = 1;

/**
 * At most `limit` requests at once; the next get 503 with Retry-After straight away, rather than
 * joining a queue whose wait nobody bounds. A request counts until its response is finished or
 * its connection closes.
 */
export function backPressure(limit: number): RequestHandler & { inFlight(): number } {
  let inFlight = 0;
  const handler: RequestHandler = (req, res, next) => {
    if (inFlight >= limit) {
      const type = req.accepts(['application/json', 'application/graphql-response+json']) || 'application/json';
      res
        .status(503)
        .set('Retry-After', String(RETRY_AFTER_SECONDS))
        .type(`${type}; charset=utf-8`)
        .send(
          JSON.stringify({
            errors: [
              {
                message: `The server is busy (${limit} requests in progress); retry in ${RETRY_AFTER_SECONDS} s.`,
                extensions: { code: 'SERVICE_UNAVAILABLE' },
              },
            ],
          }),
        );
      return;
    }
    inFlight += 1;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      inFlight -= 1;
    };
    res.once('finish', finish);
    res.once('close', finish);
    next();
  };
  return Object.assign(handler, { inFlight: () => inFlight });
}
