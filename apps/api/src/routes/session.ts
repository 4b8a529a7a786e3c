import {
  createSession,
  type Database,
  findLoginToken,
  findPersonById,
  type Kysely,
  listPeople,
  markLoginTokenUsed,
  recordAudit,
  revokeSession,
  revokeSessionsOf,
} from '@accord/db';
import {
  addMilliseconds,
  decideLogin,
  devLoginSchema,
  type LoginError,
  loginSchema,
  type Person,
  SESSION_IDLE_MS,
} from '@accord/domain';
import { type Context, Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, publicRoute, signedIn } from '../middleware/authorize';
import { SESSION_COOKIE } from '../middleware/session';
import { validate } from '../validate';

const personView = (p: Person) => ({
  id: p.id,
  name: p.name,
  roles: p.roles,
  language: p.language,
  timeZone: p.timeZone,
});

/** Opens a session: the session row and its audit event commit together, then the cookie is set. */
async function openSession(
  c: Context<AppEnv>,
  db: Kysely<Database>,
  person: Person,
  now: string,
  method: string,
) {
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
      after: { method },
    });
    return created;
  });
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: c.get('deps').secureCookies,
    path: '/',
  });
}

const loginMessages: Record<LoginError, string> = {
  LoginUnknown: 'This sign-in link is not valid. Send /login to the bot for a new one.',
  LoginUsed: 'This sign-in link has already been used. Send /login to the bot for a new one.',
  LoginExpired:
    'This sign-in link has expired (links last 10 minutes). Send /login to the bot for a new one.',
  LoginRevoked: 'This sign-in link was withdrawn. Send /login to the bot for a new one.',
  PersonInactive: 'This account is no longer active.',
};

/** Who is signed in; sign-in by the bot's one-time link; the development sign-in (sandbox mode only); sign-out. */
export const sessionRoutes = new Hono<AppEnv>()
  .get('/', publicRoute('says whether anyone is signed in'), (c) => {
    const person = c.get('person');
    const { sandboxMode, sandboxUrl, previewMessage } = c.get('deps');
    // What the Chats page shows: the sandbox's chats, previews by the bot's renderers, or nothing.
    const chats: 'sandbox' | 'preview' | null =
      sandboxMode && sandboxUrl ? 'sandbox' : previewMessage ? 'preview' : null;
    return c.json({ person: person ? personView(person) : null, sandboxMode, chats }, 200);
  })
  .post(
    '/login',
    publicRoute('the sign-in link is the credential'),
    validate('json', loginSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const now = clock().toISOString();
      const link = await findLoginToken(db, c.req.valid('json').token);
      const person = link && (await findPersonById(db, link.personId));
      const decision = link
        ? decideLogin(link, person, now)
        : ({ ok: false, error: 'LoginUnknown' } as const);
      if (!decision.ok || !link || !person) {
        const error = decision.ok ? 'LoginUnknown' : decision.error;
        return c.json(errorBody(error, loginMessages[error]), 401);
      }
      if (!(await markLoginTokenUsed(db, link.id, now)))
        return c.json(errorBody('LoginUsed', loginMessages.LoginUsed), 401);
      await openSession(c, db, person, now, 'telegram-link');
      return c.json({ person: personView(person) }, 200);
    },
  )
  .get('/dev-people', publicRoute('the development sign-in, sandbox mode only'), async (c) => {
    if (!c.get('deps').sandboxMode)
      return c.json(errorBody('not_found', 'The development sign-in exists only in sandbox mode'), 404);
    const people = (await listPeople(c.get('deps').db)).filter((p) => p.active);
    return c.json({ people: people.map((p) => ({ id: p.id, name: p.name, roles: p.roles })) }, 200);
  })
  .post(
    '/dev-login',
    publicRoute('the development sign-in, sandbox mode only'),
    validate('json', devLoginSchema),
    async (c) => {
      const { db, clock, sandboxMode } = c.get('deps');
      if (!sandboxMode)
        return c.json(errorBody('not_found', 'The development sign-in exists only in sandbox mode'), 404);
      const person = await findPersonById(db, c.req.valid('json').personId);
      if (!person?.active) return c.json(errorBody('NotFound', 'No such active person'), 404);
      await openSession(c, db, person, clock().toISOString(), 'development');
      return c.json({ person: personView(person) }, 200);
    },
  )
  .post('/logout', publicRoute('signing out needs no role'), async (c) => {
    const { db, clock } = c.get('deps');
    const token = c.get('sessionToken');
    if (token) await revokeSession(db, token, clock().toISOString());
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true }, 200);
  })
  .post('/logout-all', authorize('session.read'), async (c) => {
    const { db, clock } = c.get('deps');
    const person = signedIn(c);
    const now = clock().toISOString();
    const ended = await db.transaction().execute(async (trx) => {
      const count = await revokeSessionsOf(trx, person.id, now);
      await recordAudit(trx, {
        at: now,
        actorPersonId: person.id,
        actorKind: 'person',
        action: 'session.sign-out-everywhere',
        recordType: 'person',
        recordId: person.id,
        after: { sessionsEnded: count },
      });
      return count;
    });
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ sessionsEnded: ended }, 200);
  });
