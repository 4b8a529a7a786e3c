import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
beforeEach(async () => {
  t = await createTestApp(); // the clock stands at 2027-02-01 09:00 UTC
  secretary = await t.signIn('secretary');
});
afterEach(() => t.db.destroy());

/** A draft put to the vote, voted by letter and closed: adopted when every state is for. */
async function adopt(title: string, choices: Record<string, string>) {
  const draft = (await (
    await t.call(secretary, 'POST', '/api/drafts', {
      kind: 'recommendation',
      title,
      text: 'Article 1.\n',
      directionIds: [1],
    })
  ).json()) as { draft: { id: number } };
  const ballot = (await (
    await t.call(secretary, 'POST', `/api/drafts/${draft.draft.id}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
    })
  ).json()) as { id: number };
  for (const [stateCode, choice] of Object.entries(choices))
    await t.call(secretary, 'POST', `/api/ballots/${ballot.id}/votes`, {
      stateCode,
      choice,
      channel: 'letter',
      reference: `No. ${stateCode}-1`,
    });
  const closed = (await (await t.call(secretary, 'POST', `/api/ballots/${ballot.id}/close`)).json()) as {
    outcome: string;
  };
  return closed.outcome;
}
const allFor = { AM: 'for', BY: 'for', KZ: 'for', KG: 'for', RU: 'for', TJ: 'abstain' };

interface Entry {
  id: number;
  registerNumber: string;
  title: string;
  text: string;
  directions: Array<{ titleEn: string }>;
  votes: Array<{ stateCode: string; choice: string | null }>;
  responses: Array<{
    stateCode: string;
    current: { status: string; date: string; note: string; updatedByName: string } | null;
    history: Array<{ status: string }>;
  }>;
}
const register = async (cookie = secretary) =>
  ((await (await t.call(cookie, 'GET', '/api/decisions')).json()) as { decisions: Entry[] }).decisions;
const respond = (id: number, state: string, body: unknown, cookie: string | null = secretary) =>
  t.call(cookie, 'PUT', `/api/decisions/${id}/responses/${state}`, body);

describe('the decisions register', () => {
  it('gets an entry, numbered per year, when a ballot adopts a draft, and none when it does not', async () => {
    expect(await adopt('On joint ventures', allFor)).toBe('adopted');
    expect(await adopt('On exhibitions', { ...allFor, BY: 'against' })).toBe('not-adopted');
    expect(await adopt('On standards', allFor)).toBe('adopted');
    const entries = await register(await t.signIn('observer'));
    expect(entries.map((e) => `${e.registerNumber} ${e.title}`)).toEqual([
      '2/2027 On standards',
      '1/2027 On joint ventures',
    ]);
    const [, first] = entries;
    expect(first?.text).toBe('Article 1.\n');
    expect(first?.directions).toHaveLength(1);
    expect(first?.votes.find((v) => v.stateCode === 'TJ')?.choice).toBe('abstain');
    expect(first?.responses.map((r) => r.current)).toEqual(Array(6).fill(null));
    const task = await t.db
      .selectFrom('scheduled_tasks')
      .select('task_key')
      .where('task_key', '=', `plan-reminders:decision-response:${first?.id}`)
      .executeTakeFirst();
    expect(task).toBeDefined();
  });

  it('keeps each state’s response as it evolves, audited, for the secretary only', async () => {
    await adopt('On joint ventures', allFor);
    const [entry] = await register();
    const id = entry?.id ?? 0;
    expect((await respond(id, 'KZ', { status: 'sent', date: '2027-02-01' })).status).toBe(200);
    const res = await respond(id, 'KZ', { status: 'accepted', date: '2027-02-01', note: 'Letter No. 7' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { response: { status: string } }).response.status).toBe('accepted');
    const kz = (await register())[0]?.responses.find((r) => r.stateCode === 'KZ');
    expect(kz?.current).toMatchObject({
      status: 'accepted',
      note: 'Letter No. 7',
      updatedByName: expect.any(String),
    });
    expect(kz?.history.map((h) => h.status)).toEqual(['sent', 'accepted']);
    const one = (await (await t.call(await t.signIn('KZ-head'), 'GET', `/api/decisions/${id}`)).json()) as {
      decision: Entry;
    };
    expect(one.decision.registerNumber).toBe('1/2027');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'before', 'after'])
      .where('record_type', '=', 'decision')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'decision.register',
      'decision.response',
      'decision.response',
    ]);
    expect(JSON.parse(audit[2]?.before ?? 'null')).toMatchObject({ stateCode: 'KZ', status: 'sent' });
    for (const who of ['KZ-head', 'RU-head', 'RU-alternate', 'observer'])
      expect(
        (await respond(id, 'AM', { status: 'sent', date: '2027-02-01' }, await t.signIn(who))).status,
        who,
      ).toBe(403);
    expect((await respond(id, 'AM', { status: 'sent', date: '2027-02-01' }, null)).status).toBe(401);
  });

  it('refuses bad input with a clear error, never a 500', async () => {
    await adopt('On joint ventures', allFor);
    const id = (await register())[0]?.id ?? 0;
    const cases: Array<[string, unknown, number, string]> = [
      [`/api/decisions/${id}/responses/US`, { status: 'sent', date: '2027-02-01' }, 400, 'validation_failed'],
      [`/api/decisions/abc/responses/KZ`, { status: 'sent', date: '2027-02-01' }, 400, 'validation_failed'],
      [
        `/api/decisions/${id}/responses/KZ`,
        { status: 'rejected', date: '2027-02-01' },
        400,
        'validation_failed',
      ],
      [`/api/decisions/${id}/responses/KZ`, { status: 'sent', date: '2027-02-31' }, 400, 'validation_failed'],
      [`/api/decisions/${id}/responses/KZ`, { status: 'sent' }, 400, 'validation_failed'],
      [
        `/api/decisions/${id}/responses/KZ`,
        { status: 'sent', date: '2027-01-01' },
        400,
        'DateBeforeAdoption',
      ],
      [`/api/decisions/${id}/responses/KZ`, { status: 'sent', date: '2027-03-01' }, 400, 'DateInFuture'],
      [`/api/decisions/999/responses/KZ`, { status: 'sent', date: '2027-02-01' }, 404, 'NotFound'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await t.call(secretary, 'PUT', path, body);
      expect(res.status, path).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code, JSON.stringify(body)).toBe(code);
    }
    expect((await t.call(secretary, 'GET', '/api/decisions/999')).status).toBe(404);
    await respond(id, 'KZ', { status: 'accepted', date: '2027-02-01' });
    const back = await respond(id, 'KZ', { status: 'sent', date: '2027-02-01' });
    expect(back.status).toBe(409);
    expect(((await back.json()) as { error: { code: string } }).error.code).toBe('StatusGoesBack');
    expect((await respond(id, 'KZ', { status: 'accepted', date: '2027-02-01' })).status).toBe(409);
    expect((await respond(id, 'KZ', { status: 'sent', date: '2027-02-01', correction: true })).status).toBe(
      400,
    );
    expect(
      (await respond(id, 'KZ', { status: 'sent', date: '2027-02-01', correction: true, note: 'Wrong state' }))
        .status,
    ).toBe(200);
  });
});
