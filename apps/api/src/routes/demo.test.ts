import { createSession } from '@accord/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../middleware/session';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.db.destroy());

describe('POST /api/demo', () => {
  it('lets the secretary fill the demo year once, audited, and refuses the second time', async () => {
    const observer = await t.signIn('observer');
    expect((await t.call(observer, 'POST', '/api/demo', {})).status).toBe(403);
    const secretary = await t.signIn('secretary');
    const res = await t.call(secretary, 'POST', '/api/demo', {});
    expect(res.status).toBe(201);
    expect(((await res.json()) as { filled: { meetings: number } }).filled.meetings).toBe(3);
    const again = await t.call(secretary, 'POST', '/api/demo', {});
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('DemoPresent');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['actor_person_id', 'actor_kind'])
      .where('action', '=', 'demo.fill')
      .execute();
    expect(audit).toEqual([{ actor_person_id: await t.personId('secretary'), actor_kind: 'person' }]);
  });

  it('does not exist outside sandbox mode', async () => {
    const real = await createTestApp({ sandboxMode: false });
    // Outside sandbox mode there is no development sign-in: the session is opened directly.
    const token = await createSession(real.db, {
      personId: await real.personId('secretary'),
      now: real.now,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const res = await real.call(`${SESSION_COOKIE}=${token}`, 'POST', '/api/demo', {});
    expect(res.status).toBe(404);
    expect(await real.db.selectFrom('meetings').select('id').execute()).toEqual([]);
    await real.db.destroy();
  });
});
