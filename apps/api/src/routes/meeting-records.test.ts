import { upsertRsvp } from '@accord/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, meetingBody } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
afterEach(() => t.db.destroy());

describe('a meeting’s record', () => {
  it('is held once it began, takes attendance from the answers, corrects it, and sends the minutes once', async () => {
    let nowMs = Date.parse('2027-03-01T09:00:00.000Z');
    t = await createTestApp({ clock: () => new Date(nowMs) });
    let secretary = await t.signIn('secretary');
    const created = await t.call(secretary, 'POST', '/api/meetings', meetingBody);
    const { meeting } = (await created.json()) as { meeting: { id: number } };
    const id = meeting.id;
    expect((await t.call(secretary, 'POST', `/api/meetings/${id}/held`)).status).toBe(409);
    await t.call(secretary, 'POST', `/api/meetings/${id}/notify`);
    const kz = await t.personId('KZ-head');
    const by = await t.personId('BY-head');
    await upsertRsvp(t.db, id, kz, 'yes', new Date(nowMs).toISOString());
    await upsertRsvp(t.db, id, by, 'no', new Date(nowMs).toISOString());
    const early = await t.call(secretary, 'POST', `/api/meetings/${id}/held`);
    expect(((await early.json()) as { error: { code: string } }).error.code).toBe('NotStartedYet');
    nowMs = Date.parse('2027-03-15T08:00:00.000Z'); // 11:00 in Moscow, the session under way
    secretary = await t.signIn('secretary');
    expect((await t.call(await t.signIn('KZ-head'), 'POST', `/api/meetings/${id}/held`)).status).toBe(403);
    expect((await t.call(secretary, 'POST', `/api/meetings/${id}/held`)).status).toBe(200);
    expect((await t.call(secretary, 'POST', `/api/meetings/${id}/held`)).status).toBe(409);
    const record = async () =>
      (
        (await (await t.call(secretary, 'GET', `/api/meetings/${id}/record`)).json()) as {
          record: {
            attendance: Array<{ personId: number; present: boolean; source: string }>;
            items: unknown[];
          };
        }
      ).record;
    const present = (await record()).attendance.filter((a) => a.present).map((a) => a.personId);
    expect(present).toEqual([kz]);
    await t.call(secretary, 'PUT', `/api/meetings/${id}/attendance`, {
      entries: [{ personId: by, present: true }],
    });
    expect((await record()).attendance.find((a) => a.personId === by)).toEqual({
      personId: by,
      present: true,
      source: 'hand',
    });
    const badItem = await t.call(secretary, 'PUT', `/api/meetings/${id}/minutes`, {
      items: [{ agendaPosition: 7, outcome: 'Nothing' }],
    });
    expect(badItem.status).toBe(400);
    const minutes = {
      summary: 'The session reviewed the program.',
      items: [
        { agendaPosition: 1, outcome: 'Opened by the chairman.' },
        { agendaPosition: 2, outcome: 'Progress noted; a report is due in June.' },
      ],
    };
    expect((await t.call(secretary, 'PUT', `/api/meetings/${id}/minutes`, minutes)).status).toBe(200);
    expect((await record()).items).toHaveLength(2);
    const published = await t.call(secretary, 'POST', `/api/meetings/${id}/minutes/publish`);
    expect(published.status).toBe(200);
    const rows = await t.db
      .selectFrom('outbox')
      .select('recipient_person_id')
      .where('kind', '=', 'meeting-minutes')
      .execute();
    expect(rows.length).toBe(((await published.json()) as { queued: number }).queued);
    expect(rows.map((r) => r.recipient_person_id)).toContain(kz);
    expect((await t.call(secretary, 'POST', `/api/meetings/${id}/minutes/publish`)).status).toBe(409);
    expect((await t.call(secretary, 'PUT', `/api/meetings/${id}/minutes`, minutes)).status).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'meeting')
      .where('action', 'like', 'meeting.%')
      .where('action', '!=', 'meeting.create')
      .where('action', '!=', 'meeting.notify')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'meeting.held',
      'meeting.attendance',
      'meeting.minutes',
      'meeting.minutes-publish',
    ]);
  });
});
