import { createSession, findPersonById, listPeople, recordAudit, revokeSession } from '@accord/db';
import { addMilliseconds, devLoginSchema } from '@accord/domain';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { SESSION_COOKIE, SESSION_IDLE_MS } from '../middleware/session';
import { validate } from '../validate';

/** Who is signed in, the development sign-in (sandbox mode only) and sign-out. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/', (c) => {
    const person = c.var.person;
    return c.json(
      {
        person: person
          ? {
              id: person.id,
              name: person.name,
              roles: person.roles,
              language: person.language,
              timeZone: person.timeZone,
            }
          : null,
        sandboxMode: c.var.deps.sandboxMode,
      },
      200,
    );
  })
  .get('/dev-people', async (c) => {
    if (!c.var.deps.sandboxMode)
      return c.json(errorBody('not_found', 'The development sign-in exists only in sandbox mode'), 404);
    const people = (await listPeople(c.var.deps.db)).filter((p) => p.active);
    return c.json({ people: people.map((p) => ({ id: p.id, name: p.name, roles: p.roles })) }, 200);
  })
  .post('/dev-login', validate('json', devLoginSchema), async (c) => {
    const { db, clock, sandboxMode, secureCookies } = c.var.deps;
    if (!sandboxMode)
      return c.json(errorBody('not_found', 'The development sign-in exists only in sandbox mode'), 404);
    const person = await findPersonById(db, c.req.valid('json').personId);
    if (!person?.active) return c.json(errorBody('NotFound', 'No such active person'), 404);
    const now = clock().toISOString();
    const token = await db.transaction().execute(async (trx) => {
      const created = await createSession(trx, {
        personId: person.id,
        now,
        expiresAt: addMilliseconds(now, SESSION_IDLE_MS),
      });
      await recordAudit(trx, {
        at: now,
        actorPersonId: person.id,
        actorKind: 'person',
        action: 'session.sign-in',
        recordType: 'person',
        recordId: person.id,
        after: { method: 'development' },
      });
      return created;
    });
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: secureCookies,
      path: '/',
    });
    return c.json(
      {
        person: {
          id: person.id,
          name: person.name,
          roles: person.roles,
          language: person.language,
          timeZone: person.timeZone,
        },
      },
      200,
    );
  })
  .post('/logout', async (c) => {
    const { db, clock } = c.var.deps;
    const token = c.var.sessionToken;
    if (token) await revokeSession(db, token, clock().toISOString());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true }, 200);
  });
