import type { AttendanceEntry } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

export interface MeetingRecord {
  meetingId: number;
  heldAt: string | null;
  summary: string;
  minutesPublishedAt: string | null;
  attendance: AttendanceEntry[];
  items: Array<{ agendaPosition: number; outcome: string; draftIds: number[] }>;
}

/** What was recorded of a meeting; `heldAt` null while it is not marked held. */
export async function findMeetingRecord(db: Db, meetingId: number): Promise<MeetingRecord> {
  const [record, attendance, items] = await Promise.all([
    db.selectFrom('meeting_records').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst(),
    db
      .selectFrom('meeting_attendance')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('person_id')
      .execute(),
    db.selectFrom('minutes_items').selectAll().where('meeting_id', '=', meetingId).execute(),
  ]);
  return {
    meetingId,
    heldAt: record?.held_at ?? null,
    summary: record?.summary ?? '',
    minutesPublishedAt: record?.minutes_published_at ?? null,
    attendance: attendance.map((a) => ({
      personId: a.person_id,
      present: a.present === 1,
      source: a.source as AttendanceEntry['source'],
    })),
    items: items.map((i) => ({
      agendaPosition: i.agenda_position,
      outcome: i.outcome,
      draftIds: JSON.parse(i.draft_ids) as number[],
    })),
  };
}

/** Marks a meeting held once, with attendance as the answers suggest it; false if it was already. */
export async function markMeetingHeld(
  db: Db,
  meetingId: number,
  attendance: readonly AttendanceEntry[],
  by: number,
  now: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('meeting_records')
    .values({ meeting_id: meetingId, held_at: now, recorded_by: by, updated_at: now })
    .onConflict((oc) => oc.column('meeting_id').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
  if (attendance.length > 0)
    await db
      .insertInto('meeting_attendance')
      .values(
        attendance.map((a) => ({
          meeting_id: meetingId,
          person_id: a.personId,
          present: a.present ? 1 : 0,
          source: a.source,
        })),
      )
      .execute();
  return true;
}

/** Corrects attendance by hand, person by person. */
export async function correctAttendance(
  db: Db,
  meetingId: number,
  entries: ReadonlyArray<{ personId: number; present: boolean }>,
) {
  for (const e of entries)
    await db
      .insertInto('meeting_attendance')
      .values({ meeting_id: meetingId, person_id: e.personId, present: e.present ? 1 : 0, source: 'hand' })
      .onConflict((oc) =>
        oc.columns(['meeting_id', 'person_id']).doUpdateSet({ present: e.present ? 1 : 0, source: 'hand' }),
      )
      .execute();
}

/** Replaces the minutes' summary and items (only while not yet sent to the members). */
export async function saveMinutes(
  db: Db,
  meetingId: number,
  minutes: {
    summary: string;
    items: ReadonlyArray<{ agendaPosition: number; outcome: string; draftIds: readonly number[] }>;
  },
  now: string,
) {
  await db
    .updateTable('meeting_records')
    .set({ summary: minutes.summary, updated_at: now })
    .where('meeting_id', '=', meetingId)
    .execute();
  await db.deleteFrom('minutes_items').where('meeting_id', '=', meetingId).execute();
  if (minutes.items.length > 0)
    await db
      .insertInto('minutes_items')
      .values(
        minutes.items.map((i) => ({
          meeting_id: meetingId,
          agenda_position: i.agendaPosition,
          outcome: i.outcome,
          draft_ids: JSON.stringify(i.draftIds),
        })),
      )
      .execute();
}

/** Marks the minutes sent, once: false for every caller but the first. */
export async function publishMinutesOnce(db: Db, meetingId: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('meeting_records')
    .set({ minutes_published_at: now, updated_at: now })
    .where('meeting_id', '=', meetingId)
    .where('minutes_published_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
