import type { Meeting } from '@accord/domain';
import { createEvent, type DateArray } from 'ics';

const utcParts = (iso: string): DateArray => {
  const d = new Date(iso);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
};

/**
 * The meeting as an iCalendar file, made by the `ics` library (escaping, folding and UIDs are
 * easy to get wrong by hand). The sequence is the meeting's version, so calendars update in place.
 */
export function meetingCalendarFile(meeting: Meeting, productId: string): string {
  const { error, value } = createEvent({
    productId,
    uid: `meeting-${meeting.id}@accord`,
    sequence: meeting.version,
    method: 'PUBLISH',
    title: meeting.title,
    start: utcParts(meeting.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcParts(meeting.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    description: meeting.agenda.map((a) => `${a.position}. ${a.title}`).join('\n'),
    ...(meeting.place ? { location: meeting.place } : {}),
    ...(meeting.link ? { url: meeting.link } : {}),
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
  });
  if (error || !value) throw new Error(`calendar file for meeting ${meeting.id}: ${String(error)}`);
  return value;
}
