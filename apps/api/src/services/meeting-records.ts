import {
  correctAttendance,
  type Database,
  enqueueMessages,
  findMeetingAudience,
  findMeetingById,
  findMeetingRecord,
  type Kysely,
  listRsvps,
  markMeetingHeld,
  publishMinutesOnce,
  saveMinutes,
} from '@accord/db';
import {
  attendanceFromAnswers,
  decideMarkHeld,
  decideMinutes,
  type MeetingRecordError,
  type minutesInputSchema,
  outboxDrafts,
  type Person,
  PRIORITY,
} from '@accord/domain';
import type { z } from 'zod';
import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
type Outcome<T> =
  | { ok: true; value: T }
  | { ok: false; error: MeetingRecordError | 'NotFound' | 'AlreadyHeld' };

/** Marks a meeting held, attendance first taken from the answers to its notice. */
export async function holdMeeting(
  db: Db,
  meetingId: number,
  actor: Person,
  now: string,
): Promise<Outcome<true>> {
  const meeting = await findMeetingById(db, meetingId);
  if (!meeting) return { ok: false, error: 'NotFound' };
  const decision = decideMarkHeld(meeting, now);
  if (!decision.ok) return decision;
  const { invitees } = await findMeetingAudience(db, meeting);
  const answers = new Map((await listRsvps(db, meetingId)).map((r) => [r.personId, r.answer] as const));
  const attendance = attendanceFromAnswers(
    invitees.map((p) => p.id),
    answers,
  );
  const held = await db.transaction().execute(async (trx) => {
    if (!(await markMeetingHeld(trx, meetingId, attendance, actor.id, now))) return false;
    await auditByPerson(trx, actor, now, {
      action: 'meeting.held',
      recordType: 'meeting',
      recordId: meetingId,
      ...beforeAfter(null, { heldAt: now, present: attendance.filter((a) => a.present).length }),
    });
    return true;
  });
  return held ? { ok: true, value: true } : { ok: false, error: 'AlreadyHeld' };
}

/** Corrects attendance by hand, before or after the minutes went out. */
export async function recordAttendance(
  db: Db,
  meetingId: number,
  entries: ReadonlyArray<{ personId: number; present: boolean }>,
  actor: Person,
  now: string,
): Promise<Outcome<true>> {
  const record = await findMeetingRecord(db, meetingId);
  if (record.heldAt === null) return { ok: false, error: 'NotHeld' };
  await db.transaction().execute(async (trx) => {
    await correctAttendance(trx, meetingId, entries);
    await auditByPerson(trx, actor, now, {
      action: 'meeting.attendance',
      recordType: 'meeting',
      recordId: meetingId,
      ...beforeAfter(
        record.attendance.filter((a) => entries.some((e) => e.personId === a.personId)),
        entries,
      ),
    });
  });
  return { ok: true, value: true };
}

/** Writes the minutes, item by item, while they have not been sent. */
export async function writeMinutes(
  db: Db,
  meetingId: number,
  minutes: z.output<typeof minutesInputSchema>,
  actor: Person,
  now: string,
): Promise<Outcome<true>> {
  const meeting = await findMeetingById(db, meetingId);
  if (!meeting) return { ok: false, error: 'NotFound' };
  const record = await findMeetingRecord(db, meetingId);
  const decision = decideMinutes(
    record,
    meeting.agenda.map((a) => a.position),
    minutes.items,
  );
  if (!decision.ok) return decision;
  await db.transaction().execute(async (trx) => {
    await saveMinutes(trx, meetingId, minutes, now);
    await auditByPerson(trx, actor, now, {
      action: 'meeting.minutes',
      recordType: 'meeting',
      recordId: meetingId,
      ...beforeAfter({ summary: record.summary, items: record.items }, minutes),
    });
  });
  return { ok: true, value: true };
}

/** Sends the minutes to every linked invitee and the meeting's chat, once; after that they are final. */
export async function publishMinutes(
  db: Db,
  meetingId: number,
  actor: Person,
  now: string,
): Promise<Outcome<number>> {
  const meeting = await findMeetingById(db, meetingId);
  if (!meeting) return { ok: false, error: 'NotFound' };
  const record = await findMeetingRecord(db, meetingId);
  if (record.heldAt === null) return { ok: false, error: 'NotHeld' };
  const { invitees, chatId } = await findMeetingAudience(db, meeting);
  const recipients = [
    ...invitees.filter((p) => p.telegramUserId !== null).map((p) => ({ personId: p.id })),
    ...(chatId === null ? [] : [{ chatId }]),
  ];
  const sent = await db.transaction().execute(async (trx) => {
    if (!(await publishMinutesOnce(trx, meetingId, now))) return false;
    await enqueueMessages(
      trx,
      outboxDrafts({ kind: 'meeting-minutes', meetingId }, recipients, now, PRIORITY.notice),
      { type: 'meeting', id: meetingId },
      now,
    );
    await auditByPerson(trx, actor, now, {
      action: 'meeting.minutes-publish',
      recordType: 'meeting',
      recordId: meetingId,
      ...beforeAfter(null, { publishedAt: now, recipients: recipients.length }),
    });
    return true;
  });
  return sent ? { ok: true, value: recipients.length } : { ok: false, error: 'MinutesPublished' };
}
