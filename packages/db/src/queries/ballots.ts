import type { BallotOutcome, BallotRule, Fraction, MemberStateCode, VoteChoice } from '@accord/domain';
import type { Kysely, Selectable } from 'kysely';
import type { Database, VotesTable } from '../schema';

type Db = Kysely<Database>;

export interface Ballot {
  id: number;
  draftId: number;
  draftVersion: number;
  rule: BallotRule;
  quorum: Fraction;
  eligibleStates: MemberStateCode[];
  opensAt: string;
  closesAt: string;
  timeZone: string;
  resultsHidden: boolean;
  status: 'open' | 'closed';
  outcome: BallotOutcome | null;
  closedAt: string | null;
}

export async function findBallot(db: Db, id: number): Promise<Ballot | undefined> {
  const r = await db.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      draftId: r.draft_id,
      draftVersion: r.draft_version,
      rule: JSON.parse(r.rule) as BallotRule,
      quorum: JSON.parse(r.quorum) as Fraction,
      eligibleStates: JSON.parse(r.eligible_states) as MemberStateCode[],
      opensAt: r.opens_at,
      closesAt: r.closes_at,
      timeZone: r.time_zone,
      resultsHidden: r.results_hidden === 1,
      status: r.status as Ballot['status'],
      outcome: r.outcome as BallotOutcome | null,
      closedAt: r.closed_at,
    }
  );
}

export async function insertBallot(
  db: Db,
  b: Omit<Ballot, 'id' | 'status' | 'outcome' | 'closedAt'>,
  by: number,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('ballots')
    .values({
      draft_id: b.draftId,
      draft_version: b.draftVersion,
      rule: JSON.stringify(b.rule),
      quorum: JSON.stringify(b.quorum),
      eligible_states: JSON.stringify(b.eligibleStates),
      opens_at: b.opensAt,
      closes_at: b.closesAt,
      time_zone: b.timeZone,
      results_hidden: b.resultsHidden ? 1 : 0,
      status: 'open',
      created_by: by,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

const toVote = (r: Selectable<VotesTable>) => ({
  id: r.id,
  stateCode: r.state_code as MemberStateCode,
  personId: r.person_id,
  choice: r.choice as VoteChoice,
  channel: r.channel,
  reference: r.reference,
  comment: r.comment,
  castAt: r.cast_at,
  live: r.superseded_at === null,
});

/** Every cast, oldest first (a changed vote is a new row; the earlier one is superseded). */
export async function listVotes(db: Db, ballotId: number) {
  const rows = await db
    .selectFrom('votes')
    .selectAll()
    .where('ballot_id', '=', ballotId)
    .orderBy('id')
    .execute();
  return rows.map(toVote);
}

/** A state's live vote, through the one-live-vote-per-state index: a cast's cost does not grow with the ballot's history. */
export async function findLiveVote(db: Db, ballotId: number, stateCode: MemberStateCode) {
  const row = await db
    .selectFrom('votes')
    .selectAll()
    .where('ballot_id', '=', ballotId)
    .where('state_code', '=', stateCode)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return row && toVote(row);
}

/** Records a state's vote: the live one is superseded and the new one inserted, in the caller's transaction. */
export async function castVote(
  db: Db,
  v: {
    ballotId: number;
    stateCode: MemberStateCode;
    personId: number | null;
    choice: VoteChoice;
    channel: 'telegram' | 'room' | 'letter';
    reference: string | null;
    comment: string | null;
  },
  now: string,
): Promise<void> {
  await db
    .updateTable('votes')
    .set({ superseded_at: now })
    .where('ballot_id', '=', v.ballotId)
    .where('state_code', '=', v.stateCode)
    .where('superseded_at', 'is', null)
    .execute();
  await db
    .insertInto('votes')
    .values({
      ballot_id: v.ballotId,
      state_code: v.stateCode,
      person_id: v.personId,
      choice: v.choice,
      channel: v.channel,
      reference: v.reference,
      comment: v.comment,
      cast_at: now,
    })
    .execute();
}

/** Closes an open ballot exactly once: false for every closer but the first. */
export async function closeBallotOnce(
  db: Db,
  id: number,
  outcome: BallotOutcome,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('ballots')
    .set({ status: 'closed', outcome, closed_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
