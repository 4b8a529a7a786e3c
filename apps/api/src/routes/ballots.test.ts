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

  it('take the commission’s quorum unless the ballot sets its own', async () => {
    await t.db.updateTable('commission').set({ quorum_numerator: 1, quorum_denominator: 2 }).execute();
    const id = await open();
    const row = await t.db
      .selectFrom('ballots')
      .select('quorum')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(row.quorum)).toEqual({ numerator: 1, denominator: 2 });
  });

  it('keep a reservation given by letter as such', async () => {
    const id = await open();
    const res = await t.call(secretary, 'POST', `/api/ballots/${id}/votes`, {
      stateCode: 'KG',
      choice: 'against',
      channel: 'letter',
      reference: 'No. 14/2',
      comment: 'Kyrgyzstan needs a transition period.',
      remarkKind: 'reservation',
    });
    expect(res.status).toBe(201);
    const row = await t.db.selectFrom('votes').select(['comment', 'remark_kind']).executeTakeFirstOrThrow();
    expect(row).toEqual({ comment: 'Kyrgyzstan needs a transition period.', remark_kind: 'reservation' });
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

/** Reads server-sent events from a response body, one `event:`/`data:` block at a time. */
function sseReader(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return {
    async next(): Promise<{ event: string; data: unknown }> {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const lines = block.split('\n');
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.filter((l) => l.startsWith('data: ')).map((l) => l.slice(6));
          if (event) return { event, data: JSON.parse(data.join('\n')) };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('the stream ended');
        buffer += decoder.decode(value, { stream: true });
      }
    },
    cancel: () => reader.cancel(),
  };
}

interface Snapshot {
  ballot: { status: string };
  resultsWithheld: boolean;
  tally: { for?: number; participating: number };
  votes: Array<{ stateCode: string; choice: string; live: boolean }>;
}

describe('the live view of a ballot', () => {
  it('pushes a fresh snapshot when a vote is recorded, and again when the ballot closes', async () => {
    const id = await open();
    const res = await t.call(secretary, 'GET', `/api/ballots/${id}/events`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const events = sseReader(res.body as ReadableStream<Uint8Array>);
    const first = (await events.next()).data as Snapshot;
    expect(first.tally).toMatchObject({ for: 0, participating: 0 });
    // Written straight to the database, as the bot (another process) would.
    await t.db
      .insertInto('votes')
      .values({ ballot_id: id, state_code: 'BY', choice: 'for', channel: 'telegram', cast_at: t.now })
      .execute();
    const second = (await events.next()).data as Snapshot;
    expect(second.tally).toMatchObject({ for: 1, participating: 1 });
    expect(second.votes.map((v) => v.stateCode)).toEqual(['BY']);
    await t.call(secretary, 'POST', `/api/ballots/${id}/close`);
    expect(((await events.next()).data as Snapshot).ballot.status).toBe('closed');
    await events.cancel();
  });

  it('keeps hidden results from a member until the close, as the ballot’s page does', async () => {
    const res = await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
      resultsHidden: true,
    });
    const id = ((await res.json()) as { id: number }).id;
    await vote(id, 'AM', 'against');
    const member = await t.signIn('KZ-head');
    const stream = await t.call(member, 'GET', `/api/ballots/${id}/events`);
    const events = sseReader(stream.body as ReadableStream<Uint8Array>);
    const seen = (await events.next()).data as Snapshot;
    expect(seen).toMatchObject({ resultsWithheld: true, votes: [], tally: { participating: 1 } });
    expect(seen.tally.for).toBeUndefined();
    await events.cancel();
    expect((await t.call(member, 'GET', `/api/ballots/${id}/results.csv`)).status).toBe(403);
    expect((await t.call(secretary, 'GET', `/api/ballots/${id}/results.csv`)).status).toBe(200);
  });

  it('ends when the reader’s session ends', async () => {
    const id = await open();
    const events = sseReader(
      (await t.call(secretary, 'GET', `/api/ballots/${id}/events`)).body as ReadableStream<Uint8Array>,
    );
    await events.next();
    await t.call(secretary, 'POST', '/api/session/logout-all');
    await expect(events.next()).rejects.toThrow('the stream ended');
  });

  it('answers 404 for no such ballot and 401 to a stranger', async () => {
    expect((await t.call(secretary, 'GET', '/api/ballots/999/events')).status).toBe(404);
    expect((await t.call(null, 'GET', '/api/ballots/1/events')).status).toBe(401);
  });
});

