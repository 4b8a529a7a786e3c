import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorBody } from '../errors';

/**
 * Refuses a body over `maxSize` with 413. A request that declares its length is judged by the
 * header (Node's parser holds the body to it) without touching the body: reaching for it makes
 * @hono/node-server build a full web Request and stream the body through it, which costs more
 * than a small request's whole work, where `c.req.json()` alone reads it straight from the
 * socket. Only a chunked body is counted as it arrives, by Hono's own middleware.
 */
export function limitBody(maxSize: number, message: string): MiddlewareHandler {
  const tooLarge = (c: Parameters<MiddlewareHandler>[0]) =>
    c.json(errorBody('payload_too_large', message), 413);
  const counted = bodyLimit({ maxSize, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next);
    if (Number(length) > maxSize) return tooLarge(c);
    return next();
  };
}
