import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, meetingBody } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
beforeEach(async () => {
  t = await createTestApp();
  secretary = await t.signIn('secretary');
  await t.call(secretary, 'POST', '/api/meetings', meetingBody);
  await t.call(secretary, 'POST', '/api/meetings', { ...meetingBody, title: '=HYPERLINK("http://evil")' });
});
afterEach(() => t.db.destroy());

describe('the audit log', () => {
  it('lists events newest first, with who did them, filtered', async () => {
    const res = await t.call(secretary, 'GET', '/api/audit?action=meeting.create');
    const { events } = (await res.json()) as {
      events: Array<{ action: string; actorName: string; recordId: string; after: { title: string } }>;
    };
    expect(events.map((e) => e.recordId)).toEqual(['2', '1']);
    expect(events[0]?.actorName).toBe('Ирина Соколова');
    const one = (await (
      await t.call(secretary, 'GET', '/api/audit?recordType=meeting&recordId=1')
    ).json()) as { events: unknown[] };
    expect(one.events).toHaveLength(1);
    const none = (await (await t.call(secretary, 'GET', '/api/audit?from=2030-01-01T00:00:00Z')).json()) as {
      events: unknown[];
    };
    expect(none.events).toEqual([]);
    expect((await t.call(secretary, 'GET', '/api/audit?from=yesterday')).status).toBe(400);
  });

  it('exports as CSV, quoting what people wrote so no cell starts a formula', async () => {
    const res = await t.call(secretary, 'GET', '/api/audit/export?action=meeting.create');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe(
      'id,at,actor_person_id,actor_kind,action,record_type,record_id,before,after',
    );
    expect(csv).toContain('""title"":""=HYPERLINK(');
    expect(csv).not.toMatch(/(^|,)=/m);
  });

  it('cannot be changed or deleted through the API', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      expect([404, 405]).toContain((await t.call(secretary, method, '/api/audit/1', {})).status);
    }
    expect((await t.db.selectFrom('audit_events').selectAll().execute()).length).toBeGreaterThan(0);
  });
});
