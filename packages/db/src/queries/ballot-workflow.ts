import {
  type BallotOutcome,
  ballotTextInline,
  earlyOutcome,
  isRepresentationActive,
  type MemberStateCode,
  type MessageIntent,
  nextTallyEditAt,
  outboxDrafts,
  outcomeAtClose,
  type Person,
  PRIORITY,
  planRemindersTask,
  type Recipient,
  tally,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import {
  type Ballot,
  castVote,
  closeBallotOnce,
  findBallot,
  listLiveVotes,
  liveChoices,
  moveBallotClose,
  type VoteInput,
  type VoterSnapshot,
} from './ballots';
import { recordDecision } from './decisions';
import { findDraft, setDraftStatus } from './drafts';
import { enqueueMessages } from './outbox';
import { listPeople, listRepresentations, listRepresentationsOf } from './people';
import { scheduleTask } from './scheduled-tasks';
import { getCommissionOrThrow } from './states';

type Db = Kysely<Database>;

/** Who did it, for the audit log: a person on the dashboard or in chat, or the scheduler. */
export interface BallotActor {
  personId: number | null;
  kind: 'person' | 'telegram' | 'system';
}

const SUBJECT = (ballotId: number) => ({ type: 'ballot', id: ballotId });
export const closeBallotTaskKey = (ballotId: number) => `close-ballot:${ballotId}`;

/** The state a person votes for: their active accreditation, if they are active. */
export async function votingStateOf(db: Db, person: Person, now: string): Promise<MemberStateCode | null> {
  if (!person.active) return null;
  const representation = (await listRepresentationsOf(db, person.id)).find((r) =>
    isRepresentationActive(r, now),
  );
  return representation?.stateCode ?? null;
}

/** Everyone a ballot concerns: each eligible state's accredited representatives, the secretaries, the group. */
export async function ballotAudience(db: Db, ballot: Pick<Ballot, 'eligibleStates'>, now: string) {
  const [people, representations, commission] = await Promise.all([
    listPeople(db),
    listRepresentations(db),
    getCommissionOrThrow(db),
  ]);
  const active = new Map(people.filter((p) => p.active).map((p) => [p.id, p]));
  const voters = representations
    .filter((r) => isRepresentationActive(r, now) && ballot.eligibleStates.includes(r.stateCode))
    .flatMap((r) => {
      const person = active.get(r.personId);
      return person ? [{ person, stateCode: r.stateCode }] : [];
    });
  const voterIds = new Set(voters.map((v) => v.person.id));
  const secretaries = [...active.values()].filter((p) => p.roles.includes('secretary'));
  return {
    voters,
    /** Secretaries who do not also vote: they follow the ballot without buttons. */
    followers: secretaries.filter((p) => !voterIds.has(p.id)),
    groupChatId: commission.group_chat_id,
  };
}

const linked = (people: readonly Person[]): Recipient[] =>
  people.filter((p) => p.telegramUserId !== null).map((p) => ({ personId: p.id }));

const enqueue = (
  trx: Db,
  intent: MessageIntent,
  recipients: readonly Recipient[],
  dueAt: string,
  now: string,
  priority: number = PRIORITY.notice,
) =>
  enqueueMessages(
    trx,
    outboxDrafts(intent, recipients, dueAt, priority),
    SUBJECT('ballotId' in intent ? intent.ballotId : 0),
    now,
  );

/**
 * Announces an opened ballot, in the transaction that opened it: the ballot to each eligible
 * member (with the text as a document when it is long), a copy to the secretaries and the group
 * from its opening moment; the close at its time; the reminders.
 */
export async function announceBallot(trx: Db, ballotId: number, now: string): Promise<void> {
  const ballot = await findBallot(trx, ballotId);
  const draft = ballot && (await findDraft(trx, ballot.draftId));
  if (!ballot || !draft) throw new Error(`ballot ${ballotId} or its draft is missing`);
  const { voters, followers, groupChatId } = await ballotAudience(trx, ballot, now);
  const everyone = linked([...voters.map((v) => v.person), ...followers]);
  const dueAt = Date.parse(ballot.opensAt) > Date.parse(now) ? ballot.opensAt : now;
  if (!ballotTextInline(draft.text))
    await enqueue(trx, { kind: 'ballot-text', ballotId }, everyone, dueAt, now);
  await enqueue(
    trx,
    { kind: 'ballot-opened', ballotId },
    [...everyone, ...(groupChatId === null ? [] : [{ chatId: groupChatId }])],
    dueAt,
    now,
  );
  await scheduleTask(trx, {
    kind: 'close-ballot',
    key: closeBallotTaskKey(ballotId),
    payload: { ballotId },
    dueAt: ballot.closesAt,
    now,
  });
  await scheduleTask(trx, planRemindersTask('ballot', ballotId, now));
}

/**
 * Asks for the group's live tally to be brought up to date. A pending edit renders the tally as
 * it is when sent, so one waiting is enough; otherwise one is queued no sooner than the interval
 * after the last, which keeps the group under Telegram's 20 a minute however fast votes come.
 */
export async function refreshGroupTally(trx: Db, ballotId: number, now: string): Promise<void> {
  const { group_chat_id: chatId } = await getCommissionOrThrow(trx);
  if (chatId === null) return;
  const rows = await trx
    .selectFrom('outbox')
    .select(['state', 'due_at', 'intent'])
    .where('subject_type', '=', 'ballot')
    .where('subject_id', '=', ballotId)
    .where('kind', '=', 'ballot-tally')
    .where('recipient_chat_id', '=', chatId)
    .orderBy('id', 'desc')
    .limit(1)
    .execute();
  const last = rows[0];
  if (last?.state === 'pending') return;
  const revision = last ? (JSON.parse(last.intent) as { revision: number }).revision + 1 : 1;
  await enqueue(
    trx,
    { kind: 'ballot-tally', ballotId, revision },
    [{ chatId }],
    nextTallyEditAt(last?.due_at ?? null, now),
    now,
    PRIORITY.bulk,
  );
}

/**
 * Records a state's vote in the caller's transaction (the ballot must be open: decide first with
 * `decideVote`): the earlier live vote is superseded, the cast audited, the group's tally and the
 * reminders brought up to date; under the silence procedure an objection — or the last
 * "no objection" — closes the ballot at once. Returns the outcome if it closed.
 */
export async function applyVote(
  trx: Db,
  ballot: Ballot,
  vote: VoteInput,
  actor: BallotActor,
  now: string,
): Promise<BallotOutcome | null> {
  const before = (await castVote(trx, { ballotId: ballot.id, ...vote }, now)) ?? null;
  await recordAudit(trx, {
    at: now,
    actorPersonId: actor.personId,
    actorKind: actor.kind,
    action: vote.channel === 'telegram' ? 'vote.cast' : 'vote.record',
    recordType: 'ballot',
    recordId: ballot.id,
    before,
    after: vote,
  });
  // Only the silence procedure can end before its time: other rules need not count now.
  if (ballot.rule.kind === 'silence') {
    const live = liveChoices(await listLiveVotes(trx, ballot.id));
    const early = earlyOutcome(ballot.rule, tally(ballot.eligibleStates, live, ballot.quorum));
    if (early !== null) return closeBallotNow(trx, ballot.id, { personId: null, kind: 'system' }, now);
  }
  // The reminders need no re-planning here: each reminder line is dropped at send time when its
  // state has voted since, and every open ballot is re-planned each hour.
  await refreshGroupTally(trx, ballot.id, now);
  return null;
}

/**
 * Closes a ballot exactly once, in the caller's transaction, with the outcome its rule gives:
 * the draft follows, the eligible voters are kept as they were, and everyone it concerns is told
 * the result while every ballot message loses its buttons. Null when it was closed already.
 */
export async function closeBallotNow(
  trx: Db,
  ballotId: number,
  actor: BallotActor,
  now: string,
): Promise<BallotOutcome | null> {
  const ballot = await findBallot(trx, ballotId);
  if (ballot?.status !== 'open') return null;
  const live = liveChoices(await listLiveVotes(trx, ballotId));
  const result = tally(ballot.eligibleStates, live, ballot.quorum);
  const outcome = earlyOutcome(ballot.rule, result) ?? outcomeAtClose(ballot.rule, result);
  const { voters, followers, groupChatId } = await ballotAudience(trx, ballot, now);
  const voterSnapshot: VoterSnapshot = ballot.eligibleStates.map((stateCode) => ({
    stateCode,
    people: voters
      .filter((v) => v.stateCode === stateCode)
      .map((v) => ({ id: v.person.id, name: v.person.name })),
  }));
  const closedBy = actor.kind === 'person' ? actor.personId : null;
  if (!(await closeBallotOnce(trx, ballotId, { outcome, closedBy, voterSnapshot }, now))) return null;
  await setDraftStatus(trx, ballot.draftId, ['voting'], outcome === 'adopted' ? 'adopted' : 'rejected', now);
  // An adoption enters the decisions register in the same transaction, numbered once.
  if (outcome === 'adopted') await recordDecision(trx, { draftId: ballot.draftId, ballotId, adoptedAt: now });
  await recordAudit(trx, {
    at: now,
    actorPersonId: actor.personId,
    actorKind: actor.kind,
    action: 'ballot.close',
    recordType: 'ballot',
    recordId: ballotId,
    before: { status: 'open', closesAt: ballot.closesAt },
    after: { status: 'closed', outcome, tally: result },
  });
  const everyone = linked([...voters.map((v) => v.person), ...followers]);
  const group = groupChatId === null ? [] : [{ chatId: groupChatId }];
  await enqueue(trx, { kind: 'ballot-closed', ballotId }, [...everyone, ...group], now, now);
  // The ballot messages already sent lose their buttons and show the result.
  await enqueue(
    trx,
    { kind: 'ballot-tally', ballotId, revision: 0 },
    [...everyone, ...group],
    now,
    now,
    PRIORITY.bulk,
  );
  await scheduleTask(trx, planRemindersTask('ballot', ballotId, now));
  return outcome;
}

/** Moves the close of an open ballot later, with a notice to everyone it concerns; false if it closed. */
export async function extendBallot(
  trx: Db,
  ballotId: number,
  closesAt: string,
  actor: BallotActor,
  now: string,
): Promise<boolean> {
  const ballot = await findBallot(trx, ballotId);
  if (!ballot || !(await moveBallotClose(trx, ballotId, closesAt))) return false;
  await recordAudit(trx, {
    at: now,
    actorPersonId: actor.personId,
    actorKind: actor.kind,
    action: 'ballot.extend',
    recordType: 'ballot',
    recordId: ballotId,
    before: { closesAt: ballot.closesAt },
    after: { closesAt },
  });
  const { voters, followers, groupChatId } = await ballotAudience(trx, ballot, now);
  const group = groupChatId === null ? [] : [{ chatId: groupChatId }];
  await enqueue(
    trx,
    { kind: 'ballot-extended', ballotId, closesAt },
    [...linked([...voters.map((v) => v.person), ...followers]), ...group],
    now,
    now,
  );
  await scheduleTask(trx, {
    kind: 'close-ballot',
    key: closeBallotTaskKey(ballotId),
    payload: { ballotId },
    dueAt: closesAt,
    now,
  });
  await scheduleTask(trx, planRemindersTask('ballot', ballotId, now));
  return true;
}

/** Reminds the accredited representatives of every state that has not voted; returns how many states. */
export async function nudgeBallot(
  trx: Db,
  ballotId: number,
  actor: BallotActor,
  now: string,
): Promise<number | null> {
  const ballot = await findBallot(trx, ballotId);
  if (ballot?.status !== 'open') return null;
  const voted = liveChoices(await listLiveVotes(trx, ballotId));
  const silent = ballot.eligibleStates.filter((s) => !voted.has(s));
  const { voters } = await ballotAudience(trx, ballot, now);
  await enqueue(
    trx,
    { kind: 'ballot-nudge', ballotId, at: now },
    linked(voters.filter((v) => silent.includes(v.stateCode)).map((v) => v.person)),
    now,
    now,
  );
  await recordAudit(trx, {
    at: now,
    actorPersonId: actor.personId,
    actorKind: actor.kind,
    action: 'ballot.nudge',
    recordType: 'ballot',
    recordId: ballotId,
    after: { states: silent },
  });
  return silent.length;
}
