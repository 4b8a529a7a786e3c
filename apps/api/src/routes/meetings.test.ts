import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, meetingBody } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
beforeEach(async () => {
  t = await createTestApp();
  secretary = await t.signIn('secretary');
});
afterEach(() => t.db.destroy());

const outboxRows = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();
const create = async () => {
  const res = await t.call(secretary, 'POST', '/api/meetings', meetingBody);
  expect(res.status).toBe(201);
  return ((await res.json()) as { meeting: { id: number } }).meeting.id;
};

describe('meetings API', () => {
  it('creates a meeting from local times in its zone, and audits it', async () => {
    const res = await t.call(secretary, 'POST', '/api/meetings', meetingBody);
    expect(res.status).toBe(201);
    const { meeting } = (await res.json()) as { meeting: Record<string, unknown> };
    expect(meeting).toMatchObject({
      startsAt: '2027-03-15T07:00:00.000Z',
      startsLocal: '2027-03-15T10:00',
      status: 'draft',
      version: 1,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'meeting.create')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses bad input with 400 and says which field', async () => {
    const res = await t.call(secretary, 'POST', '/api/meetings', {
      ...meetingBody,
      endsLocal: '2027-03-15T09:00',
      timeZone: 'Nowhere/City',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; details: Array<{ path: string }> } };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.map((d) => d.path)).toContain('timeZone');
  });

  it('refuses a body that is not JSON, or not sent as JSON', async () => {
    const notJson = await t.app.request('/api/meetings', {
      method: 'POST',
      headers: { cookie: secretary, 'content-type': 'application/json' },
      body: '{oops',
    });
    expect(notJson.status).toBe(400);
    const asForm = await t.app.request('/api/meetings', {
      method: 'POST',
      headers: { cookie: secretary, 'content-type': 'text/plain' },
      body: JSON.stringify(meetingBody),
    });
    expect(asForm.status).toBe(400);
    expect(await outboxRows()).toHaveLength(0);
  });

  it('lets members and observers read but not write, and strangers do neither', async () => {
    const id = await create();
    const member = await t.signIn('KZ-head');
    const observer = await t.signIn('observer');
    expect((await t.call(member, 'GET', `/api/meetings/${id}`)).status).toBe(200);
    expect((await t.call(observer, 'GET', '/api/meetings')).status).toBe(200);
    expect((await t.call(member, 'POST', '/api/meetings', meetingBody)).status).toBe(403);
    expect((await t.call(observer, 'POST', `/api/meetings/${id}/notify`)).status).toBe(403);
    expect((await t.call(member, 'PUT', `/api/meetings/${id}`, meetingBody)).status).toBe(403);
    expect((await t.call(null, 'GET', '/api/meetings')).status).toBe(401);
  });

  it('answers 404 for an unknown meeting and 400 for an id that is not one', async () => {
    expect((await t.call(secretary, 'GET', '/api/meetings/999')).status).toBe(404);
    expect((await t.call(secretary, 'GET', '/api/meetings/abc')).status).toBe(400);
    expect((await t.call(secretary, 'POST', '/api/meetings/999/notify')).status).toBe(404);
  });

  it('sending the notice queues one row per linked invitee in the same change, once', async () => {
    const id = await create();
    const res = await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    expect(res.status).toBe(200);
    const rows = await outboxRows();
    // 12 delegates + the secretary; the observer is not invited.
    expect(rows).toHaveLength(13);
    expect(new Set(rows.map((r) => r.idempotency_key)).size).toBe(13);
    expect(rows.every((r) => r.kind === 'meeting-notice' && r.state === 'pending')).toBe(true);
    const again = await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string } }).error.code).toBe('AlreadyNotified');
    expect(await outboxRows()).toHaveLength(13);
  });

  it('moving a notified meeting sends an update to everyone; an unchanged save is refused', async () => {
    const id = await create();
    await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    const moved = await t.call(secretary, 'PUT', `/api/meetings/${id}`, {
      ...meetingBody,
      startsLocal: '2027-03-16T10:00',
      endsLocal: '2027-03-16T13:00',
    });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as { meeting: { version: number } }).meeting.version).toBe(2);
    const updates = (await outboxRows()).filter((r) => r.kind === 'meeting-updated');
    expect(updates).toHaveLength(13);
    const same = await t.call(secretary, 'PUT', `/api/meetings/${id}`, {
      ...meetingBody,
      startsLocal: '2027-03-16T10:00',
      endsLocal: '2027-03-16T13:00',
    });
    expect(same.status).toBe(409);
  });

  it('cancelling a notified meeting tells everyone; a cancelled meeting cannot be edited', async () => {
    const id = await create();
    await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    expect((await t.call(secretary, 'POST', `/api/meetings/${id}/cancel`)).status).toBe(200);
    expect((await outboxRows()).filter((r) => r.kind === 'meeting-cancelled')).toHaveLength(13);
    expect((await t.call(secretary, 'PUT', `/api/meetings/${id}`, meetingBody)).status).toBe(409);
    expect((await t.call(secretary, 'POST', `/api/meetings/${id}/cancel`)).status).toBe(409);
  });

  it('shows each invitee with delivery and answer', async () => {
    const id = await create();
    await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    const kz = await t.personId('KZ-head');
    await t.db
      .insertInto('rsvps')
      .values({ meeting_id: id, person_id: kz, answer: 'yes', answered_at: t.now })
      .execute();
    const res = await t.call(secretary, 'GET', `/api/meetings/${id}`);
    const { attendance } = (await res.json()) as {
      attendance: Array<{
        personId: number;
        delivery: string;
        answer: string | null;
        stateCode: string | null;
      }>;
    };
    expect(attendance).toHaveLength(13);
    expect(attendance.find((a) => a.personId === kz)).toMatchObject({
      answer: 'yes',
      delivery: 'pending',
      stateCode: 'KZ',
    });
  });
});

describe('the commission’s group chat', () => {
  it('gets the notice too when the commission has one', async () => {
    await t.db.updateTable('commission').set({ group_chat_id: -1001234 }).execute();
    const id = await create();
    await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    const group = (await outboxRows()).filter((r) => r.recipient_chat_id === -1001234);
    expect(group).toHaveLength(1);
    expect(group[0]?.idempotency_key).toBe(`meeting-notice:${id}:v1:g-1001234`);
  });
});
