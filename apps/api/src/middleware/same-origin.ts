import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated writes must come from the dashboard itself: a browser always sends
 * Origin on cross-site writes, so a foreign Origin is refused. (JSON bodies are required by the
 * validators, which a plain HTML form cannot send.)
 */
export const sameOrigin = (publicOrigin?: string) =>
  createMiddleware<AppEnv>(async (c, next) => {
    if (!SAFE.has(c.req.method)) {
      const origin = c.req.header('origin');
      if (origin && origin !== (publicOrigin ?? new URL(c.req.url).origin)) {
        return c.json(errorBody('forbidden', 'Cross-site requests are not accepted'), 403);
      }
    }
    await next();
  });
