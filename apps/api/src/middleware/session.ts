import { findLiveSession, findPersonById, touchSession } from '@accord/db';
import { addMilliseconds } from '@accord/domain';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

export const SESSION_COOKIE = 'accord_session';
/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

/** Finds the signed-in person from the session cookie; a deactivated person has no session. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('person', undefined);
  c.set('sessionToken', undefined);
  if (token && token.length <= 128) {
    const { db, clock } = c.var.deps;
    const now = clock().toISOString();
    const session = await findLiveSession(db, token, now);
    const person = session && (await findPersonById(db, session.person_id));
    if (person?.active) {
      c.set('person', person);
      c.set('sessionToken', token);
      await touchSession(db, token, now, addMilliseconds(now, SESSION_IDLE_MS));
    }
  }
  await next();
});