describe('the ballot’s results as CSV', () => {
  it('has one row per eligible state, quoted where needed, formulas neutralised, and the outcome', async () => {
    const id = await open();
    await t.call(secretary, 'POST', `/api/ballots/${id}/votes`, {
      stateCode: 'RU',
      choice: 'for',
      channel: 'room',
      reference: 'Minutes, item 3',
      comment: '=HYPERLINK("x"), with "quotes"',
    });
    await t.call(secretary, 'POST', `/api/ballots/${id}/close`);
    const res = await t.call(await t.signIn('observer'), 'GET', `/api/ballots/${id}/results.csv`);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain(`accord-ballot-${id}.csv`);
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('state,state name,choice,channel,cast by,cast at,reference,comment');
    expect(lines.slice(1, 7).map((l) => l.slice(0, 2))).toEqual(['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ']);
    expect(lines.find((l) => l.startsWith('RU'))).toBe(
      `RU,Russian Federation,for,room,,${t.now},"Minutes, item 3","'=HYPERLINK(""x""), with ""quotes"""`,
    );
    expect(lines.find((l) => l.startsWith('KZ'))).toContain('not voted');
    expect(lines).toContain('outcome,not-adopted');
  });
});

describe('extending and nudging', () => {
  it('moves the deadline only later, and not once closed', async () => {
    const id = await open();
    const extend = (closesAt: unknown) =>
      t.call(secretary, 'POST', `/api/ballots/${id}/extend`, { closesAt });
    const later = await extend('2027-03-05T15:00:00.000Z');
    expect(later.status).toBe(200);
    expect(await later.json()).toEqual({ closesAt: '2027-03-05T15:00:00.000Z' });
    expect((await extend('2027-03-02T15:00:00+03:00')).status).toBe(400);
    expect((await extend('next week')).status).toBe(400);
    expect((await t.call(await t.signIn('RU-head'), 'POST', `/api/ballots/${id}/extend`, {})).status).toBe(
      403,
    );
    await t.call(secretary, 'POST', `/api/ballots/${id}/close`);
    expect((await extend('2027-04-01T00:00:00Z')).status).toBe(409);
  });

  it('counts the states that have not voted as nudged, and audits the reminder', async () => {
    const id = await open();
    await vote(id, 'AM', 'for');
    await vote(id, 'BY', 'against');
    const res = await t.call(secretary, 'POST', `/api/ballots/${id}/nudge`);
    expect(await res.json()).toEqual({ nudged: 4 });
    const audit = await t.db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'ballot.nudge')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after ?? '{}')).toEqual({ states: ['KZ', 'KG', 'RU', 'TJ'] });
    expect((await t.call(await t.signIn('AM-head'), 'POST', `/api/ballots/${id}/nudge`)).status).toBe(403);
    expect((await t.call(secretary, 'POST', '/api/ballots/999/nudge')).status).toBe(404);
  });
});

describe('the list of ballots', () => {
  it('shows open ballots first, titled by the version voted on; a draft shows its own', async () => {
    const first = await open();
    await t.call(secretary, 'POST', `/api/ballots/${first}/close`);
    const other = (await (
      await t.call(secretary, 'POST', '/api/drafts', { kind: 'recommendation', title: 'Second', text: 'B' })
    ).json()) as { draft: { id: number } };
    draftId = other.draft.id;
    const second = await open();
    const list = (await (await t.call(await t.signIn('observer'), 'GET', '/api/ballots')).json()) as {
      ballots: Array<{ id: number; status: string; draftTitle: string }>;
    };
    expect(list.ballots.map((b) => [b.id, b.status, b.draftTitle])).toEqual([
      [second, 'open', 'Second'],
      [first, 'closed', 'On joint ventures'],
    ]);
    const detail = (await (await t.call(secretary, 'GET', `/api/drafts/${draftId}`)).json()) as {
      ballots: Array<{ id: number }>;
    };
    expect(detail.ballots.map((b) => b.id)).toEqual([second]);
  });
});
