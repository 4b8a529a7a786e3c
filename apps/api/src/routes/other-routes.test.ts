import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../app';
import { createTestApp, meetingBody } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.db.destroy());

describe('people', () => {
  it('lists people with their state, Telegram link and reachability', async () => {
    const res = await t.call(await t.signIn('observer'), 'GET', '/api/people');
    expect(res.status).toBe(200);
    const { people } = (await res.json()) as {
      people: Array<{ name: string; stateCode: string | null; linked: boolean }>;
    };
    expect(people.filter((p) => p.stateCode === 'AM')).toHaveLength(2);
    expect(people.every((p) => p.linked)).toBe(true);
  });

  it('lets the secretary create an invite link, audited without the token; a member cannot', async () => {
    const id = await t.personId('TJ-alternate');
    const res = await t.call(await t.signIn('secretary'), 'POST', `/api/people/${id}/invites`);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { link: string; startCommand: string };
    const token = body.startCommand.replace('/start ', '');
    expect(body.link).toBe(`https://t.me/accord_test_bot?start=${token}`);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'person.invite')
      .execute();
    expect(JSON.stringify(audit)).not.toContain(token);
    expect((await t.call(await t.signIn('TJ-head'), 'POST', `/api/people/${id}/invites`)).status).toBe(403);
    expect((await t.call(await t.signIn('secretary'), 'POST', '/api/people/9999/invites')).status).toBe(404);
  });
});

describe('outbox', () => {
  it('lists failed messages with the reason and resends one, once', async () => {
    const secretary = await t.signIn('secretary');
    const created = await t.call(secretary, 'POST', '/api/meetings', meetingBody);
    const { meeting } = (await created.json()) as { meeting: { id: number } };
    await t.call(secretary, 'POST', `/api/meetings/${meeting.id}/notify`);
    const row = await t.db.selectFrom('outbox').select('id').orderBy('id').executeTakeFirstOrThrow();
    await t.db
      .updateTable('outbox')
      .set({ state: 'failed', last_error: '400: Bad Request: chat not found' })
      .where('id', '=', row.id)
      .execute();
    const list = await t.call(secretary, 'GET', '/api/outbox?state=failed');
    const body = (await list.json()) as {
      messages: Array<{ id: number; lastError: string }>;
      counts: Record<string, number>;
    };
    expect(body.messages).toEqual([
      expect.objectContaining({ id: row.id, lastError: '400: Bad Request: chat not found' }),
    ]);
    expect(body.counts.failed).toBe(1);
    expect((await t.call(secretary, 'POST', `/api/outbox/${row.id}/resend`)).status).toBe(200);
    expect((await t.call(secretary, 'POST', `/api/outbox/${row.id}/resend`)).status).toBe(409);
    expect((await t.call(secretary, 'GET', '/api/outbox?state=nonsense')).status).toBe(400);
    expect((await t.call(await t.signIn('RU-alternate'), 'GET', '/api/outbox')).status).toBe(403);
  });
});

describe('doors', () => {
  it('answers /health', async () => {
    expect((await t.app.request('/health')).status).toBe(200);
  });

  it('refuses a body over the limit with 413 and the error shape', async () => {
    const res = await t.call(await t.signIn('secretary'), 'POST', '/api/meetings', {
      ...meetingBody,
      title: 'x'.repeat(MAX_BODY_BYTES),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('refuses a write from another origin', async () => {
    const cookie = await t.signIn('secretary');
    const res = await t.app.request('/api/meetings', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      body: JSON.stringify(meetingBody),
    });
    expect(res.status).toBe(403);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });

  it('has no development sign-in outside sandbox mode', async () => {
    const real = await createTestApp({ sandboxMode: false });
    const res = await real.call(null, 'POST', '/api/session/dev-login', { personId: 1 });
    expect(res.status).toBe(404);
    expect((await real.call(null, 'GET', '/api/session/dev-people')).status).toBe(404);
    await real.db.destroy();
  });

  it('signs out by revoking the session', async () => {
    const cookie = await t.signIn('secretary');
    expect((await t.call(cookie, 'POST', '/api/session/logout')).status).toBe(200);
    expect((await t.call(cookie, 'GET', '/api/meetings')).status).toBe(401);
  });

  it('the webhook route is closed unless a webhook is configured', async () => {
    const res = await t.app.request('/telegram/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(404);
  });
});
