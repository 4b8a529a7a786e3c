import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from './hours';
import type { ReminderRecipient } from './rules';
import { meetingMinimumReminders, reportDueReminders, weeklyDigestReminders } from './statute';

const person = (personId: number, timeZone = 'Europe/Moscow'): ReminderRecipient => ({
  personId,
  hours: { timeZone, ...DEFAULT_HOURS },
  optedOut: [],
});

describe('the statute’s rhythm', () => {
  it('reminds the secretary monthly from July, and the chairman from October, while meetings fall short of the minimum', () => {
    const plans = meetingMinimumReminders(2027, 1, 2, [person(1)], person(2));
    expect(plans.filter((p) => p.recipientId === 1).map((p) => p.deliverAt.slice(0, 10))).toEqual([
      '2027-07-01',
      '2027-08-01',
      '2027-09-01',
      '2027-10-01',
      '2027-11-01',
      '2027-12-01',
    ]);
    expect(plans.filter((p) => p.recipientId === 2).map((p) => [p.deliverAt.slice(0, 10), p.step])).toEqual([
      ['2027-10-01', 3],
      ['2027-11-01', 3],
      ['2027-12-01', 3],
    ]);
    expect(meetingMinimumReminders(2027, 2, 2, [person(1)], person(2))).toEqual([]);
  });

  it('reminds of the annual report a month, a week and a day before, and the chairman on the day, until it is submitted', () => {
    const plans = reportDueReminders(2027, '2027-12-15', false, [person(1)], person(2));
    expect(plans.map((p) => [p.recipientId, p.rule, p.deliverAt])).toEqual([
      [1, 'report-due-30d', '2027-11-15T06:00:00.000Z'],
      [1, 'report-due-7d', '2027-12-08T06:00:00.000Z'],
      [1, 'report-due-1d', '2027-12-14T06:00:00.000Z'],
      [2, 'report-due-day', '2027-12-15T06:00:00.000Z'],
    ]);
    expect(reportDueReminders(2027, '2027-12-15', true, [person(1)], person(2))).toEqual([]);
  });

  it('sends the secretary’s weekly digest on Monday at the start of their day, even when planned late that Monday', () => {
    expect(
      weeklyDigestReminders([person(1, 'Asia/Almaty')], '2027-03-03T12:00:00.000Z').map((p) => p.deliverAt),
    ).toEqual(['2027-03-08T04:00:00.000Z']);
    expect(weeklyDigestReminders([person(1)], '2027-03-08T12:00:00.000Z').map((p) => p.key)).toEqual([
      'weekly-digest:2027-03-08:p1',
    ]);
    expect(weeklyDigestReminders([person(1)], '2027-03-09T00:00:00.000Z').map((p) => p.key)).toEqual([
      'weekly-digest:2027-03-15:p1',
    ]);
  });
});
