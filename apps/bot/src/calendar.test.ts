import { describe, expect, it } from 'vitest';
import { meetingCalendarFile } from './calendar';

describe('the calendar file', () => {
  it('is an iCalendar event in UTC whose sequence follows the meeting’s version', () => {
    const ics = meetingCalendarFile(
      {
        id: 3,
        kind: 'regular',
        title: 'Session; with, commas',
        startsAt: '2027-03-15T07:00:00.000Z',
        endsAt: '2027-03-15T10:00:00.000Z',
        timeZone: 'Europe/Moscow',
        place: 'Moscow',
        link: null,
        status: 'notified',
        workingGroupId: null,
        version: 2,
        agenda: [{ position: 1, title: 'Opening' }],
      },
      'accord',
    );
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20270315T070000Z');
    expect(ics).toContain('UID:meeting-3@accord');
    expect(ics).toContain('SEQUENCE:2');
    expect(ics).toContain('SUMMARY:Session\\; with\\, commas');
  });
});
