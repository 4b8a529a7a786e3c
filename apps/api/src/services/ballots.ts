import {
  type Ballot,
  castVote,
  closeBallotOnce,
  type Database,
  findBallot,
  findDraft,
  findDraftVersionHeading,
  insertBallot,
  type Kysely,
  listVotes,
  personNames,
  setBallotClosesAt,
  setDraftStatus,
} from '@accord/db';
import type { ballotInputSchema } from '@accord/domain';
import {
  type BallotError,
  type BallotOutcome,
  can,
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
export type BallotServiceError = BallotError | 'NotFound' | 'AlreadyClosed' | 'NotLater';

/** The state of play: each eligible state's live vote, and the tally. */
export async function ballotTally(db: Db, ballot: Ballot) {
  const votes = await listVotes(db, ballot.id);
  const live = new Map(votes.filter((v) => v.live).map((v) => [v.stateCode, v.choice] as const));
  return { votes, tally: tally(ballot.eligibleStates, live, ballot.quorum) };
}

/**
 * The ballot as `viewer` may see it: while hidden results are open, only those who run the ballot
 * see the votes and the count; others see how many states took part. Each cast is named by who cast
 * it (for a vote recorded from the room or a letter: nobody, the channel and reference say how).
 */
export async function ballotView(db: Db, ballot: Ballot, viewer: Pick<Person, 'roles'>) {
  const { votes, tally: t } = await ballotTally(db, ballot);
  const draft = await findDraftVersionHeading(db, ballot.draftId, ballot.draftVersion);
  if (!draft) throw new Error(`ballot ${ballot.id} has no draft version ${ballot.draftVersion}`);
  const names = await personNames(db, [
    ...new Set(votes.flatMap((v) => (v.personId === null ? [] : [v.personId]))),
  ]);
  const withheld = ballot.resultsHidden && ballot.status === 'open' && !can(viewer.roles, 'ballots.run');
  return {
    ballot,
    draft,
    resultsWithheld: withheld,
    tally: withheld ? { participating: t.participating, eligible: t.eligible, quorumMet: t.quorumMet } : t,
    votes: withheld
      ? []
      : votes.map((v) => ({ ...v, castBy: v.personId === null ? null : (names.get(v.personId) ?? null) })),
  };
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
    const before = (await listVotes(trx, ballotId)).find((v) => v.live && v.stateCode === vote.stateCode);
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

/** Moves an open ballot's deadline later; it must stay later than both now and the current close. */
export async function extendBallot(
  db: Db,
  ballotId: number,
  closesAt: string,
  actor: Person,
  now: string,
): Promise<Result<string, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  if (ballot.status === 'closed') return err('AlreadyClosed');
  const next = new Date(closesAt).toISOString();
  if (Date.parse(next) <= Date.parse(now) || Date.parse(next) <= Date.parse(ballot.closesAt))
    return err('NotLater');
  const moved = await db.transaction().execute(async (trx) => {
    if (!(await setBallotClosesAt(trx, ballotId, next))) return false;
    await auditByPerson(trx, actor, now, {
      action: 'ballot.extend',
      recordType: 'ballot',
      recordId: ballotId,
      ...beforeAfter({ closesAt: ballot.closesAt }, { closesAt: next }),
    });
    return true;
  });
  return moved ? ok(next) : err('AlreadyClosed');
}

/**
 * Reminds the eligible states that have not voted. The reminder is audited; its chat message
 * belongs to the bot's voting feature (an outbox intent it renders), which this branch does not have.
 */
export async function nudgeBallot(
  db: Db,
  ballotId: number,
  actor: Person,
  now: string,
): Promise<Result<number, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  if (ballot.status === 'closed') return err('AlreadyClosed');
  const voted = new Set((await listVotes(db, ballotId)).filter((v) => v.live).map((v) => v.stateCode));
  const silent = ballot.eligibleStates.filter((s) => !voted.has(s));
  await db.transaction().execute((trx) =>
    auditByPerson(trx, actor, now, {
      action: 'ballot.nudge',
      recordType: 'ballot',
      recordId: ballotId,
      ...beforeAfter(null, { states: silent }),
    }),
  );
  return ok(silent.length);
}
