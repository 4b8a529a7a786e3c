import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp();
  const secretary = await t.signIn('secretary');
  const program = await (await t.call(secretary, 'GET', '/api/programs')).json();
  const { id, directions } = (
    program as { programs: Array<{ id: number; directions: Array<{ id: number }> }> }
  ).programs[0] ?? { id: 0, directions: [] };
  const kz = await t.personId('KZ-head');
  const by = await t.personId('BY-head');
  for (const [title, responsible] of [
    ['Joint venture in Almaty', kz],
    ['Standards of Minsk', by],
  ] as const) {
    const res = await t.call(secretary, 'POST', `/api/programs/${id}/activities`, {
      title,
      directionId: directions[0]?.id,
      leadState: 'KZ',
      start: '2019-01-01',
      end: '2020-06-30',
      responsiblePersonIds: [responsible],
      milestones: [{ title: `${title}: founding`, date: '2019-05-01' }],
    });
    expect(res.status).toBe(201);
  }
});
afterEach(() => t.db.destroy());

const feedUrl = async (seedKey: string) => {
  const res = await t.call(await t.signIn(seedKey), 'POST', '/api/calendar/feed');
  expect(res.status).toBe(201);
  return new URL(((await res.json()) as { url: string }).url).pathname;
};

describe('a calendar subscription', () => {
  it('gives each person their own milestones and deadlines, without signing in', async () => {
    const path = await feedUrl('KZ-head');
    const res = await t.app.request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const calendar = await res.text();
    expect(calendar).toContain('BEGIN:VCALENDAR');
    expect(calendar).toContain('Joint venture in Almaty: founding');
    expect(calendar).toContain('DTSTART;VALUE=DATE:20190501');
    expect(calendar).toContain('UID:activity-');
    expect(calendar).not.toContain('Standards of Minsk');
  });

  it('stops the old address when a new one is asked for, and refuses a made-up one', async () => {
    const first = await feedUrl('KZ-head');
    const second = await feedUrl('KZ-head');
    expect((await t.app.request(first)).status).toBe(404);
    expect((await t.app.request(second)).status).toBe(200);
    expect((await t.app.request('/api/calendar/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics')).status).toBe(404);
    expect((await t.app.request('/api/calendar/../../etc/passwd')).status).toBe(404);
    expect((await t.app.request('/api/calendar/short.ics')).status).toBe(400);
    expect((await t.call(null, 'POST', '/api/calendar/feed')).status).toBe(401);
  });
});
