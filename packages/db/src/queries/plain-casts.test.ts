import type { BallotRule, MemberStateCode } from '@accord/domain';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { insertTestCommission, insertTestSecretary } from '../test-fixtures';
import { applyVote } from './ballot-workflow';
import { findBallot, insertBallot, listVotes, type VoteInput } from './ballots';
import { insertDraft } from './drafts';
import { recordPlainVote } from './plain-casts';

const now = '2027-03-01T09:00:00.000Z';
const later = '2027-03-01T09:05:00.000Z';
const secretary = { personId: 1, kind: 'person' } as const;
let db: Kysely<Database>;

beforeEach(async () => {
  db = await openTestDatabase();
  await db
    .insertInto('member_states')
    .values(
      (['KZ', 'RU', 'BY'] as const).map((code, i) => ({
        code,
        name_ru: code,
        name_en: code,
        time_zone: 'UTC',
        sort_order: i,
      })),
    )
    .execute();
  await insertTestSecretary(db, now);
  await insertTestCommission(db, now);
});
afterEach(() => db.destroy());

async function openBallot(rule: BallotRule = { kind: 'consensus' }, closesAt = '2027-03-08T09:00:00.000Z') {
  const draftId = await insertDraft(
    db,
    { kind: 'decision', title: 'Draft', text: 'Text', directionIds: [], agendaItemId: null },
    1,
    now,
  );
  return insertBallot(
    db,
    {
      draftId,
      draftVersion: 1,
      rule,
      quorum: { numerator: 2, denominator: 3 },
      eligibleStates: ['KZ', 'RU'],
      opensAt: now,
      closesAt,
      timeZone: 'UTC',
      resultsHidden: false,
      reminderLeadMs: 24 * 3_600_000,
    },
    1,
    now,
  );
}

const letter = (
  stateCode: MemberStateCode,
  choice: VoteInput['choice'],
  comment: string | null = null,
): VoteInput => ({
  stateCode,
  personId: null,
  choice,
  channel: 'letter',
  reference: `No. ${stateCode}-${choice}`,
  comment,
  remarkKind: comment ? 'reservation' : null,
});

/** A ballot's votes and audit events, without the ids and the ballot's number that differ between ballots. */
async function recordOf(ballotId: number) {
  const votes = (await listVotes(db, ballotId)).map(({ id: _id, ...vote }) => vote);
  const audit = await db
    .selectFrom('audit_events')
    .select(['at', 'actor_person_id', 'actor_kind', 'action', 'before', 'after'])
    .where('record_type', '=', 'ballot')
    .where('record_id', '=', String(ballotId))
    .orderBy('id')
    .execute();
  return { votes, audit: audit.map((e) => ({ ...e, before: e.before?.replace(/"id":\d+/, '"id":_') })) };
}

describe('a plain cast through group commit', () => {
  it('writes the same votes and audit events as applyVote, superseding the live vote', async () => {
    const plain = await openBallot();
    const workflow = await openBallot();
    const casts = [letter('KZ', 'for'), letter('RU', 'against', 'Not yet'), letter('KZ', 'abstain')];
    for (const [i, cast] of casts.entries()) {
      const at = i === 2 ? later : now;
      expect(await recordPlainVote(db, plain, cast, secretary, at)).toEqual({ ok: true, value: true });
      await db.transaction().execute(async (trx) => {
        const ballot = await findBallot(trx, workflow);
        if (ballot) await applyVote(trx, ballot, cast, secretary, at);
      });
    }
    const written = await recordOf(plain);
    expect(written).toEqual(await recordOf(workflow));
    expect(written.votes.filter((v) => v.live).map((v) => [v.stateCode, v.choice, v.remarkKind])).toEqual([
      ['RU', 'against', 'reservation'],
      ['KZ', 'abstain', null],
    ]);
    expect(written.audit.map((e) => e.action)).toEqual(['vote.record', 'vote.record', 'vote.record']);
  });

  it('refuses what decideVote refuses and writes nothing', async () => {
    const open = await openBallot();
    const closed = await openBallot({ kind: 'consensus' }, now);
    expect(await recordPlainVote(db, 999, letter('KZ', 'for'), secretary, now)).toEqual({
      ok: false,
      error: 'NotFound',
    });
    expect(await recordPlainVote(db, closed, letter('KZ', 'for'), secretary, now)).toEqual({
      ok: false,
      error: 'BallotClosed',
    });
    expect(await recordPlainVote(db, open, letter('BY', 'for'), secretary, now)).toEqual({
      ok: false,
      error: 'NotEligible',
    });
    expect(await db.selectFrom('votes').select('id').execute()).toEqual([]);
  });

  it('leaves to the workflow a cast under the silence procedure, and one whose group tally edit is not yet waiting', async () => {
    const silence = await openBallot({ kind: 'silence' });
    expect(await recordPlainVote(db, silence, letter('KZ', 'for'), secretary, now)).toBe('needs-workflow');

    const ballot = await openBallot();
    await db.updateTable('commission').set({ group_chat_id: -100 }).execute();
    expect(await recordPlainVote(db, ballot, letter('KZ', 'for'), secretary, now)).toBe('needs-workflow');
    expect(await db.selectFrom('votes').select('id').execute()).toEqual([]);

    // The workflow schedules the group's tally edit; while it waits, the next casts are plain.
    await db.transaction().execute(async (trx) => {
      const found = await findBallot(trx, ballot);
      if (found) await applyVote(trx, found, letter('KZ', 'for'), secretary, now);
    });
    expect(await recordPlainVote(db, ballot, letter('RU', 'for'), secretary, now)).toEqual({
      ok: true,
      value: true,
    });
    expect((await listVotes(db, ballot)).map((v) => v.stateCode)).toEqual(['KZ', 'RU']);
  });

  it('keeps one live vote per state, the last one, when many arrive at once', async () => {
    const ballot = await openBallot();
    const choices = ['for', 'against', 'abstain'] as const;
    const casts = Array.from({ length: 12 }, (_, i) => letter(i % 2 ? 'RU' : 'KZ', choices[i % 3] ?? 'for'));
    const results = await Promise.all(casts.map((cast) => recordPlainVote(db, ballot, cast, secretary, now)));
    expect(results.every((r) => r !== 'needs-workflow' && r.ok)).toBe(true);
    const votes = await listVotes(db, ballot);
    expect(votes).toHaveLength(12);
    expect(votes.filter((v) => v.live).map((v) => [v.stateCode, v.choice])).toEqual([
      ['KZ', 'against'],
      ['RU', 'abstain'],
    ]);
    const audited = await db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'vote.record')
      .execute();
    expect(audited).toHaveLength(12);
  });
});
