import type {
  BallotOutcome,
  BallotRule,
  Fraction,
  MemberStateCode,
  RemarkKind,
  VoteChoice,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { BallotsTable, Database, Selectable, VotesTable } from '../schema';

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
  reminderLeadMs: number;
  status: 'open' | 'closed';
  outcome: BallotOutcome | null;
  closedAt: string | null;
  closedBy: number | null;
  /** Each eligible state's accredited representatives when the ballot closed; null while open. */
  voterSnapshot: VoterSnapshot | null;
}

export type VoterSnapshot = { stateCode: MemberStateCode; people: { id: number; name: string }[] }[];

type BallotRow = Selectable<BallotsTable>;

const toBallot = (r: BallotRow): Ballot => ({
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
  reminderLeadMs: r.reminder_lead_ms,
  status: r.status as Ballot['status'],
  outcome: r.outcome as BallotOutcome | null,
  closedAt: r.closed_at,
  closedBy: r.closed_by,
  voterSnapshot: r.voter_snapshot === null ? null : (JSON.parse(r.voter_snapshot) as VoterSnapshot),
});

export async function findBallot(db: Db, id: number): Promise<Ballot | undefined> {
  const r = await db.selectFrom('ballots').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toBallot(r);
}

/** Ballots, open ones first and then the latest; optionally only open ones, or one draft's. */
export async function listBallots(
  db: Db,
  filter: { status?: Ballot['status']; draftId?: number } = {},
): Promise<Ballot[]> {
  let query = db.selectFrom('ballots').selectAll();
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.draftId !== undefined) query = query.where('draft_id', '=', filter.draftId);
  const rows = await query.orderBy('status', 'desc').orderBy('closes_at').orderBy('id', 'desc').execute();
  return rows.map(toBallot);
}

export async function insertBallot(
  db: Db,
  b: Omit<Ballot, 'id' | 'status' | 'outcome' | 'closedAt' | 'closedBy' | 'voterSnapshot'>,
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
      reminder_lead_ms: b.reminderLeadMs,
      status: 'open',
      created_by: by,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** A vote row as the code sees it. */
export const toVote = (r: Selectable<VotesTable>) => ({
  id: r.id,
  stateCode: r.state_code as MemberStateCode,
  personId: r.person_id,
  choice: r.choice as VoteChoice,
  channel: r.channel,
  reference: r.reference,
  comment: r.comment,
  remarkKind: r.remark_kind as RemarkKind | null,
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

/**
 * Each state's live vote only (at most one a state), read through the partial unique index: what a
 * press or a tally needs, at the same cost however many times the states changed their votes.
 */
export async function listLiveVotes(db: Db, ballotId: number) {
  const rows = await db
    .selectFrom('votes')
    .selectAll()
    .where('ballot_id', '=', ballotId)
    .where('superseded_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toVote);
}

/** One state's live vote, if it has voted. */
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

/** A state's vote as cast: by a person in chat, or recorded by the secretary from the room or a letter. */
export interface VoteInput {
  stateCode: MemberStateCode;
  personId: number | null;
  choice: VoteChoice;
  channel: 'telegram' | 'room' | 'letter';
  reference: string | null;
  comment: string | null;
  remarkKind?: RemarkKind | null;
}

/** Each state's effective choice: its live vote. */
export const liveChoices = (
  votes: ReadonlyArray<{ live: boolean; stateCode: MemberStateCode; choice: VoteChoice }>,
) => new Map(votes.filter((v) => v.live).map((v) => [v.stateCode, v.choice] as const));

/** Records a state's vote: the live one is superseded and the new one inserted, in the caller's transaction. */
/** Records a vote, superseding the state's live one in the same breath; returns that earlier vote, as it was. */
export async function castVote(db: Db, v: VoteInput & { ballotId: number }, now: string) {
  const superseded = await db
    .updateTable('votes')
    .set({ superseded_at: now })
    .where('ballot_id', '=', v.ballotId)
    .where('state_code', '=', v.stateCode)
    .where('superseded_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
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
      remark_kind: v.comment ? (v.remarkKind ?? 'comment') : null,
      cast_at: now,
    })
    .execute();
  return superseded && toVote({ ...superseded, superseded_at: null });
}

/** Closes an open ballot exactly once: false for every closer but the first. */
export async function closeBallotOnce(
  db: Db,
  id: number,
  close: { outcome: BallotOutcome; closedBy: number | null; voterSnapshot: VoterSnapshot },
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('ballots')
    .set({
      status: 'closed',
      outcome: close.outcome,
      closed_at: now,
      closed_by: close.closedBy,
      voter_snapshot: JSON.stringify(close.voterSnapshot),
    })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts a remark on the state's live vote; false when the state has no live vote. */
export async function setLiveVoteRemark(
  db: Db,
  ballotId: number,
  stateCode: MemberStateCode,
  remark: { comment: string; kind: RemarkKind },
): Promise<boolean> {
  const result = await db
    .updateTable('votes')
    .set({ comment: remark.comment, remark_kind: remark.kind })
    .where('ballot_id', '=', ballotId)
    .where('state_code', '=', stateCode)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Moves an open ballot's close later; false when it is closed already. */
export async function moveBallotClose(db: Db, id: number, closesAt: string): Promise<boolean> {
  const result = await db
    .updateTable('ballots')
    .set({ closes_at: closesAt })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export interface BallotSummary {
  id: number;
  draftId: number;
  draftVersion: number;
  draftTitle: string;
  status: Ballot['status'];
  outcome: BallotOutcome | null;
  opensAt: string;
  closesAt: string;
}

/** Ballots (of one draft, or all), open ones first, then by closing time, latest first; titled by the version voted on. */
export async function listBallotSummaries(db: Db, draftId?: number): Promise<BallotSummary[]> {
  let query = db
    .selectFrom('ballots')
    .innerJoin('draft_versions', (join) =>
      join
        .onRef('draft_versions.draft_id', '=', 'ballots.draft_id')
        .onRef('draft_versions.version', '=', 'ballots.draft_version'),
    )
    .select([
      'ballots.id',
      'ballots.draft_id',
      'ballots.draft_version',
      'draft_versions.title',
      'ballots.status',
      'ballots.outcome',
      'ballots.opens_at',
      'ballots.closes_at',
    ])
    .orderBy((eb) => eb.case().when('ballots.status', '=', 'open').then(0).else(1).end())
    .orderBy('ballots.closes_at', 'desc')
    .orderBy('ballots.id', 'desc');
  if (draftId !== undefined) query = query.where('ballots.draft_id', '=', draftId);
  return (await query.execute()).map((r) => ({
    id: r.id,
    draftId: r.draft_id,
    draftVersion: r.draft_version,
    draftTitle: r.title,
    status: r.status as Ballot['status'],
    outcome: r.outcome as BallotOutcome | null,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
  }));
}

/**
 * A cheap fingerprint of everything a ballot's page shows: it changes when a vote is cast (by any
 * process on the database), the ballot closes or its deadline moves. Undefined for no such ballot.
 */
export async function ballotFingerprint(db: Db, id: number): Promise<string | undefined> {
  const r = await db
    .selectFrom('ballots')
    .leftJoin('votes', 'votes.ballot_id', 'ballots.id')
    .select((eb) => [
      'ballots.status',
      'ballots.closes_at',
      eb.fn.max('votes.id').as('last_vote'),
      eb.fn.count('votes.id').as('casts'),
    ])
    .where('ballots.id', '=', id)
    .groupBy('ballots.id')
    .executeTakeFirst();
  return r && `${r.status}|${r.closes_at}|${r.last_vote ?? 0}|${r.casts}`;
}
