import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { insertTestSecretary } from '../test-fixtures';
import { insertBallot } from './ballots';
import {
  appendResponse,
  currentResponses,
  listDecisions,
  listResponseHistory,
  recordDecision,
} from './decisions';
import { insertDraft } from './drafts';

const now = '2026-12-31T20:00:00.000Z';
let db: Kysely<Database>;
beforeEach(async () => {
  db = await openTestDatabase();
  await db
    .insertInto('member_states')
    .values({
      code: 'KZ',
      name_ru: 'Казахстан',
      name_en: 'Kazakhstan',
      time_zone: 'Asia/Almaty',
      sort_order: 1,
    })
    .execute();
  await insertTestSecretary(db, now);
});
afterEach(() => db.destroy());

/** An adopted draft's ballot, run in `timeZone`. */
async function ballotOn(title: string, timeZone = 'Europe/Moscow') {
  const draftId = await insertDraft(
    db,
    { kind: 'decision', title, text: 'Text', directionIds: [2], agendaItemId: null },
    1,
    now,
  );
  const ballotId = await insertBallot(
    db,
    {
      draftId,
      draftVersion: 1,
      rule: { kind: 'consensus' },
      quorum: { numerator: 2, denominator: 3 },
      eligibleStates: ['KZ'],
      opensAt: now,
      closesAt: now,
      timeZone,
      resultsHidden: false,
      reminderLeadMs: 24 * 3_600_000,
    },
    1,
    now,
  );
  return { draftId, ballotId };
}

describe('the decisions register', () => {
  it('numbers entries afresh each year of the ballot’s zone, once per draft however often it is recorded', async () => {
    const a = await ballotOn('A', 'UTC');
    const b = await ballotOn('B', 'UTC');
    const c = await ballotOn('C', 'Europe/Moscow'); // 23:00 in Moscow: still 2026
    const d = await ballotOn('D', 'Asia/Almaty'); // 01:00 on 1 January in Almaty: 2027
    const record = (x: { draftId: number; ballotId: number }) => recordDecision(db, { ...x, adoptedAt: now });
    expect(await record(a)).toMatchObject({ number: 1, year: 2026, created: true });
    expect(await record(b)).toMatchObject({ number: 2, year: 2026 });
    expect(await record(a)).toMatchObject({ number: 1, year: 2026, created: false });
    expect(await record(c)).toMatchObject({ number: 3, year: 2026 });
    expect(await record(d)).toMatchObject({ number: 1, year: 2027 });
    const register = await listDecisions(db);
    expect(register.map((r) => `${r.number}/${r.year} ${r.title}`)).toEqual([
      '1/2027 D',
      '3/2026 C',
      '2/2026 B',
      '1/2026 A',
    ]);
    expect(register[0]).toMatchObject({ kind: 'decision', text: 'Text', directionIds: [2] });
    const audit = await db.selectFrom('audit_events').select(['action', 'actor_kind']).execute();
    expect(audit).toHaveLength(4);
    expect(audit[0]).toEqual({ action: 'decision.register', actor_kind: 'system' });
    const tasks = await db.selectFrom('scheduled_tasks').select('task_key').execute();
    expect(tasks.map((t) => t.task_key)).toContain('plan-reminders:decision-response:1');
  });

  it('keeps every change of a response as history, and the database refuses to rewrite one', async () => {
    const { id } = await recordDecision(db, { ...(await ballotOn('A')), adoptedAt: now });
    const change = { decisionId: id, stateCode: 'KZ' as const, note: '', correction: false };
    await appendResponse(db, { ...change, status: 'sent', date: '2027-01-10' }, 1, now);
    await appendResponse(
      db,
      { ...change, status: 'accepted', date: '2027-02-01', note: 'Letter 12' },
      1,
      now,
    );
    const history = await listResponseHistory(db, [id]);
    expect(history.map((r) => r.status)).toEqual(['sent', 'accepted']);
    expect(currentResponses(history, id).get('KZ')).toMatchObject({
      status: 'accepted',
      note: 'Letter 12',
      updatedByName: 'Secretary',
    });
    await expect(
      db.updateTable('government_responses').set({ status: 'implemented' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('government_responses').execute()).rejects.toThrow(/append-only/);
    await expect(
      appendResponse(db, { ...change, status: 'rejected' as 'sent', date: '2027-02-02' }, 1, now),
    ).rejects.toThrow(/CHECK/);
  });
});
