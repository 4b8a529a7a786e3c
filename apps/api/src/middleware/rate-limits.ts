import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';

export interface RateLimits {
  /** Sign-in attempts a minute from one address. */
  signInPerMinute: number;
  /** Webhook calls a minute from one address (Telegram sends in bursts). */
  webhookPerMinute: number;
  /** Writes a minute by one signed-in person (or one address). */
  writesPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerMinute: 10,
  webhookPerMinute: 6_000,
  writesPerMinute: 120,
};

/** The caller's address; requests made in-process (tests) have no socket and share one key. */
const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
};

const limiter = (limit: number, key: (c: Context<AppEnv>) => string) =>
  rateLimiter<AppEnv>({
    windowMs: 60_000,
    limit,
    // The limit is said on the refusal only (Retry-After): a header on every allowed request makes
    // @hono/node-server build a web `Headers` for it (see http-server.ts).
    standardHeaders: false,
    keyGenerator: key,
    handler: (c) => {
      const reset = c.get('rateLimit')?.resetTime?.getTime();
      const seconds = reset === undefined ? 60 : Math.max(1, Math.ceil((reset - Date.now()) / 1000));
      return c.json(errorBody('rate_limited', 'Too many requests; try again in a minute'), 429, {
        'Retry-After': String(seconds),
      });
    },
  });

/** Counters are per process and in memory: enough for one instance; a shared store comes with several. */
export const createRateLimits = (limits: RateLimits) => ({
  signIn: limiter(limits.signInPerMinute, (c) => `sign-in:${clientAddress(c)}`),
  webhook: limiter(limits.webhookPerMinute, (c) => `webhook:${clientAddress(c)}`),
  writes: limiter(limits.writesPerMinute, (c) => {
    const person = c.get('person');
    return `writes:${person ? `p${person.id}` : clientAddress(c)}`;
  }),
});
