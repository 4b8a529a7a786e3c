import { findLiveSession, findPersonById, getCommissionOrThrow, touchSession } from '@accord/db';
import { addMilliseconds, effectiveRoles, SESSION_IDLE_MS } from '@accord/domain';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppDeps, AppEnv } from '../env';
import { type CachedSession, SessionCache } from './session-cache';

export const SESSION_COOKIE = 'accord_session';
const SESSION_TOUCH_EVERY_MS = 60_000;
/** Writes that can change who is signed in or what they may do: the cache is emptied after them. */
const CHANGES_AUTHORITY = /^\/api\/(people|commission|session)(\/|$)/;

async function lookUp(deps: AppDeps, token: string, now: string): Promise<CachedSession | undefined> {
  const { db } = deps;
  const session = await findLiveSession(db, token, now);
  const person = session && (await findPersonById(db, session.person_id));
  if (!session || !person?.active) return undefined;
  const { deputy_person_id } = await getCommissionOrThrow(db);
  return {
    person: { ...person, roles: effectiveRoles(person.id, person.roles, deputy_person_id) },
    expiresAt: session.expires_at,
    cachedAtMs: Date.parse(now),
  };
}

/** Finds the signed-in person from the session cookie; a deactivated person has no session. */
export const sessionMiddleware = (cache = new SessionCache()) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('person', undefined);
    c.set('sessionToken', undefined);
    if (token && /^[A-Za-z0-9_-]{16,64}$/.test(token)) {
      const { db, clock } = c.get('deps');
      const now = clock().toISOString();
      let signedIn = cache.get(token, Date.parse(now));
      if (!signedIn) {
        signedIn = await lookUp(c.get('deps'), token, now);
        if (signedIn) cache.set(token, signedIn);
      }
      if (signedIn && signedIn.expiresAt > now) {
        c.set('person', signedIn.person);
        c.set('sessionToken', token);
        // Sliding expiry: a session ends after SESSION_IDLE_MS without a request. Moved at most once
        // a minute, so a burst of reads does not each write to the database.
        const expiresAt = addMilliseconds(now, SESSION_IDLE_MS);
        if (Date.parse(expiresAt) - Date.parse(signedIn.expiresAt) >= SESSION_TOUCH_EVERY_MS) {
          await touchSession(db, token, now, expiresAt);
          signedIn.expiresAt = expiresAt;
        }
      }
    }
    await next();
    if (c.req.method !== 'GET' && CHANGES_AUTHORITY.test(c.req.path)) cache.clear();
  });
