import {
  type AgendaItem,
  type Meeting,
  type MeetingDetails,
  type MeetingKind,
  type MeetingStatus,
  meetingInvitees,
  type RsvpAnswer,
  SITTING_KINDS,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database, MeetingRow } from '../schema';
import { listPeople } from './people';

type Db = Kysely<Database>;

const toMeeting = (row: MeetingRow, agenda: AgendaItem[]): Meeting => ({
  id: row.id,
  kind: row.kind as MeetingKind,
  title: row.title,
  startsAt: row.starts_at,
  endsAt: row.ends_at,
  timeZone: row.time_zone,
  place: row.place,
  link: row.link,
  status: row.status as MeetingStatus,
  workingGroupId: row.working_group_id,
  version: row.version,
  agenda,
});

export async function findMeetingById(db: Db, id: number): Promise<Meeting | undefined> {
  const row = await db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const agenda = await db
    .selectFrom('agenda_items')
    .select(['position', 'title'])
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  return toMeeting(row, agenda);
}

/** Meetings ending after `from`, soonest first (all of them when `from` is omitted). */
export async function listMeetings(
  db: Db,
  filter: { from?: string; statuses?: MeetingStatus[] } = {},
): Promise<Meeting[]> {
  let query = db.selectFrom('meetings').selectAll().orderBy('starts_at').orderBy('id');
  if (filter.from) query = query.where('ends_at', '>', filter.from);
  if (filter.statuses) query = query.where('status', 'in', filter.statuses);
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('agenda_items')
    .select(['meeting_id', 'position', 'title'])
    .where(
      'meeting_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute();
  const byMeeting = new Map<number, AgendaItem[]>();
  for (const { meeting_id, position, title } of items) {
    byMeeting.set(meeting_id, [...(byMeeting.get(meeting_id) ?? []), { position, title }]);
  }
  return rows.map((r) => toMeeting(r, byMeeting.get(r.id) ?? []));
}

async function replaceAgenda(db: Db, meetingId: number, agenda: readonly AgendaItem[]): Promise<void> {
  await db.deleteFrom('agenda_items').where('meeting_id', '=', meetingId).execute();
  if (agenda.length > 0) {
    await db
      .insertInto('agenda_items')
      .values(agenda.map((a) => ({ meeting_id: meetingId, position: a.position, title: a.title })))
      .execute();
  }
}

export async function insertMeeting(
  db: Db,
  details: MeetingDetails,
  createdBy: number | null,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('meetings')
    .values({
      kind: details.kind,
      title: details.title,
      starts_at: details.startsAt,
      ends_at: details.endsAt,
      time_zone: details.timeZone,
      place: details.place,
      link: details.link,
      working_group_id: details.workingGroupId ?? null,
      status: 'draft',
      version: 1,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceAgenda(db, id, details.agenda);
  return id;
}

/**
 * Writes a meeting's new details at a new version, guarded by the version it was read at, so
 * two secretaries saving at once cannot both win. False when someone else saved first.
 */
export async function updateMeetingDetails(
  db: Db,
  id: number,
  expectedVersion: number,
  details: MeetingDetails,
  version: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({
      kind: details.kind,
      title: details.title,
      starts_at: details.startsAt,
      ends_at: details.endsAt,
      time_zone: details.timeZone,
      place: details.place,
      link: details.link,
      working_group_id: details.workingGroupId ?? null,
      version,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await replaceAgenda(db, id, details.agenda);
  return true;
}

/** Moves a meeting to a new status, guarded by the status it was read in. */
export async function setMeetingStatus(
  db: Db,
  id: number,
  from: MeetingStatus,
  to: MeetingStatus,
  version: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('meetings')
    .set({
      status: to,
      version,
      updated_at: now,
      ...(to === 'notified' ? { notified_at: now } : {}),
      ...(to === 'cancelled' ? { cancelled_at: now } : {}),
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function upsertRsvp(
  db: Db,
  meetingId: number,
  personId: number,
  answer: RsvpAnswer,
  now: string,
): Promise<void> {
  await db
    .insertInto('rsvps')
    .values({ meeting_id: meetingId, person_id: personId, answer, answered_at: now })
    .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doUpdateSet({ answer, answered_at: now }))
    .execute();
}

export async function findRsvp(db: Db, meetingId: number, personId: number): Promise<RsvpAnswer | undefined> {
  const row = await db
    .selectFrom('rsvps')
    .select('answer')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.answer as RsvpAnswer | undefined;
}

export async function listRsvps(db: Db, meetingId: number) {
  const rows = await db.selectFrom('rsvps').selectAll().where('meeting_id', '=', meetingId).execute();
  return rows.map((r) => ({
    personId: r.person_id,
    answer: r.answer as RsvpAnswer,
    answeredAt: r.answered_at,
  }));
}

/** For a meeting the caller has just written: its absence is a bug, not a user error. */
export async function findMeetingByIdOrThrow(db: Db, id: number): Promise<Meeting> {
  const meeting = await findMeetingById(db, id);
  if (!meeting) throw new Error(`meeting ${id} not found`);
  return meeting;
}

/**
 * The commission's sittings (regular and extraordinary: the kinds the statute counts, as the
 * annual report does) held or scheduled in a calendar year (UTC), against the statute's minimum.
 */
export async function meetingRhythm(db: Db, year: number) {
  const { min_meetings_per_year } = await db
    .selectFrom('commission')
    .select('min_meetings_per_year')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  const rows = await db
    .selectFrom('meetings')
    .select('id')
    .where('status', '!=', 'cancelled')
    .where('kind', 'in', [...SITTING_KINDS])
    .where('starts_at', '>=', `${year}-01-01T00:00:00.000Z`)
    .where('starts_at', '<', `${year + 1}-01-01T00:00:00.000Z`)
    .execute();
  return { year, count: rows.length, minimum: min_meetings_per_year };
}

/**
 * Everyone a meeting concerns, by the domain's rule: its invitees (a working group's members, or
 * the whole commission) and the chat its notices are posted in (the group's, else the commission's).
 */
export async function findMeetingAudience(db: Db, meeting: Pick<Meeting, 'workingGroupId'>) {
  const people = await listPeople(db);
  const group =
    meeting.workingGroupId === null
      ? undefined
      : await db
          .selectFrom('working_groups')
          .select(['group_chat_id'])
          .where('id', '=', meeting.workingGroupId)
          .executeTakeFirst();
  const members =
    meeting.workingGroupId === null
      ? null
      : (
          await db
            .selectFrom('working_group_members')
            .select('person_id')
            .where('group_id', '=', meeting.workingGroupId)
            .execute()
        ).map((m) => m.person_id);
  const { group_chat_id } = await db
    .selectFrom('commission')
    .select('group_chat_id')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return { invitees: meetingInvitees(people, members), chatId: group ? group.group_chat_id : group_chat_id };
}
