import { ROLES } from '@accord/domain';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_FILE_BYTES } from '../app';
import { createTestApp, meetingBody } from '../test-app';
import { MAX_UPLOAD_BODY_BYTES } from './draft-attachments';

let t: Awaited<ReturnType<typeof createTestApp>>;
let cookie: string;

/** Every table that holds an official record; sessions aside (their last-seen time moves by design). */
const RECORD_TABLES = [
  'meetings',
  'agenda_items',
  'rsvps',
  'people',
  'representations',
  'invite_tokens',
  'login_tokens',
  'outbox',
  'audit_events',
  'commission',
  'scheduled_tasks',
  'member_states',
  'drafts',
  'ballots',
  'votes',
  'programs',
  'activities',
  'milestones',
  'decisions',
  'government_responses',
  'reports',
  'report_versions',
  'sign_offs',
  'report_submissions',
] as const;
const snapshot = async () => {
  const parts: string[] = [];
  for (const table of RECORD_TABLES)
    parts.push(JSON.stringify((await sql`select * from ${sql.table(table)} order by 1`.execute(t.db)).rows));
  return parts.join('\n');
};

beforeAll(async () => {
  // Every route gets many writes from one person here: the per-person write limit is not what is tested.
  t = await createTestApp({ rateLimits: { signInPerMinute: 1000, writesPerMinute: 100_000 } });
  const { id } = await t.db
    .insertInto('people')
    .values({
      name: 'Everyone at once',
      roles: JSON.stringify(ROLES.filter((r) => r !== 'deputy')),
      language: 'en',
      time_zone: 'UTC',
      created_at: t.now,
      updated_at: t.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  cookie = await t.signInAs(id);
  const secretary = await t.signIn('secretary');
  await t.call(secretary, 'POST', '/api/meetings', meetingBody);
});
afterAll(() => t.db.destroy());

/** The routes to attack; signing out and asking for a calendar address are left out: they take no input at all. */
const routes = () =>
  [...new Set(t.app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter(
    (key) => !/\/logout|\/calendar\/feed/.test(key),
  );

const badId = fc.oneof(
  fc.string({ maxLength: 30 }).filter((s) => !/^\d+$/.test(s)),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  fc.bigInt({ min: 10n ** 16n, max: 10n ** 30n }).map(String),
  fc.constantFrom('1.5', '1e3', '0x10', '../../etc/passwd', '%00', ' 1', '１'),
);
const badBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '{"__proto__":{"admin":true}}', 'null', '[]', '"x"', '{"title":1e309}'),
  fc
    .record({ kind: fc.string(), title: fc.anything(), startsLocal: fc.string(), agenda: fc.anything() })
    .map((v) => JSON.stringify(v)),
);
const contentType = fc.constantFrom(
  'application/json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  undefined,
);
const query = fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 40 }), { maxKeys: 4 });

describe('bad input to every route', () => {
  // Every route × 25 inputs: a few seconds, more on a busy machine than Vitest's default 5 s allows.
  it('gets a 4xx with the error shape — never a 500 — and changes no record', {
    timeout: 60_000,
  }, async () => {
    const before = await snapshot();
    for (const key of routes()) {
      const [method = 'GET', path = '/'] = key.split(' ');
      await fc.assert(
        fc.asyncProperty(badId, badBody, contentType, query, async (id, body, type, params) => {
          const url = `${path.replace(':id', encodeURIComponent(id)).replace(':year', encodeURIComponent(id))}?${new URLSearchParams(params)}`;
          const res = await t.app.request(url, {
            method,
            headers: { cookie, ...(type ? { 'content-type': type } : {}) },
            ...(method === 'GET' ? {} : { body }),
          });
          expect(res.status, `${method} ${url}`).toBeLessThan(500);
          if (res.status >= 400) {
            const json = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
            expect(typeof json.error?.code, `${method} ${url}`).toBe('string');
            expect(typeof json.error?.message).toBe('string');
          }
        }),
        { numRuns: 25 },
      );
    }
    expect(await snapshot()).toBe(before);
  });

  it('refuses a body over its size limit, whatever the route', async () => {
    for (const key of routes().filter((k) => !k.startsWith('GET'))) {
      // Only the routes that take a file accept more than the JSON limit, each up to its own.
      const limit =
        key === 'POST /api/drafts/:id/attachments'
          ? MAX_UPLOAD_BODY_BYTES
          : key.endsWith('/import')
            ? MAX_FILE_BYTES
            : MAX_BODY_BYTES;
      const huge = JSON.stringify({ title: 'x'.repeat(limit) });
      const [method = 'POST', path = '/'] = key.split(' ');
      const res = await t.app.request(path.replace(':id', '1'), {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: huge,
      });
      expect([404, 413], key).toContain(res.status);
    }
  });
});
