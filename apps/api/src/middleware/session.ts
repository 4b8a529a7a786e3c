import { findLiveSession, findPersonById, getCommissionOrThrow, touchSession } from '@accord/db';
import { addMilliseconds, effectiveRoles, SESSION_IDLE_MS } from '@accord/domain';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env';

export const SESSION_COOKIE = 'accord_session';
const SESSION_TOUCH_EVERY_MS = 60_000;

/** Finds the signed-in person from the session cookie; a deactivated person has no session. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  c.set('person', undefined);
  c.set('sessionToken', undefined);
  if (token && /^[A-Za-z0-9_-]{16,64}$/.test(token)) {
    const { db, clock } = c.var.deps;
    const now = clock().toISOString();
    const session = await findLiveSession(db, token, now);
    const person = session && (await findPersonById(db, session.person_id));
    if (session && person?.active) {
      const { deputy_person_id } = await getCommissionOrThrow(db);
      c.set('person', { ...person, roles: effectiveRoles(person.id, person.roles, deputy_person_id) });
      c.set('sessionToken', token);
      // Sliding expiry: a session ends after SESSION_IDLE_MS without a request. Moved at most once a
      // minute, so a burst of reads does not each write to the database.
      const expiresAt = addMilliseconds(now, SESSION_IDLE_MS);
      if (Date.parse(expiresAt) - Date.parse(session.expires_at) >= SESSION_TOUCH_EVERY_MS)
        await touchSession(db, token, now, expiresAt);
    }
  }
  await next();
});
