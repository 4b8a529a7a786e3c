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

  it('offer only objection or no objection under the silence procedure, and an objection means not adopted', async () => {
    const id = await open({ kind: 'silence' });
    expect((await vote(id, 'AM', 'abstain')).status).toBe(400);
    await vote(id, 'AM', 'against');
    const res = await t.call(secretary, 'POST', `/api/ballots/${id}/close`);
    expect(((await res.json()) as { outcome: string }).outcome).toBe('not-adopted');
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
