import { type Action, can, type Person } from '@accord/domain';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';

/** Lets the request through only if the signed-in person's roles allow `action` (the matrix in domain). */
export const authorize = (action: Action) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const person = c.var.person;
    if (!person) return c.json(errorBody('unauthenticated', 'Please sign in'), 401);
    if (!can(person.roles, action))
      return c.json(errorBody('forbidden', `Your role does not allow ${action}`), 403);
    await next();
  });

/** The signed-in person, in a handler behind `authorize` (which has already refused anyone else). */
export const signedIn = (c: Context<AppEnv>): Person => {
  const person = c.var.person;
  if (!person) throw new HTTPException(401, { message: 'Please sign in' });
  return person;
};
