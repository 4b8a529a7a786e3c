import {
  type BallotError,
  type BallotRule,
  decideVote,
  err,
  type MemberStateCode,
  ok,
  type Result,
} from '@accord/domain';
import type SQLite from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { groupCommitOf } from '../group-commit';
import type { BallotsTable, Database, Selectable, VotesTable } from '../schema';
import type { BallotActor } from './ballot-workflow';
import { toVote, type VoteInput } from './ballots';

/**
 * What a plain cast came to; `needs-workflow` when the cast may do more than write the vote: the
 * caller then runs `applyVote` in a transaction of its own, which decides again.
 */
export type PlainCast = Result<true, BallotError | 'NotFound'> | 'needs-workflow';

type BallotGate = Pick<
  Selectable<BallotsTable>,
  'status' | 'opens_at' | 'closes_at' | 'rule' | 'eligible_states'
>;

/** The statements of a plain cast, prepared once per connection. */
function prepareStatements(sqlite: SQLite.Database) {
  return {
    ballot: sqlite.prepare<[number], BallotGate>(
      'select status, opens_at, closes_at, rule, eligible_states from ballots where id = ?',
    ),
    groupChat: sqlite.prepare<[], { group_chat_id: number | null }>(
      'select group_chat_id from commission where id = 1',
    ),
    lastGroupTally: sqlite.prepare<[number, number], { state: string }>(
      `select state from outbox
       where subject_type = 'ballot' and subject_id = ? and kind = 'ballot-tally' and recipient_chat_id = ?
       order by id desc limit 1`,
    ),
    supersede: sqlite.prepare<[string, number, string], Selectable<VotesTable>>(
      `update votes set superseded_at = ?
       where ballot_id = ? and state_code = ? and superseded_at is null returning *`,
    ),
    insertVote: sqlite.prepare(
      `insert into votes (ballot_id, state_code, person_id, choice, channel, reference, comment, remark_kind, cast_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertAudit: sqlite.prepare(
      `insert into audit_events (at, actor_person_id, actor_kind, action, record_type, record_id, before, after)
       values (?, ?, ?, ?, 'ballot', ?, ?, ?)`,
    ),
  };
}

const statementsByConnection = new WeakMap<SQLite.Database, ReturnType<typeof prepareStatements>>();

function statementsOf(sqlite: SQLite.Database) {
  let statements = statementsByConnection.get(sqlite);
  if (!statements) {
    statements = prepareStatements(sqlite);
    statementsByConnection.set(sqlite, statements);
  }
  return statements;
}

function castPlainly(
  sqlite: SQLite.Database,
  ballotId: number,
  vote: VoteInput,
  actor: BallotActor,
  now: string,
): PlainCast {
  const s = statementsOf(sqlite);
  const row = s.ballot.get(ballotId);
  if (!row) return err('NotFound');
  const ballot = {
    status: row.status as 'open' | 'closed',
    opensAt: row.opens_at,
    closesAt: row.closes_at,
    rule: JSON.parse(row.rule) as BallotRule,
    eligibleStates: JSON.parse(row.eligible_states) as MemberStateCode[],
  };
  const decision = decideVote(ballot, vote.stateCode, vote.choice, now);
  if (!decision.ok) return err(decision.error);
  // Under the silence procedure a cast can close the ballot; a group with no tally edit waiting
  // needs one scheduled. Both are the workflow's, written once, in `applyVote`.
  if (ballot.rule.kind === 'silence') return 'needs-workflow';
  const { group_chat_id: groupChat } = s.groupChat.get() ?? { group_chat_id: null };
  if (groupChat !== null && s.lastGroupTally.get(ballotId, groupChat)?.state !== 'pending')
    return 'needs-workflow';

  // From here as `applyVote`: supersede, insert, audit — the same rows, the same audit event.
  const superseded = s.supersede.get(now, ballotId, vote.stateCode);
  const remarkKind = vote.comment ? (vote.remarkKind ?? 'comment') : null;
  s.insertVote.run(
    ballotId,
    vote.stateCode,
    vote.personId,
    vote.choice,
    vote.channel,
    vote.reference,
    vote.comment,
    remarkKind,
    now,
  );
  const before = superseded ? toVote({ ...superseded, superseded_at: null }) : null;
  const action = vote.channel === 'telegram' ? 'vote.cast' : 'vote.record';
  s.insertAudit.run(
    now,
    actor.personId,
    actor.kind,
    action,
    String(ballotId),
    JSON.stringify(before),
    JSON.stringify(vote),
  );
  return ok(true);
}

/**
 * Records a vote that is only a write — the common cast: a state's vote on an open ballot under
 * consensus or majority, with the group's tally edit already waiting if there is a group — through
 * group commit, with the casts that arrive with it. The rows and the audit event are `applyVote`'s;
 * the decision is `decideVote`'s, taken in the write's own transaction.
 */
export function recordPlainVote(
  db: Kysely<Database>,
  ballotId: number,
  vote: VoteInput,
  actor: BallotActor,
  now: string,
): Promise<PlainCast> {
  return groupCommitOf(db).run((sqlite) => castPlainly(sqlite, ballotId, vote, actor, now));
}
