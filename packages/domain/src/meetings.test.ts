import { describe, expect, it } from 'vitest';
import {
  attendanceBoard,
  decideCancel,
  decideEdit,
  decideNotice,
  decideRsvp,
  type Meeting,
  meetingInvitees,
} from './meetings';

const meeting = (over: Partial<Meeting> = {}): Meeting => ({
  id: 1,
  kind: 'regular',
  title: 'Session',
  startsAt: '2027-03-15T07:00:00.000Z',
  endsAt: '2027-03-15T10:00:00.000Z',
  timeZone: 'Europe/Moscow',
  place: 'Moscow',
  link: null,
  status: 'draft',
  workingGroupId: null,
  version: 1,
  agenda: [{ position: 1, title: 'Opening' }],
  ...over,
});
const now = '2027-03-01T00:00:00.000Z';

describe('meeting notices', () => {
  it('a draft can be notified at its version; a notified or cancelled one cannot', () => {
    expect(decideNotice(meeting(), now)).toEqual({ ok: true, value: { version: 1 } });
    expect(decideNotice(meeting({ status: 'notified' }), now)).toEqual({
      ok: false,
      error: 'AlreadyNotified',
    });
    expect(decideNotice(meeting({ status: 'cancelled' }), now)).toEqual({
      ok: false,
      error: 'MeetingCancelled',
    });
  });

  it('a meeting that has already ended is not announced', () => {
    expect(decideNotice(meeting(), '2027-03-16T00:00:00.000Z')).toEqual({
      ok: false,
      error: 'MeetingInPast',
    });
  });

  it('moving a notified meeting bumps the version and notifies; editing a draft does not', () => {
    const moved = { ...meeting(), startsAt: '2027-03-16T07:00:00.000Z', endsAt: '2027-03-16T10:00:00.000Z' };
    expect(decideEdit(meeting({ status: 'notified' }), moved)).toEqual({
      ok: true,
      value: { version: 2, notify: true },
    });
    expect(decideEdit(meeting(), moved)).toEqual({ ok: true, value: { version: 1, notify: false } });
  });

  it('an edit that changes nothing members see is refused, and so is an end before the start', () => {
    expect(decideEdit(meeting({ status: 'notified' }), meeting())).toEqual({
      ok: false,
      error: 'NothingChanged',
    });
    const backwards = { ...meeting(), endsAt: '2027-03-15T06:00:00.000Z' };
    expect(decideEdit(meeting(), backwards)).toEqual({ ok: false, error: 'EndsBeforeStart' });
  });

  it('an agenda change is a change members see', () => {
    const next = { ...meeting(), agenda: [...meeting().agenda, { position: 2, title: 'Budget' }] };
    expect(decideEdit(meeting({ status: 'notified' }), next)).toMatchObject({
      ok: true,
      value: { notify: true },
    });
  });

  it('cancelling a notified meeting tells everyone once; a cancelled one stays cancelled', () => {
    expect(decideCancel(meeting({ status: 'notified', version: 3 }))).toEqual({
      ok: true,
      value: { version: 4, notify: true },
    });
    expect(decideCancel(meeting())).toEqual({ ok: true, value: { version: 1, notify: false } });
    expect(decideCancel(meeting({ status: 'cancelled' }))).toEqual({ ok: false, error: 'MeetingCancelled' });
  });

  it('answers count only while the meeting is notified and not over', () => {
    expect(decideRsvp(meeting({ status: 'notified' }), now).ok).toBe(true);
    expect(decideRsvp(meeting(), now)).toEqual({ ok: false, error: 'NotNotified' });
    expect(decideRsvp(meeting({ status: 'cancelled' }), now)).toEqual({
      ok: false,
      error: 'MeetingCancelled',
    });
    expect(decideRsvp(meeting({ status: 'notified' }), '2027-03-15T10:00:00.000Z')).toEqual({
      ok: false,
      error: 'MeetingOver',
    });
  });
});

describe('invitees and the attendance board', () => {
  it('members, the chairman and the secretary are invited; observers and the deactivated are not', () => {
    const people = [
      { id: 1, active: true, roles: ['member'] },
      { id: 2, active: true, roles: ['observer'] },
      { id: 3, active: false, roles: ['member'] },
      { id: 4, active: true, roles: ['secretary', 'admin'] },
      { id: 5, active: true, roles: ['chairman'] },
    ];
    expect(meetingInvitees(people).map((p) => p.id)).toEqual([1, 4, 5]);
  });

  it('shows each invitee as sent, pending, failed, unreachable or not linked, with their answer', () => {
    const board = attendanceBoard(
      [
        { personId: 1, linked: true, reachable: true },
        { personId: 2, linked: true, reachable: true },
        { personId: 3, linked: true, reachable: false },
        { personId: 4, linked: false, reachable: true },
        { personId: 5, linked: true, reachable: true },
      ],
      new Map([
        [1, 'sent'],
        [2, 'sending'],
        [3, 'failed'],
        [5, 'failed'],
      ] as const),
      new Map([[1, { answer: 'yes', answeredAt: now }]] as const),
    );
    expect(board.map((r) => [r.personId, r.delivery, r.answer])).toEqual([
      [1, 'sent', 'yes'],
      [2, 'pending', null],
      [3, 'unreachable', null],
      [4, 'not_linked', null],
      [5, 'failed', null],
    ]);
  });
});
