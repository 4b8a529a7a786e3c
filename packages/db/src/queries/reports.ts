import { createHash } from 'node:crypto';
import {
  type BallotRule,
  canonicalJson,
  type DraftKind,
  type Fraction,
  type MeetingKind,
  type MeetingStatus,
  type MemberStateCode,
  type ReportRecords,
  type ReportSectionKey,
  type ReportSections,
  type ReportStatus,
  type ResponseStatus,
  type SignOff,
  type SignOffKind,
  type SignOffState,
  type TaskStatus,
  type VoteChoice,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { listDecisions, listResponseHistory } from './decisions';
import { listActivities, listPrograms } from './programs';
import { listWorkingGroups } from './working-groups';

type Db = Kysely<Database>;

/** SHA-256 (hex) of the sections' canonical JSON: the same content always has the same hash. */
export const reportContentHash = (sections: ReportSections): string =>
  createHash('sha256').update(canonicalJson(sections)).digest('hex');

/**
 * Everything a year's report is assembled from. Meetings are read a day either side of the year
 * in UTC, so the domain can place each by its own zone's calendar.
 */
export async function loadReportRecords(db: Db, year: number, timeZone: string): Promise<ReportRecords> {
  const { min_meetings_per_year } = await db
    .selectFrom('commission')
    .select('min_meetings_per_year')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const meetingRows = await db
    .selectFrom('meetings')
    .leftJoin('meeting_records', 'meeting_records.meeting_id', 'meetings.id')
    .select([
      'meetings.id',
      'meetings.kind',
      'meetings.title',
      'meetings.starts_at',
      'meetings.time_zone',
      'meetings.status',
      'meeting_records.held_at',
    ])
    .where('meetings.starts_at', '>=', `${year - 1}-12-31T00:00:00.000Z`)
    .where('meetings.starts_at', '<', `${year + 1}-01-02T00:00:00.000Z`)
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .execute();
  const attendance =
    meetingRows.length === 0
      ? []
      : await db
          .selectFrom('meeting_attendance')
          .selectAll()
          .where(
            'meeting_id',
            'in',
            meetingRows.map((m) => m.id),
          )
          .orderBy('person_id')
          .execute();
  const representation = await db
    .selectFrom('representations')
    .select(['person_id', 'state_code'])
    .where('valid_from', '<', `${year + 1}-01-01T00:00:00.000Z`)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', `${year}-01-01T00:00:00.000Z`)]))
    .orderBy('id')
    .execute();

  const decisions = (await listDecisions(db)).filter((d) => d.year === year).reverse();
  const ballotIds = decisions.map((d) => d.ballotId);
  const [ballots, votes, responses] =
    ballotIds.length === 0
      ? [[], [], []]
      : await Promise.all([
          db.selectFrom('ballots').selectAll().where('id', 'in', ballotIds).execute(),
          db
            .selectFrom('votes')
            .select(['id', 'ballot_id', 'state_code', 'choice'])
            .where('ballot_id', 'in', ballotIds)
            .where('superseded_at', 'is', null)
            .orderBy('id')
            .execute(),
          listResponseHistory(
            db,
            decisions.map((d) => d.id),
          ),
        ]);
  const ballotOf = new Map(ballots.map((b) => [b.id, b]));

  const programs = await listPrograms(db);
  const activities = await Promise.all(programs.map((p) => listActivities(db, p.id)));
  const groups = await listWorkingGroups(db);
  const tasks = await db.selectFrom('tasks').selectAll().orderBy('due_date').orderBy('id').execute();

  return {
    year,
    minimumMeetings: min_meetings_per_year,
    timeZone,
    meetings: meetingRows.map((m) => ({
      id: m.id,
      kind: m.kind as MeetingKind,
      title: m.title,
      startsAt: m.starts_at,
      timeZone: m.time_zone,
      status: m.status as MeetingStatus,
      heldAt: m.held_at ?? null,
      attendance: attendance
        .filter((a) => a.meeting_id === m.id)
        .map((a) => ({ personId: a.person_id, present: a.present === 1 })),
    })),
    representation: representation.map((r) => ({
      personId: r.person_id,
      stateCode: r.state_code as MemberStateCode,
    })),
    decisions: decisions.flatMap((d) => {
      const ballot = ballotOf.get(d.ballotId);
      if (!ballot) return [];
      return [
        {
          id: d.id,
          number: d.number,
          year: d.year,
          kind: d.kind as DraftKind,
          title: d.title,
          adoptedAt: d.adoptedAt,
          ballot: {
            id: ballot.id,
            rule: JSON.parse(ballot.rule) as BallotRule,
            quorum: JSON.parse(ballot.quorum) as Fraction,
            eligibleStates: JSON.parse(ballot.eligible_states) as MemberStateCode[],
          },
          votes: votes
            .filter((v) => v.ballot_id === ballot.id)
            .map((v) => ({
              id: v.id,
              stateCode: v.state_code as MemberStateCode,
              choice: v.choice as VoteChoice,
            })),
          responses: responses
            .filter((r) => r.decisionId === d.id)
            .map((r) => ({
              id: r.id,
              stateCode: r.stateCode,
              status: r.status as ResponseStatus,
              date: r.date,
            })),
        },
      ];
    }),
    programs: programs.map((p, i) => ({
      id: p.id,
      titleRu: p.titleRu,
      titleEn: p.titleEn,
      periodStart: p.periodStart,
      periodEnd: p.periodEnd,
      directions: p.directions.map((d) => ({ id: d.id, titleRu: d.titleRu, titleEn: d.titleEn })),
      activities: (activities[i] ?? []).map((a) => ({
        id: a.id,
        title: a.title,
        directionId: a.directionId,
        leadState: a.leadState,
        participatingStates: a.participatingStates,
        start: a.start,
        end: a.end,
        status: a.status,
        progress: a.progress,
      })),
    })),
    workingGroups: groups.map((g) => ({
      id: g.id,
      name: g.name,
      mandate: g.mandate,
      active: g.active,
      tasks: tasks
        .filter((t) => t.group_id === g.id)
        .map((t) => ({
          id: t.id,
          title: t.title,
          dueDate: t.due_date,
          status: t.status as TaskStatus,
          doneAt: t.done_at,
        })),
    })),
  };
}

export interface Report {
  id: number;
  year: number;
  status: ReportStatus;
  currentVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReportVersionSummary {
  version: number;
  contentHash: string;
  change: 'assembled' | 'edit' | 'refresh';
  sectionKey: ReportSectionKey | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

export interface ReportVersion extends ReportVersionSummary {
  sections: ReportSections;
}

/** Every year's report, latest year first (or one year's). */
export async function listReports(db: Db, year?: number): Promise<Report[]> {
  let query = db.selectFrom('reports').selectAll().orderBy('year', 'desc');
  if (year !== undefined) query = query.where('year', '=', year);
  return (await query.execute()).map((r) => ({
    id: r.id,
    year: r.year,
    status: r.status as ReportStatus,
    currentVersion: r.current_version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

export async function findReportById(db: Db, id: number): Promise<Report | undefined> {
  const r = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    r && {
      id: r.id,
      year: r.year,
      status: r.status as ReportStatus,
      currentVersion: r.current_version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }
  );
}

export const findReportByYear = async (db: Db, year: number): Promise<Report | undefined> =>
  (await listReports(db, year))[0];

const versionQuery = (db: Db, reportId: number) =>
  db
    .selectFrom('report_versions')
    .leftJoin('people', 'people.id', 'report_versions.created_by')
    .select([
      'report_versions.version',
      'report_versions.content_hash',
      'report_versions.change',
      'report_versions.section_key',
      'report_versions.created_by',
      'report_versions.created_at',
      'report_versions.sections',
      'people.name as created_by_name',
    ])
    .where('report_versions.report_id', '=', reportId);

type VersionRow = Awaited<ReturnType<ReturnType<typeof versionQuery>['execute']>>[number];
const toSummary = (r: VersionRow): ReportVersionSummary => ({
  version: r.version,
  contentHash: r.content_hash,
  change: r.change as ReportVersionSummary['change'],
  sectionKey: r.section_key as ReportSectionKey | null,
  createdBy: r.created_by,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
});

/** A report's versions, oldest first, without their content. */
export async function listReportVersions(db: Db, reportId: number): Promise<ReportVersionSummary[]> {
  return (await versionQuery(db, reportId).orderBy('report_versions.version').execute()).map(toSummary);
}

/** One version with its sections. */
export async function findReportVersion(
  db: Db,
  reportId: number,
  version: number,
): Promise<ReportVersion | undefined> {
  const row = await versionQuery(db, reportId)
    .where('report_versions.version', '=', version)
    .executeTakeFirst();
  return row && { ...toSummary(row), sections: JSON.parse(row.sections) as ReportSections };
}

/** Creates a year's report with its first, assembled version; null if the year has one already. */
export async function insertReport(
  trx: Db,
  year: number,
  sections: ReportSections,
  by: number,
  now: string,
): Promise<number | null> {
  const inserted = await trx
    .insertInto('reports')
    .values({ year, status: 'draft', current_version: 1, created_by: by, created_at: now, updated_at: now })
    .onConflict((oc) => oc.column('year').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  await trx
    .insertInto('report_versions')
    .values({
      report_id: inserted.id,
      version: 1,
      sections: JSON.stringify(sections),
      content_hash: reportContentHash(sections),
      change: 'assembled',
      section_key: null,
      created_by: by,
      created_at: now,
    })
    .execute();
  return inserted.id;
}

/**
 * Saves the next version, guarded by the version it was made from and by the report not being
 * approved or submitted (one statement, so a concurrent save or an approval wins cleanly):
 * the new version number, or null if the guard failed.
 */
export async function saveReportVersion(
  trx: Db,
  report: { id: number; expectedVersion: number },
  next: {
    sections: ReportSections;
    change: 'edit' | 'refresh';
    sectionKey: ReportSectionKey | null;
    status: ReportStatus;
  },
  by: number,
  now: string,
): Promise<number | null> {
  const version = report.expectedVersion + 1;
  const updated = await trx
    .updateTable('reports')
    .set({ current_version: version, status: next.status, updated_at: now })
    .where('id', '=', report.id)
    .where('current_version', '=', report.expectedVersion)
    .where('status', 'not in', ['approved', 'submitted'])
    .executeTakeFirst();
  if (updated.numUpdatedRows === 0n) return null;
  await trx
    .insertInto('report_versions')
    .values({
      report_id: report.id,
      version,
      sections: JSON.stringify(next.sections),
      content_hash: reportContentHash(next.sections),
      change: next.change,
      section_key: next.sectionKey,
      created_by: by,
      created_at: now,
    })
    .execute();
  return version;
}

/**
 * A sign-off as the database keeps it: the domain's `SignOff` (what the rules decide on) with who
 * asked, who answered, in what capacity and with what comment.
 */
export interface SignOffRecord extends SignOff {
  requestedBy: number | null;
  requestedByName: string | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The chairman's named deputy answered in the chairman's absence. */
  onBehalfOfDeputy: boolean;
}

const signOffQuery = (db: Db) =>
  db
    .selectFrom('sign_offs')
    .leftJoin('people as requester', 'requester.id', 'sign_offs.requested_by')
    .leftJoin('people as decider', 'decider.id', 'sign_offs.decided_by')
    .selectAll('sign_offs')
    .select(['requester.name as requested_by_name', 'decider.name as decided_by_name']);

type SignOffRow = Awaited<ReturnType<ReturnType<typeof signOffQuery>['execute']>>[number];
const toSignOff = (r: SignOffRow): SignOffRecord => ({
  id: r.id,
  kind: r.item_kind as SignOffKind,
  itemId: r.item_id,
  version: r.item_version,
  contentHash: r.content_hash,
  state: r.state as SignOffState,
  requestedAt: r.requested_at,
  requestedBy: r.requested_by,
  requestedByName: r.requested_by_name,
  decidedBy: r.decided_by,
  decidedByName: r.decided_by_name,
  decidedAt: r.decided_at,
  comment: r.comment,
  onBehalfOfDeputy: r.on_behalf_of_deputy === 1,
});

/** An item's sign-off requests and their answers, oldest first. */
export async function listSignOffs(db: Db, kind: SignOffKind, itemId: number): Promise<SignOffRecord[]> {
  const rows = await signOffQuery(db)
    .where('sign_offs.item_kind', '=', kind)
    .where('sign_offs.item_id', '=', itemId)
    .orderBy('sign_offs.id')
    .execute();
  return rows.map(toSignOff);
}

export async function findSignOff(db: Db, id: number): Promise<SignOffRecord | undefined> {
  const row = await signOffQuery(db).where('sign_offs.id', '=', id).executeTakeFirst();
  return row && toSignOff(row);
}

/** Marks these sign-offs superseded (asked or approved about content that has changed since). */
export async function supersedeSignOffs(trx: Db, ids: readonly number[], now: string): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await trx
    .updateTable('sign_offs')
    .set({ state: 'superseded', decided_at: now })
    .where('id', 'in', ids)
    .where('state', 'in', ['requested', 'approved'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Marks an item's open sign-off request superseded (its content changed); how many were. */
export async function supersedeOpenSignOffs(
  trx: Db,
  itemKind: SignOffKind,
  itemId: number,
  now: string,
): Promise<number> {
  const result = await trx
    .updateTable('sign_offs')
    .set({ state: 'superseded', decided_at: now })
    .where('item_kind', '=', itemKind)
    .where('item_id', '=', itemId)
    .where('state', '=', 'requested')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Asks for a sign-off on one version of an item; an earlier open request is superseded. */
export async function requestSignOff(
  trx: Db,
  request: Pick<SignOff, 'kind' | 'itemId' | 'version' | 'contentHash'>,
  by: number,
  now: string,
): Promise<number> {
  await supersedeOpenSignOffs(trx, request.kind, request.itemId, now);
  const { id } = await trx
    .insertInto('sign_offs')
    .values({
      item_kind: request.kind,
      item_id: request.itemId,
      item_version: request.version,
      content_hash: request.contentHash,
      requested_by: by,
      requested_at: now,
      state: 'requested',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Records the answer to an open request, once: false if it was already answered or superseded. */
export async function decideSignOffOnce(
  trx: Db,
  id: number,
  answer: {
    state: 'approved' | 'changes-requested';
    by: number;
    comment: string | null;
    onBehalfOfDeputy: boolean;
  },
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('sign_offs')
    .set({
      state: answer.state,
      decided_by: answer.by,
      decided_at: now,
      comment: answer.comment,
      on_behalf_of_deputy: answer.onBehalfOfDeputy ? 1 : 0,
    })
    .where('id', '=', id)
    .where('state', '=', 'requested')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Records the approved report's submission to the Secretary General. */
export async function insertReportSubmission(
  trx: Db,
  submission: { reportId: number; reportVersion: number; submittedOn: string; referenceNumber: string },
  by: number,
  now: string,
): Promise<number> {
  const { id } = await trx
    .insertInto('report_submissions')
    .values({
      report_id: submission.reportId,
      report_version: submission.reportVersion,
      submitted_on: submission.submittedOn,
      reference_number: submission.referenceNumber,
      recorded_by: by,
      recorded_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function listReportSubmissions(db: Db, reportId: number) {
  const rows = await db
    .selectFrom('report_submissions')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reportVersion: r.report_version,
    submittedOn: r.submitted_on,
    referenceNumber: r.reference_number,
    recordedBy: r.recorded_by,
    recordedAt: r.recorded_at,
  }));
}

/**
 * Marks an approved report submitted, once, at the version that was approved (one guarded
 * statement, so two secretaries pressing together cannot both record it): false if it was not.
 */
export async function markReportSubmittedOnce(
  trx: Db,
  report: { id: number; version: number },
  now: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('reports')
    .set({ status: 'submitted', updated_at: now })
    .where('id', '=', report.id)
    .where('status', '=', 'approved')
    .where('current_version', '=', report.version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
