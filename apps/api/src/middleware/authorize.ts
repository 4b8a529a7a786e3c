import { type Action, can, type Person } from '@accord/domain';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';

/** The rule a route is guarded by, readable from the route table (the role × action test walks it). */
export type RouteRule = { action: Action } | { public: string };
export type RuledMiddleware = MiddlewareHandler<AppEnv> & { rule: RouteRule };

const withRule = (handler: MiddlewareHandler<AppEnv>, rule: RouteRule): RuledMiddleware =>
  Object.assign(handler, { rule });

/** Lets the request through only if the signed-in person's roles allow `action` (the matrix in domain). */
export const authorize = (action: Action): RuledMiddleware =>
  withRule(
    createMiddleware<AppEnv>(async (c, next) => {
      const person = c.get('person');
      if (!person) return c.json(errorBody('unauthenticated', 'Please sign in'), 401);
      if (!can(person.roles, action))
        return c.json(errorBody('forbidden', `Your role does not allow ${action}`), 403);
      await next();
    }),
    { action },
  );

/** Marks a route that anyone may call, and says why; it still validates its input. */
export const publicRoute = (reason: string): RuledMiddleware =>
  withRule(
    createMiddleware<AppEnv>(async (_c, next) => {
      await next();
    }),
    { public: reason },
  );

/** The signed-in person, in a handler behind `authorize` (which has already refused anyone else). */
export const signedIn = (c: Context<AppEnv>): Person => {
  const person = c.get('person');
  if (!person) throw new HTTPException(401, { message: 'Please sign in' });
  return person;
};
