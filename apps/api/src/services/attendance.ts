import {
  type Database,
  deliveriesFor,
  findMeetingAudience,
  findMeetingById,
  type Kysely,
  listPeople,
  listRepresentations,
  listRsvps,
} from '@accord/db';
import { attendanceBoard, isRepresentationActive, meetingInvitees } from '@accord/domain';

const NOTICE_KINDS = ['meeting-notice', 'meeting-updated', 'meeting-cancelled'] as const;

/** The meeting page's table: each invitee, their state, whether the notice reached them, and their answer. */
export async function meetingAttendance(db: Kysely<Database>, meetingId: number, now: string) {
  const [people, representations, deliveries, rsvps] = await Promise.all([
    listPeople(db),
    listRepresentations(db),
    deliveriesFor(db, { type: 'meeting', id: meetingId }, NOTICE_KINDS),
    listRsvps(db, meetingId),
  ]);
  const meeting = await findMeetingById(db, meetingId);
  const { invitees } = meeting
    ? await findMeetingAudience(db, meeting)
    : { invitees: meetingInvitees(people) };
  const rows = attendanceBoard(
    invitees.map((p) => ({ personId: p.id, linked: p.telegramUserId !== null, reachable: p.reachable })),
    deliveries,
    new Map(rsvps.map((r) => [r.personId, r])),
  );
  const byId = new Map(invitees.map((p) => [p.id, p]));
  return rows.map((row) => {
    const rep = representations.find((r) => r.personId === row.personId && isRepresentationActive(r, now));
    return {
      ...row,
      name: byId.get(row.personId)?.name ?? '',
      stateCode: rep?.stateCode ?? null,
      representation: rep?.kind ?? null,
    };
  });
}
