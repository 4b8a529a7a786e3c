import { createLogger } from '@accord/bot';
import { type Database, type Kysely, openTestDatabase } from '@accord/db';
import { seedDemoPeople, seedReference } from '@accord/seeds';
import { createApp } from './app';
import type { AppDeps } from './env';

/** A fresh app on an in-memory database with the demo commission, and a way to sign in as anyone in it. */
export async function createTestApp(overrides: Partial<AppDeps> = {}) {
  const db: Kysely<Database> = await openTestDatabase();
  const now = '2027-02-01T09:00:00.000Z';
  await seedReference(db, now);
  await seedDemoPeople(db, now, { linkSandboxTelegram: true });
  const app = createApp({
    db,
    clock: () => new Date(now),
    logger: createLogger('silent', 'test'),
    sandboxMode: true,
    botUsername: 'accord_test_bot',
    secureCookies: false,
    ...overrides,
  });
  const personId = async (seedKey: string) =>
    (await db.selectFrom('people').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id;

  /** Signs in as a seeded person (by seed key) and returns the cookie header to send. */
  async function signIn(seedKey: string): Promise<string> {
    const res = await app.request('/api/session/dev-login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: await personId(seedKey) }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }

  const call = (cookie: string | null, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  return { app, db, now, signIn, call, personId };
}

export const meetingBody = {
  kind: 'regular',
  title: 'Regular session <b>&</b>',
  startsLocal: '2027-03-15T10:00',
  endsLocal: '2027-03-15T13:00',
  timeZone: 'Europe/Moscow',
  place: 'Moscow',
  link: '',
  agenda: ['Opening', 'Program progress'],
};
