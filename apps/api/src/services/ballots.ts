import {
  type Ballot,
  castVote,
  closeBallotOnce,
  type Database,
  findBallot,
  findDraft,
  findLiveVote,
  insertBallot,
  type Kysely,
  listVotes,
  setDraftStatus,
} from '@accord/db';
import type { ballotInputSchema } from '@accord/domain';
import {
  type BallotError,
  type BallotOutcome,
  DEFAULT_QUORUM,
  decideVote,
  err,
  MEMBER_STATE_CODES,
  type MemberStateCode,
  ok,
  outcomeAtClose,
  type Person,
  type Result,
  tally,
  type VoteChoice,
} from '@accord/domain';
import type { z } from 'zod';
import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
export type BallotServiceError = BallotError | 'NotFound' | 'AlreadyClosed';

/** The state of play: each eligible state's live vote, and the tally. */
export async function ballotTally(db: Db, ballot: Ballot) {
  const votes = await listVotes(db, ballot.id);
  const live = new Map(votes.filter((v) => v.live).map((v) => [v.stateCode, v.choice] as const));
  return { votes, tally: tally(ballot.eligibleStates, live, ballot.quorum) };
}

/** Opens a ballot on the draft's current version; the draft goes to voting and its text is locked. */
export async function openBallot(
  db: Db,
  draftId: number,
  input: z.output<typeof ballotInputSchema>,
  actor: Person,
  now: string,
): Promise<Result<number, BallotServiceError>> {
  const draft = await findDraft(db, draftId);
  if (!draft) return err('NotFound');
  if (draft.status !== 'draft') return err('DraftNotOpenForVote');
  const id = await db.transaction().execute(async (trx) => {
    if (!(await setDraftStatus(trx, draftId, ['draft'], 'voting', now))) return null;
    const ballotId = await insertBallot(
      trx,
      {
        draftId,
        draftVersion: draft.currentVersion,
        rule: input.rule,
        quorum: input.quorum ?? DEFAULT_QUORUM,
        eligibleStates: input.eligibleStates ?? [...MEMBER_STATE_CODES],
        opensAt: input.opensAt ?? now,
        closesAt: input.closesAt,
        timeZone: input.timeZone,
        resultsHidden: input.resultsHidden,
      },
      actor.id,
      now,
    );
    await auditByPerson(trx, actor, now, {
      action: 'ballot.open',
      recordType: 'ballot',
      recordId: ballotId,
      ...beforeAfter(null, { draftId, version: draft.currentVersion, ...input }),
    });
    return ballotId;
  });
  return id === null ? err('DraftNotOpenForVote') : ok(id);
}

/** The secretary records a state's vote given in the room or by letter; it counts like any other. */
export async function recordVote(
  db: Db,
  ballotId: number,
  vote: {
    stateCode: MemberStateCode;
    choice: VoteChoice;
    channel: 'room' | 'letter';
    reference: string;
    comment: string;
  },
  actor: Person,
  now: string,
): Promise<Result<true, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  const decision = decideVote(ballot, vote.stateCode, vote.choice, now);
  if (!decision.ok) return err(decision.error);
  await db.transaction().execute(async (trx) => {
    const before = await findLiveVote(trx, ballotId, vote.stateCode);
    await castVote(
      trx,
      {
        ballotId,
        stateCode: vote.stateCode,
        personId: null,
        choice: vote.choice,
        channel: vote.channel,
        reference: vote.reference,
        comment: vote.comment || null,
      },
      now,
    );
    await auditByPerson(trx, actor, now, {
      action: 'vote.record',
      recordType: 'ballot',
      recordId: ballotId,
      ...beforeAfter(before ?? null, vote),
    });
  });
  return ok(true);
}

/** Closes the ballot once, with the outcome its rule gives; the draft is adopted or rejected with it. */
export async function closeBallot(
  db: Db,
  ballotId: number,
  actor: Person,
  now: string,
): Promise<Result<BallotOutcome, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  if (ballot.status === 'closed') return err('AlreadyClosed');
  const closed = await db.transaction().execute(async (trx) => {
    const { tally: t } = await ballotTally(trx, ballot);
    const outcome = outcomeAtClose(ballot.rule, t);
    if (!(await closeBallotOnce(trx, ballotId, outcome, now))) return null;
    await setDraftStatus(
      trx,
      ballot.draftId,
      ['voting'],
      outcome === 'adopted' ? 'adopted' : 'rejected',
      now,
    );
    await auditByPerson(trx, actor, now, {
      action: 'ballot.close',
      recordType: 'ballot',
      recordId: ballotId,
      ...beforeAfter({ status: 'open' }, { status: 'closed', outcome, tally: t }),
    });
    return outcome;
  });
  return closed === null ? err('AlreadyClosed') : ok(closed);
}
