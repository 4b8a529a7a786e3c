import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '@accord/bot';
import { type Database, type Kysely, openTestDatabase } from '@accord/db';
import { seedDemoPeople, seedReference } from '@accord/seeds';
import { createApp } from './app';
import type { AppDeps } from './env';
import type { RateLimits } from './middleware/rate-limits';

/** A fresh app on an in-memory database with the demo commission, and a way to sign in as anyone in it. */
export async function createTestApp(overrides: Partial<AppDeps> & { rateLimits?: Partial<RateLimits> } = {}) {
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
    // Created only when a test uploads; such a test removes it.
    attachmentsDir: join(tmpdir(), `accord-test-attachments-${randomUUID()}`),
    secureCookies: false,
    rateLimits: { signInPerMinute: 1000, writesPerMinute: 1000 },
    ...overrides,
  });
  const personId = async (seedKey: string) =>
    (await db.selectFrom('people').select('id').where('seed_key', '=', seedKey).executeTakeFirstOrThrow()).id;

  /** Signs in as a person by id and returns the cookie header to send. */
  async function signInAs(id: number): Promise<string> {
    const res = await app.request('/api/session/dev-login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ personId: id }),
    });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  }
  /** Signs in as a seeded person, by seed key. */
  const signIn = async (seedKey: string) => signInAs(await personId(seedKey));

  const call = (cookie: string | null, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  return { app, db, now, signIn, signInAs, call, personId };
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
