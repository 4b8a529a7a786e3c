import {
  type DraftKind,
  type MemberStateCode,
  planRemindersTask,
  type ResponseStatus,
  registerYear,
  type VoteChoice,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { recordAudit } from './audit';
import { scheduleTask } from './scheduled-tasks';

type Db = Kysely<Database>;

/** An entry of the register: an adopted draft, with the text of the version that was voted. */
export interface Decision {
  id: number;
  number: number;
  year: number;
  draftId: number;
  ballotId: number;
  adoptedAt: string;
  kind: DraftKind;
  title: string;
  text: string;
  directionIds: number[];
}

/** One recorded change of a state's response. */
export interface GovernmentResponse {
  id: number;
  decisionId: number;
  stateCode: MemberStateCode;
  status: ResponseStatus;
  date: string;
  note: string;
  correction: boolean;
  updatedBy: number | null;
  updatedByName: string | null;
  updatedAt: string;
}

/**
 * Enters an adopted draft in the register, in the caller's transaction: the next number of the
 * adoption's year (in the ballot's zone), an audit event, and the planning of reminders about the
 * governments' responses. Idempotent: a draft already registered keeps its entry and number.
 */
export async function recordDecision(
  trx: Db,
  entry: { draftId: number; ballotId: number; adoptedAt: string },
): Promise<{ id: number; number: number; year: number; created: boolean }> {
  const existing = await trx
    .selectFrom('decisions')
    .select(['id', 'number', 'year'])
    .where('draft_id', '=', entry.draftId)
    .executeTakeFirst();
  if (existing) return { ...existing, created: false };
  const { time_zone } = await trx
    .selectFrom('ballots')
    .select('time_zone')
    .where('id', '=', entry.ballotId)
    .executeTakeFirstOrThrow();
  const year = registerYear(entry.adoptedAt, time_zone);
  // Inside the transaction no other writer can take the number; the unique (year, number) backs it up.
  const { last } = await trx
    .selectFrom('decisions')
    .select((eb) => eb.fn.max('number').as('last'))
    .where('year', '=', year)
    .executeTakeFirstOrThrow();
  const number = (last ?? 0) + 1;
  const { id } = await trx
    .insertInto('decisions')
    .values({
      number,
      year,
      draft_id: entry.draftId,
      ballot_id: entry.ballotId,
      adopted_at: entry.adoptedAt,
      created_at: entry.adoptedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // The close that adopted it is audited with its closer (a person, or the scheduler at closing time).
  await recordAudit(trx, {
    at: entry.adoptedAt,
    actorPersonId: null,
    actorKind: 'system',
    action: 'decision.register',
    recordType: 'decision',
    recordId: id,
    before: null,
    after: { number, year, draftId: entry.draftId, ballotId: entry.ballotId },
  });
  await scheduleTask(trx, planRemindersTask('decision-response', id, entry.adoptedAt));
  return { id, number, year, created: true };
}

/** The register, newest first (or one entry), with the title and text of the version adopted. */
export async function listDecisions(db: Db, id?: number): Promise<Decision[]> {
  let query = db
    .selectFrom('decisions')
    .innerJoin('drafts', 'drafts.id', 'decisions.draft_id')
    .innerJoin('ballots', 'ballots.id', 'decisions.ballot_id')
    .innerJoin('draft_versions', (join) =>
      join
        .onRef('draft_versions.draft_id', '=', 'decisions.draft_id')
        .onRef('draft_versions.version', '=', 'ballots.draft_version'),
    )
    .select([
      'decisions.id',
      'decisions.number',
      'decisions.year',
      'decisions.draft_id',
      'decisions.ballot_id',
      'decisions.adopted_at',
      'drafts.kind',
      'drafts.direction_ids',
      'draft_versions.title',
      'draft_versions.text',
    ])
    .orderBy('decisions.year', 'desc')
    .orderBy('decisions.number', 'desc');
  if (id !== undefined) query = query.where('decisions.id', '=', id);
  return (await query.execute()).map((r) => ({
    id: r.id,
    number: r.number,
    year: r.year,
    draftId: r.draft_id,
    ballotId: r.ballot_id,
    adoptedAt: r.adopted_at,
    kind: r.kind as DraftKind,
    title: r.title,
    text: r.text,
    directionIds: JSON.parse(r.direction_ids) as number[],
  }));
}

export const findDecision = async (db: Db, id: number) => (await listDecisions(db, id))[0];

/** Every recorded change of the given decisions' responses, oldest first. */
export async function listResponseHistory(
  db: Db,
  decisionIds: readonly number[],
): Promise<GovernmentResponse[]> {
  if (decisionIds.length === 0) return [];
  const rows = await db
    .selectFrom('government_responses')
    .leftJoin('people', 'people.id', 'government_responses.updated_by')
    .selectAll('government_responses')
    .select('people.name as updated_by_name')
    .where('decision_id', 'in', decisionIds)
    .orderBy('government_responses.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    decisionId: r.decision_id,
    stateCode: r.state_code as MemberStateCode,
    status: r.status as ResponseStatus,
    date: r.status_date,
    note: r.note,
    correction: r.correction === 1,
    updatedBy: r.updated_by,
    updatedByName: r.updated_by_name,
    updatedAt: r.updated_at,
  }));
}

/** Each state's latest response to a decision (the last of its history). */
export const currentResponses = (
  history: readonly GovernmentResponse[],
  decisionId: number,
): Map<MemberStateCode, GovernmentResponse> =>
  new Map(history.filter((r) => r.decisionId === decisionId).map((r) => [r.stateCode, r] as const));

/** Appends a change of a state's response; earlier ones stay as its history. */
export async function appendResponse(
  db: Db,
  change: {
    decisionId: number;
    stateCode: MemberStateCode;
    status: ResponseStatus;
    date: string;
    note: string;
    correction: boolean;
  },
  by: number,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('government_responses')
    .values({
      decision_id: change.decisionId,
      state_code: change.stateCode,
      status: change.status,
      status_date: change.date,
      note: change.note,
      correction: change.correction ? 1 : 0,
      updated_by: by,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** The vote that counted for each state in each of the given ballots. */
export async function listLiveVotesOfBallots(db: Db, ballotIds: readonly number[]) {
  if (ballotIds.length === 0) return [];
  const rows = await db
    .selectFrom('votes')
    .select(['ballot_id', 'state_code', 'choice', 'channel'])
    .where('ballot_id', 'in', ballotIds)
    .where('superseded_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    ballotId: r.ballot_id,
    stateCode: r.state_code as MemberStateCode,
    choice: r.choice as VoteChoice,
    channel: r.channel as 'telegram' | 'room' | 'letter',
  }));
}

/** The program's directions, for naming the ones a decision serves. */
export async function listProgramDirections(db: Db) {
  const rows = await db.selectFrom('program_directions').selectAll().orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, position: r.position, titleRu: r.title_ru, titleEn: r.title_en }));
}
