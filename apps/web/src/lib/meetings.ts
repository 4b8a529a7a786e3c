import type { DeliveryState, RsvpAnswer } from '@accord/domain';
import { byRepresentationThenName, rankIn } from './people';

interface Timed {
  startsAt: string;
  endsAt: string;
}

/** Meetings not yet over, soonest first, and those that are, latest first. */
export const splitMeetings = <M extends Timed>(
  meetings: readonly M[],
  now: string,
): { upcoming: M[]; past: M[] } => {
  const at = Date.parse(now);
  const upcoming = meetings.filter((m) => Date.parse(m.endsAt) > at);
  const past = meetings.filter((m) => Date.parse(m.endsAt) <= at);
  upcoming.sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  past.sort((a, b) => Date.parse(b.startsAt) - Date.parse(a.startsAt));
  return { upcoming, past };
};

/** Whether a meeting has ended at `now`. */
export const isOver = (meeting: Timed, now: string): boolean => Date.parse(meeting.endsAt) <= Date.parse(now);

export interface AttendanceSummary {
  invited: number;
  notified: number;
  yes: number;
  no: number;
  noAnswer: number;
  unreachable: number;
}

/** The counts above the attendance table; "unreachable" includes those who never linked Telegram. */
export const attendanceSummary = (
  rows: ReadonlyArray<{ delivery: DeliveryState; answer: RsvpAnswer | null }>,
): AttendanceSummary => ({
  invited: rows.length,
  notified: rows.filter((r) => r.delivery === 'sent').length,
  yes: rows.filter((r) => r.answer === 'yes').length,
  no: rows.filter((r) => r.answer === 'no').length,
  noAnswer: rows.filter((r) => r.answer === null).length,
  unreachable: rows.filter((r) => r.delivery === 'unreachable' || r.delivery === 'not_linked').length,
});

/**
 * Rows by state (in the given order of state codes, people without a state last), within a state
 * the head of delegation first, then representatives and alternates, then by name.
 */
export const sortByState = <
  R extends { stateCode: string | null; representation: string | null; name: string },
>(
  rows: readonly R[],
  stateOrder: readonly string[],
  locale: string,
): R[] => {
  const within = byRepresentationThenName(locale);
  return [...rows].sort(
    (a, b) => rankIn(stateOrder, a.stateCode) - rankIn(stateOrder, b.stateCode) || within(a, b),
  );
};
