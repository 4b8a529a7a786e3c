import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
let draftId: number;
beforeEach(async () => {
  t = await createTestApp();
  secretary = await t.signIn('secretary');
  const res = await t.call(secretary, 'POST', '/api/drafts', {
    kind: 'decision',
    title: 'On joint ventures',
    text: 'Article 1.\n',
  });
  draftId = ((await res.json()) as { draft: { id: number } }).draft.id;
});
afterEach(() => t.db.destroy());

const open = async (rule: unknown = { kind: 'consensus' }) => {
  const res = await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
    rule,
    closesLocal: '2027-03-01T18:00',
    timeZone: 'Europe/Moscow',
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: number }).id;
};
const vote = (ballotId: number, stateCode: string, choice: string) =>
  t.call(secretary, 'POST', `/api/ballots/${ballotId}/votes`, {
    stateCode,
    choice,
    channel: 'letter',
    reference: `No. ${stateCode}-1`,
  });

describe('ballots (votes given outside the chat, for now)', () => {
  it('bind the draft’s version, lock its text, keep every cast with one live vote per state, and close once', async () => {
    const id = await open();
    expect((await t.call(secretary, 'PUT', `/api/drafts/${draftId}`, { title: 'X', text: 'Y' })).status).toBe(
      409,
    );
    for (const state of ['AM', 'BY', 'KZ', 'KG']) expect((await vote(id, state, 'for')).status).toBe(201);
    expect((await vote(id, 'KG', 'abstain')).status).toBe(201);
    const detail = (await (await t.call(await t.signIn('observer'), 'GET', `/api/ballots/${id}`)).json()) as {
      ballot: { draftVersion: number };
      tally: { for: number; abstain: number; participating: number; quorumMet: boolean };
      votes: Array<{ stateCode: string; live: boolean }>;
    };
    expect(detail.ballot.draftVersion).toBe(1);
    expect(detail.tally).toMatchObject({ for: 3, abstain: 1, participating: 4, quorumMet: true });
    expect(detail.votes.filter((v) => v.stateCode === 'KG').map((v) => v.live)).toEqual([false, true]);
    const [first, second] = await Promise.all([
      t.call(secretary, 'POST', `/api/ballots/${id}/close`),
      t.call(secretary, 'POST', `/api/ballots/${id}/close`),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const draft = await t.db
      .selectFrom('drafts')
      .select('status')
      .where('id', '=', draftId)
      .executeTakeFirstOrThrow();
    expect(draft.status).toBe('adopted');
    expect((await vote(id, 'RU', 'for')).status).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'ballot')
      .execute();
    expect(audit.map((a) => a.action)).toEqual([
      'ballot.open',
      'vote.record',
      'vote.record',
      'vote.record',
      'vote.record',
      'vote.record',
      'ballot.close',
    ]);
  });

  it('are refused by the database a second live vote for one state', async () => {
    const id = await open();
    await vote(id, 'TJ', 'for');
    await expect(
      t.db
        .insertInto('votes')
        .values({ ballot_id: id, state_code: 'TJ', choice: 'against', channel: 'room', cast_at: t.now })
        .execute(),
    ).rejects.toThrow(/UNIQUE/);
  });

  it('offer only objection or no objection under the silence procedure, and an objection closes it at once', async () => {
    const id = await open({ kind: 'silence' });
    expect((await vote(id, 'AM', 'abstain')).status).toBe(400);
    await vote(id, 'AM', 'against');
    const detail = (await (await t.call(secretary, 'GET', `/api/ballots/${id}`)).json()) as {
      ballot: { status: string; outcome: string };
    };
    expect(detail.ballot).toMatchObject({ status: 'closed', outcome: 'not-adopted' });
    expect((await t.call(secretary, 'POST', `/api/ballots/${id}/close`)).status).toBe(409);
    expect((await vote(id, 'BY', 'for')).status).toBe(409);
  });

  it('close early as adopted under the silence procedure once every state says no objection', async () => {
    const id = await open({ kind: 'silence' });
    for (const state of ['AM', 'BY', 'KZ', 'KG', 'RU']) await vote(id, state, 'for');
    const still = (await (await t.call(secretary, 'GET', `/api/ballots/${id}`)).json()) as {
      ballot: { status: string };
    };
    expect(still.ballot.status).toBe('open');
    await vote(id, 'TJ', 'for');
    const done = (await (await t.call(secretary, 'GET', `/api/ballots/${id}`)).json()) as {
      ballot: { status: string; outcome: string };
    };
    expect(done.ballot).toMatchObject({ status: 'closed', outcome: 'adopted' });
  });

  it('extend the close with a notice to everyone, only later than now and the current close, and audited', async () => {
    const id = await open();
    const late = '2027-03-08T15:00:00.000Z';
    expect((await t.call(secretary, 'POST', `/api/ballots/${id}/extend`, { closesAt: 'soon' })).status).toBe(
      400,
    );
    expect(
      (await t.call(secretary, 'POST', `/api/ballots/${id}/extend`, { closesAt: '2027-02-01T00:00:00Z' }))
        .status,
    ).toBe(400);
    expect(
      (await t.call(await t.signIn('KZ-head'), 'POST', `/api/ballots/${id}/extend`, { closesAt: late }))
        .status,
    ).toBe(403);
    const res = await t.call(secretary, 'POST', `/api/ballots/${id}/extend`, {
      closesAt: '2027-03-08T18:00:00+03:00',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ closesAt: late });
    const task = await t.db
      .selectFrom('scheduled_tasks')
      .select('due_at')
      .where('task_key', '=', `close-ballot:${id}`)
      .executeTakeFirstOrThrow();
    expect(task.due_at).toBe(late);
    const notices = await t.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', 'ballot-extended')
      .execute();
    expect(notices.length).toBeGreaterThan(0);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', '=', 'ballot.extend')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toEqual({ closesAt: late });
  });

  it('take the reminder lead in hours, within a week, and announce the ballot to every linked voter', async () => {
    const bad = await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
      reminderLeadHours: 0,
    });
    expect(bad.status).toBe(400);
    const res = await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
      reminderLeadHours: 48,
    });
    const { id } = (await res.json()) as { id: number };
    const row = await t.db
      .selectFrom('ballots')
      .select('reminder_lead_ms')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.reminder_lead_ms).toBe(48 * 3_600_000);
    const announced = await t.db
      .selectFrom('outbox')
      .select('kind')
      .where('kind', '=', 'ballot-opened')
      .execute();
    expect(announced.length).toBeGreaterThan(0);
  });

  it('nudge only the states that have not voted, and nothing once closed', async () => {
    const id = await open();
    await vote(id, 'AM', 'for');
    const res = await t.call(secretary, 'POST', `/api/ballots/${id}/nudge`);
    expect(await res.json()).toEqual({ nudged: 5 });
    const nudged = await t.db
      .selectFrom('outbox')
      .innerJoin('representations', 'representations.person_id', 'outbox.recipient_person_id')
      .select('representations.state_code')
      .where('outbox.kind', '=', 'ballot-nudge')
      .execute();
    expect(nudged.length).toBeGreaterThan(0);
    expect(nudged.map((n) => n.state_code)).not.toContain('AM');
    await t.call(secretary, 'POST', `/api/ballots/${id}/close`);
    expect((await t.call(secretary, 'POST', `/api/ballots/${id}/nudge`)).status).toBe(409);
  });

  it('cannot be opened twice on one draft, or run by a member', async () => {
    await open();
    expect(
      (
        await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
          rule: { kind: 'consensus' },
          closesLocal: '2027-03-01T18:00',
          timeZone: 'Europe/Moscow',
        })
      ).status,
    ).toBe(409);
    expect((await t.call(await t.signIn('KZ-head'), 'POST', '/api/ballots/1/close')).status).toBe(403);
  });
});
