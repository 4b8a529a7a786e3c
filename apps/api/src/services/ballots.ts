import {
  announceBallot,
  applyVote,
  type Ballot,
  closeBallotNow,
  type Database,
  extendBallot,
  findBallot,
  findDraft,
  findDraftVersionHeading,
  getCommissionOrThrow,
  insertBallot,
  type Kysely,
  listVotes,
  liveChoices,
  nudgeBallot,
  personNames,
  recordPlainVote,
  setDraftStatus,
  signOffGateFor,
} from '@accord/db';
import type { ballotInputSchema, SignOffGateError } from '@accord/domain';
import {
  type BallotError,
  type BallotOutcome,
  can,
  DEFAULT_QUORUM,
  decideVote,
  err,
  isLaterClose,
  MEMBER_STATE_CODES,
  type MemberStateCode,
  ok,
  type Person,
  type RemarkKind,
  type Result,
  tally,
  tallyVisible,
  type VoteChoice,
} from '@accord/domain';
import type { z } from 'zod';
import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
export type BallotServiceError = BallotError | 'NotFound' | 'AlreadyClosed' | 'NotLater' | SignOffGateError;

/** The state of play: each eligible state's live vote, and the tally. */
export async function ballotTally(db: Db, ballot: Ballot) {
  const votes = await listVotes(db, ballot.id);
  return { votes, tally: tally(ballot.eligibleStates, liveChoices(votes), ballot.quorum) };
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
  const withheld = !tallyVisible(ballot, can(viewer.roles, 'ballots.run'));
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
  const commission = await getCommissionOrThrow(db);
  const commissionQuorum =
    commission.quorum_denominator > 0
      ? { numerator: commission.quorum_numerator, denominator: commission.quorum_denominator }
      : DEFAULT_QUORUM;
  const id = await db.transaction().execute(async (trx) => {
    // Where the settings ask for it, only a version the chairman approved as it is now is voted on.
    const gate = await signOffGateFor(trx, 'draft', draftId);
    if (!gate.ok) return gate.error === 'NotFound' ? null : gate.error;
    if (!(await setDraftStatus(trx, draftId, ['draft'], 'voting', now))) return null;
    const ballotId = await insertBallot(
      trx,
      {
        draftId,
        draftVersion: draft.currentVersion,
        rule: input.rule,
        // The ballot's own quorum, else the commission's (two thirds unless the commission set another).
        quorum: input.quorum ?? commissionQuorum,
        eligibleStates: input.eligibleStates ?? [...MEMBER_STATE_CODES],
        opensAt: input.opensAt ?? now,
        closesAt: input.closesAt,
        timeZone: input.timeZone,
        resultsHidden: input.resultsHidden,
        reminderLeadMs: input.reminderLeadHours * 3_600_000,
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
    await announceBallot(trx, ballotId, now);
    return ballotId;
  });
  if (typeof id === 'string') return err(id);
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
    remarkKind: RemarkKind;
  },
  actor: Person,
  now: string,
): Promise<Result<true, BallotServiceError>> {
  const cast = {
    ...vote,
    personId: null,
    comment: vote.comment || null,
    remarkKind: vote.comment ? vote.remarkKind : null,
  };
  const by = { personId: actor.id, kind: 'person' } as const;
  // The common cast is only a write, committed with the others arriving at the same moment.
  const plain = await recordPlainVote(db, ballotId, cast, by, now);
  if (plain !== 'needs-workflow') return plain;
  // Read and written in one transaction: the ballot cannot close between the check and the cast.
  return db.transaction().execute(async (trx): Promise<Result<true, BallotServiceError>> => {
    const ballot = await findBallot(trx, ballotId);
    if (!ballot) return err('NotFound');
    const decision = decideVote(ballot, vote.stateCode, vote.choice, now);
    if (!decision.ok) return err(decision.error);
    await applyVote(trx, ballot, cast, by, now);
    return ok(true);
  });
}

/** Closes the ballot once, early, with the outcome its rule gives; everyone is told. */
export async function closeBallot(
  db: Db,
  ballotId: number,
  actor: Person,
  now: string,
): Promise<Result<BallotOutcome, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  if (ballot.status === 'closed') return err('AlreadyClosed');
  const outcome = await db
    .transaction()
    .execute((trx) => closeBallotNow(trx, ballotId, { personId: actor.id, kind: 'person' }, now));
  return outcome === null ? err('AlreadyClosed') : ok(outcome);
}

/** Moves the close later, with a notice to everyone; the new close must come after now and after the old one. */
export async function extendBallotClose(
  db: Db,
  ballotId: number,
  closesAt: string,
  actor: Person,
  now: string,
): Promise<Result<string, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  if (ballot.status === 'closed') return err('AlreadyClosed');
  if (!isLaterClose(closesAt, ballot.closesAt, now)) return err('NotLater');
  const moved = await db
    .transaction()
    .execute((trx) => extendBallot(trx, ballotId, closesAt, { personId: actor.id, kind: 'person' }, now));
  return moved ? ok(closesAt) : err('AlreadyClosed');
}

/** Reminds the states that have not voted; returns how many states were reminded. */
export async function nudgeNonVoters(
  db: Db,
  ballotId: number,
  actor: Person,
  now: string,
): Promise<Result<number, BallotServiceError>> {
  const ballot = await findBallot(db, ballotId);
  if (!ballot) return err('NotFound');
  const count = await db
    .transaction()
    .execute((trx) => nudgeBallot(trx, ballotId, { personId: actor.id, kind: 'person' }, now));
  return count === null ? err('AlreadyClosed') : ok(count);
}
