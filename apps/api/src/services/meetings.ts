import {
  type Database,
  enqueueMessages,
  findMeetingAudience,
  findMeetingById,
  findMeetingByIdOrThrow,
  insertMeeting,
  type Kysely,
  scheduleTask,
  setMeetingStatus,
  signOffGateFor,
  supersedeChangedSignOff,
  type Transaction,
  updateMeetingDetails,
} from '@accord/db';
import {
  decideCancel,
  decideEdit,
  decideNotice,
  err,
  type Meeting,
  type MeetingDetails,
  type MeetingError,
  type MessageIntent,
  ok,
  outboxDrafts,
  type Person,
  planRemindersTask,
  type Recipient,
  type Result,
  type SignOffGateError,
} from '@accord/domain';

import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
export type MeetingServiceError = MeetingError | 'NotFound' | 'EditConflict' | SignOffGateError;

/** Everyone a meeting's messages go to: each linked invitee's private chat, and its chat if it has one. */
async function meetingRecipients(trx: Transaction<Database>, meetingId: number): Promise<Recipient[]> {
  const meeting = await findMeetingByIdOrThrow(trx, meetingId);
  const { invitees, chatId } = await findMeetingAudience(trx, meeting);
  const linked = invitees.filter((p) => p.telegramUserId !== null);
  return [...linked.map((p) => ({ personId: p.id })), ...(chatId === null ? [] : [{ chatId }])];
}

/** Messages about a meeting go out together with a fresh plan of its reminders (moved, or gone when cancelled). */
async function enqueueForMeeting(
  trx: Transaction<Database>,
  intent: MessageIntent & { meetingId: number },
  now: string,
) {
  await scheduleTask(trx, planRemindersTask('meeting', intent.meetingId, now));
  const recipients = await meetingRecipients(trx, intent.meetingId);
  await enqueueMessages(
    trx,
    outboxDrafts(intent, recipients, now),
    { type: 'meeting', id: intent.meetingId },
    now,
  );
  // The people it goes to (the group's copy is not a person).
  return recipients.filter((r) => 'personId' in r).length;
}

export async function createMeeting(
  db: Db,
  details: MeetingDetails,
  actor: Person,
  now: string,
): Promise<Meeting> {
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertMeeting(trx, details, actor.id, now);
    await auditByPerson(trx, actor, now, {
      action: 'meeting.create',
      recordType: 'meeting',
      recordId: newId,
      ...beforeAfter(null, details),
    });
    return newId;
  });
  return await findMeetingByIdOrThrow(db, id);
}

/** Saves an edit; a notified meeting that changed goes to its next version and everyone gets an update. */
export async function editMeeting(
  db: Db,
  id: number,
  details: MeetingDetails,
  actor: Person,
  now: string,
): Promise<Result<Meeting, MeetingServiceError>> {
  const meeting = await findMeetingById(db, id);
  if (!meeting) return err('NotFound');
  const decision = decideEdit(meeting, details);
  if (!decision.ok) return decision;
  const saved = await db.transaction().execute(async (trx) => {
    if (!(await updateMeetingDetails(trx, id, meeting.version, details, decision.value.version, now)))
      return false;
    // A request about the agenda before the edit can no longer be answered: it is superseded.
    await supersedeChangedSignOff(trx, 'agenda', id, now);
    await auditByPerson(trx, actor, now, {
      action: 'meeting.update',
      recordType: 'meeting',
      recordId: id,
      ...beforeAfter(meeting, {
        ...details,
        version: decision.value.version,
      }),
    });
    if (decision.value.notify)
      await enqueueForMeeting(
        trx,
        { kind: 'meeting-updated', meetingId: id, version: decision.value.version },
        now,
      );
    return true;
  });
  if (!saved) return err('EditConflict');
  return ok(await findMeetingByIdOrThrow(db, id));
}

/** Sends the notice: the status change and one outbox row per recipient commit together. */
export async function notifyMeeting(
  db: Db,
  id: number,
  actor: Person,
  now: string,
): Promise<Result<{ meeting: Meeting; queued: number }, MeetingServiceError>> {
  const meeting = await findMeetingById(db, id);
  if (!meeting) return err('NotFound');
  const decision = decideNotice(meeting, now);
  if (!decision.ok) return decision;
  const queued = await db.transaction().execute(async (trx) => {
    // Where the settings ask for it, only an agenda the chairman approved as it is now goes out.
    const gate = await signOffGateFor(trx, 'agenda', id);
    if (!gate.ok) return gate;
    if (!(await setMeetingStatus(trx, id, 'draft', 'notified', decision.value.version, now))) return null;
    await auditByPerson(trx, actor, now, {
      action: 'meeting.notify',
      recordType: 'meeting',
      recordId: id,
      ...beforeAfter({ status: meeting.status }, { status: 'notified', version: decision.value.version }),
    });
    return enqueueForMeeting(
      trx,
      { kind: 'meeting-notice', meetingId: id, version: decision.value.version },
      now,
    );
  });
  if (queued === null) return err('AlreadyNotified');
  if (typeof queued !== 'number') return queued;
  return ok({ meeting: await findMeetingByIdOrThrow(db, id), queued });
}

/** Cancels a meeting; if members were told about it, they are told it is cancelled. */
export async function cancelMeeting(
  db: Db,
  id: number,
  actor: Person,
  now: string,
): Promise<Result<Meeting, MeetingServiceError>> {
  const meeting = await findMeetingById(db, id);
  if (!meeting) return err('NotFound');
  const decision = decideCancel(meeting);
  if (!decision.ok) return decision;
  const done = await db.transaction().execute(async (trx) => {
    if (!(await setMeetingStatus(trx, id, meeting.status, 'cancelled', decision.value.version, now)))
      return false;
    await auditByPerson(trx, actor, now, {
      action: 'meeting.cancel',
      recordType: 'meeting',
      recordId: id,
      ...beforeAfter({ status: meeting.status }, { status: 'cancelled', version: decision.value.version }),
    });
    if (decision.value.notify)
      await enqueueForMeeting(
        trx,
        { kind: 'meeting-cancelled', meetingId: id, version: decision.value.version },
        now,
      );
    return true;
  });
  if (!done) return err('EditConflict');
  return ok(await findMeetingByIdOrThrow(db, id));
}
