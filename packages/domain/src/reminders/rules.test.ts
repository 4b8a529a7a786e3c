import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOURS,
  type DeliveryHours,
  isQuietTime,
  nextWorkingTime,
  outsideQuietHours,
  workStartOn,
} from './hours';
import { deadlineReminders, dueNow, intoDigests, meetingReminders, type ReminderRecipient } from './rules';

const hours = (timeZone: string, over: Partial<DeliveryHours> = {}): DeliveryHours => ({
  timeZone,
  ...DEFAULT_HOURS,
  ...over,
});
const person = (
  personId: number,
  timeZone: string,
  over: Partial<ReminderRecipient> = {},
): ReminderRecipient => ({
  personId,
  hours: hours(timeZone),
  optedOut: [],
  ...over,
});
const ZONES = [
  'Asia/Yerevan',
  'Europe/Minsk',
  'Asia/Almaty',
  'Asia/Bishkek',
  'Europe/Moscow',
  'Asia/Dushanbe',
];
const now = '2027-03-01T00:00:00.000Z';
const meeting = {
  id: 7,
  startsAt: '2027-03-15T07:00:00.000Z',
  status: 'notified' as const,
  notifiedAt: '2027-02-20T10:00:00.000Z',
};

describe('reminders arrive at a reasonable local hour', () => {
  it('puts day reminders at 09:00 in each of the six states’ zones', () => {
    const plans = meetingReminders(
      meeting,
      ZONES.map((z, i) => person(i + 1, z)),
      now,
    );
    const weekBefore = plans.filter((p) => p.rule === 'meeting-7d');
    expect(weekBefore.map((p) => new Date(p.deliverAt).toISOString())).toEqual([
      '2027-03-08T05:00:00.000Z', // Yerevan UTC+4
      '2027-03-08T06:00:00.000Z', // Minsk UTC+3
      '2027-03-08T04:00:00.000Z', // Almaty UTC+5
      '2027-03-08T03:00:00.000Z', // Bishkek UTC+6
      '2027-03-08T06:00:00.000Z', // Moscow UTC+3
      '2027-03-08T04:00:00.000Z', // Dushanbe UTC+5
    ]);
  });

  it('keeps 09:00 local across a daylight-saving change (Berlin, in a fixture)', () => {
    expect(workStartOn('2027-03-27', hours('Europe/Berlin'))).toBe('2027-03-27T08:00:00.000Z');
    expect(workStartOn('2027-03-29', hours('Europe/Berlin'))).toBe('2027-03-29T07:00:00.000Z');
  });

  it('never delivers in quiet hours: an hour-before reminder for an early meeting comes the evening before', () => {
    const early = { ...meeting, startsAt: '2027-03-15T03:30:00.000Z' }; // 06:30 in Moscow
    const [hourBefore] = meetingReminders(early, [person(1, 'Europe/Moscow')], now).filter(
      (p) => p.rule === 'meeting-1h',
    );
    expect(hourBefore?.deliverAt).toBe('2027-03-14T18:59:00.000Z'); // 21:59 Moscow, before quiet hours
    expect(isQuietTime(hourBefore?.deliverAt ?? '', hours('Europe/Moscow'))).toBe(false);
    expect(outsideQuietHours('2027-03-14T12:00:00.000Z', hours('Europe/Moscow'))).toBe(
      '2027-03-14T12:00:00.000Z',
    );
    expect(nextWorkingTime('2027-03-14T20:00:00.000Z', hours('Europe/Moscow'))).toBe(
      '2027-03-15T06:00:00.000Z',
    );
  });

  it('honours a person’s own hours and their opting out of meeting reminders', () => {
    const owl = person(1, 'Europe/Moscow', { hours: hours('Europe/Moscow', { workStart: '11:30' }) });
    const [week] = meetingReminders(meeting, [owl], now);
    expect(week?.deliverAt).toBe('2027-03-08T08:30:00.000Z');
    expect(meetingReminders(meeting, [person(2, 'Europe/Moscow', { optedOut: ['meeting'] })], now)).toEqual(
      [],
    );
  });
});

