import { err, ok, type Result } from './result';

export const MEETING_KINDS = ['regular', 'extraordinary', 'working_group', 'conference'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const MEETING_STATUSES = ['draft', 'notified', 'cancelled'] as const;
/** draft → notified (notices out) → cancelled; a notified meeting that changes stays notified with a new version. */
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const RSVP_ANSWERS = ['yes', 'no'] as const;
export type RsvpAnswer = (typeof RSVP_ANSWERS)[number];

export interface AgendaItem {
  position: number;
  title: string;
}

export interface Meeting {
  id: number;
  kind: MeetingKind;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  place: string | null;
  link: string | null;
  status: MeetingStatus;
  /** A working group's meeting invites only its members. */
  workingGroupId: number | null;
  /** Bumped by each change members were told about; notices carry it. */
  version: number;
  agenda: AgendaItem[];
}

/** The fields a member reads in a notice: a change to any of them is worth an update. */
export type MeetingDetails = Pick<
  Meeting,
  'kind' | 'title' | 'startsAt' | 'endsAt' | 'timeZone' | 'place' | 'link' | 'agenda'
> & {
  workingGroupId?: number | null;
};

export type MeetingError =
  | 'EndsBeforeStart'
  | 'MeetingCancelled'
  | 'AlreadyNotified'
  | 'NotNotified'
  | 'MeetingInPast'
  | 'MeetingOver'
  | 'NothingChanged';

export const validateMeetingDetails = (details: MeetingDetails): Result<MeetingDetails, MeetingError> =>
  Date.parse(details.endsAt) > Date.parse(details.startsAt) ? ok(details) : err('EndsBeforeStart');

const sameAgenda = (a: readonly AgendaItem[], b: readonly AgendaItem[]): boolean =>
  a.length === b.length &&
  a.every((item, i) => item.title === b[i]?.title && item.position === b[i]?.position);

/** Whether members would see a difference between two versions of a meeting. */
export const meetingDetailsDiffer = (a: MeetingDetails, b: MeetingDetails): boolean =>
  a.kind !== b.kind ||
  a.title !== b.title ||
  Date.parse(a.startsAt) !== Date.parse(b.startsAt) ||
  Date.parse(a.endsAt) !== Date.parse(b.endsAt) ||
  a.timeZone !== b.timeZone ||
  a.place !== b.place ||
  a.link !== b.link ||
  (a.workingGroupId ?? null) !== (b.workingGroupId ?? null) ||
  !sameAgenda(a.agenda, b.agenda);

/** What sending the notice does: the meeting becomes notified at its current version. */
export const decideNotice = (meeting: Meeting, now: string): Result<{ version: number }, MeetingError> => {
  if (meeting.status === 'cancelled') return err('MeetingCancelled');
  if (meeting.status === 'notified') return err('AlreadyNotified');
  if (Date.parse(meeting.endsAt) <= Date.parse(now)) return err('MeetingInPast');
  return ok({ version: meeting.version });
};

/**
 * What editing a meeting does. A draft just changes; a notified meeting whose visible details
 * changed moves to the next version, and everyone notified gets an update.
 */
export const decideEdit = (
  meeting: Meeting,
  next: MeetingDetails,
): Result<{ version: number; notify: boolean }, MeetingError> => {
  if (meeting.status === 'cancelled') return err('MeetingCancelled');
  const valid = validateMeetingDetails(next);
  if (!valid.ok) return valid;
  if (!meetingDetailsDiffer(meeting, next)) return err('NothingChanged');
  if (meeting.status === 'draft') return ok({ version: meeting.version, notify: false });
  return ok({ version: meeting.version + 1, notify: true });
};

/** Cancelling: a notified meeting tells everyone at a new version; a draft is just cancelled. */
export const decideCancel = (
  meeting: Meeting,
): Result<{ version: number; notify: boolean }, MeetingError> => {
  if (meeting.status === 'cancelled') return err('MeetingCancelled');
  return meeting.status === 'notified'
    ? ok({ version: meeting.version + 1, notify: true })
    : ok({ version: meeting.version, notify: false });
};

/** An answer counts while the meeting is notified and has not ended. */
export const decideRsvp = (
  meeting: Pick<Meeting, 'status' | 'endsAt'>,
  now: string,
): Result<true, MeetingError> => {
  if (meeting.status === 'cancelled') return err('MeetingCancelled');
  if (meeting.status !== 'notified') return err('NotNotified');
  if (Date.parse(meeting.endsAt) <= Date.parse(now)) return err('MeetingOver');
  return ok(true);
};

export type DeliveryState = 'pending' | 'sent' | 'failed' | 'not_linked' | 'unreachable';

export interface AttendanceRow {
  personId: number;
  delivery: DeliveryState;
  answer: RsvpAnswer | null;
  answeredAt: string | null;
}

/**
 * Who was told and who answered what, for the meeting's page. A person is unreachable when
 * their notice failed for good or they are known to have blocked the bot.
 */
export const attendanceBoard = (
  invitees: ReadonlyArray<{ personId: number; linked: boolean; reachable: boolean }>,
  deliveries: ReadonlyMap<number, 'pending' | 'sending' | 'sent' | 'failed'>,
  answers: ReadonlyMap<number, { answer: RsvpAnswer; answeredAt: string }>,
): AttendanceRow[] =>
  invitees.map(({ personId, linked, reachable }) => {
    const sent = deliveries.get(personId);
    const delivery: DeliveryState = !linked
      ? 'not_linked'
      : sent === 'sent'
        ? 'sent'
        : sent === 'failed'
          ? reachable
            ? 'failed'
            : 'unreachable'
          : !reachable
            ? 'unreachable'
            : 'pending';
    const answer = answers.get(personId);
    return { personId, delivery, answer: answer?.answer ?? null, answeredAt: answer?.answeredAt ?? null };
  });

/**
 * Who is invited: to the commission's meetings, every active member, the chairman and the
 * secretary; to a working group's meeting, its members and the secretary.
 */
export const meetingInvitees = <P extends { id: number; active: boolean; roles: readonly string[] }>(
  people: readonly P[],
  groupMemberIds: readonly number[] | null = null,
): P[] =>
  people.filter(
    (p) =>
      p.active &&
      (groupMemberIds === null
        ? p.roles.some((r) => r === 'member' || r === 'chairman' || r === 'secretary')
        : groupMemberIds.includes(p.id) || p.roles.includes('secretary')),
  );