describe('what has reminders', () => {
  it('plans no reminder whose moment came before the meeting was announced or the task was set', () => {
    const late = meetingReminders(
      { ...meeting, notifiedAt: '2027-03-10T00:00:00.000Z' },
      [person(1, 'Asia/Almaty')],
      now,
    );
    expect(late.map((p) => p.rule)).toEqual(['meeting-1d', 'meeting-1h']);
    const ladder = { head: null, secretaries: [], chairman: null };
    const recent = {
      subjectType: 'task',
      id: 4,
      dueDate: '2027-04-01',
      done: false,
      statute: false,
      createdAt: '2027-03-25T00:00:00.000Z',
    };
    expect(deadlineReminders(recent, person(1, 'Asia/Almaty'), ladder, now).map((p) => p.rule)).toEqual([
      'deadline-3d',
      'deadline-day',
      'overdue',
    ]);
  });

  it('a moved meeting’s reminders move with it; a cancelled or past one has none', () => {
    const before = meetingReminders(meeting, [person(1, 'Asia/Almaty')], now);
    const moved = meetingReminders(
      { ...meeting, startsAt: '2027-03-22T07:00:00.000Z' },
      [person(1, 'Asia/Almaty')],
      now,
    );
    expect(moved.map((p) => p.key)).toEqual(before.map((p) => p.key));
    expect(moved.map((p) => p.deliverAt)).not.toEqual(before.map((p) => p.deliverAt));
    expect(meetingReminders({ ...meeting, status: 'cancelled' }, [person(1, 'Asia/Almaty')], now)).toEqual(
      [],
    );
    expect(meetingReminders(meeting, [person(1, 'Asia/Almaty')], '2027-03-16T00:00:00.000Z')).toEqual([]);
  });

  it('a finished task has none; an open one has its leads and the next overdue day', () => {
    const task = {
      subjectType: 'task',
      id: 3,
      dueDate: '2027-04-01',
      done: false,
      statute: false,
      createdAt: '2027-02-01T00:00:00.000Z',
    };
    const ladder = { head: null, secretaries: [], chairman: null };
    expect(deadlineReminders({ ...task, done: true }, person(1, 'Asia/Bishkek'), ladder, now)).toEqual([]);
    const plans = deadlineReminders(task, person(1, 'Asia/Bishkek'), ladder, now);
    expect(plans.map((p) => [p.rule, p.deliverAt])).toEqual([
      ['deadline-14d', '2027-03-18T03:00:00.000Z'],
      ['deadline-3d', '2027-03-29T03:00:00.000Z'],
      ['deadline-day', '2027-04-01T03:00:00.000Z'],
      ['overdue', '2027-04-02T03:00:00.000Z'],
    ]);
    const later = deadlineReminders(task, person(1, 'Asia/Bishkek'), ladder, '2027-04-10T10:00:00.000Z');
    expect(later.find((p) => p.rule === 'overdue')?.key).toBe('task:3:overdue:2027-04-10:p1');
  });

  it('climbs the ladder: the head of delegation, then the secretary, and the chairman only for the statute', () => {
    const task = {
      subjectType: 'task',
      id: 3,
      dueDate: '2027-04-01',
      done: false,
      statute: false,
      createdAt: '2027-02-01T00:00:00.000Z',
    };
    const ladder = {
      head: person(2, 'Asia/Almaty'),
      secretaries: [person(3, 'Europe/Moscow')],
      chairman: person(4, 'Europe/Moscow'),
    };
    const steps = deadlineReminders(task, person(1, 'Asia/Almaty'), ladder, now).filter((p) => p.step > 0);
    expect(steps.map((p) => [p.step, p.recipientId, p.deliverAt])).toEqual([
      [1, 2, '2027-04-04T04:00:00.000Z'],
      [2, 3, '2027-04-07T06:00:00.000Z'],
    ]);
    const statute = deadlineReminders(
      { ...task, statute: true },
      person(1, 'Asia/Almaty'),
      ladder,
      now,
    ).filter((p) => p.step > 0);
    expect(statute.map((p) => p.recipientId)).toEqual([2, 3, 4]);
    const optedOut = deadlineReminders(
      task,
      person(1, 'Asia/Almaty', { optedOut: ['deadline'] }),
      ladder,
      now,
    );
    expect(optedOut.map((p) => p.rule)).toEqual(['overdue', 'escalation-1', 'escalation-2']);
  });
});

describe('digests', () => {
  it('sends what is due together, one digest a person, and folds what went stale during downtime', () => {
    const people = [person(1, 'Europe/Moscow'), person(2, 'Europe/Moscow')];
    const plans = [
      ...meetingReminders(meeting, people, now),
      ...meetingReminders(
        { id: 8, startsAt: '2027-03-16T07:00:00.000Z', status: 'notified', notifiedAt: null },
        people,
        now,
      ),
    ];
    const afterDowntime = '2027-03-14T10:00:00.000Z';
    const due = dueNow(plans, afterDowntime);
    const digests = intoDigests(due, afterDowntime);
    expect([...digests.keys()]).toEqual([1, 2]);
    const first = digests.get(1);
    expect(first?.fresh.map((p) => p.key)).toEqual(['meeting:7:meeting-1d:p1', 'meeting:8:meeting-7d:p1']);
    expect(first?.folded.map((p) => p.key)).toEqual(['meeting:7:meeting-7d:p1']);
  });
});
