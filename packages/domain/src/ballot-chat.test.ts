import { describe, expect, it } from 'vitest';
import {
  type BallotButton,
  ballotReminders,
  decodeBallotButton,
  encodeBallotButton,
  nextTallyEditAt,
  TALLY_EDIT_INTERVAL_MS,
} from './ballot-chat';
import type { ReminderRecipient } from './reminders/rules';

const hours = (timeZone: string) => ({
  timeZone,
  workStart: '09:00',
  workEnd: '20:00',
  quietStart: '22:00',
  quietEnd: '07:00',
});
const person = (personId: number, timeZone = 'Europe/Moscow'): ReminderRecipient => ({
  personId,
  hours: hours(timeZone),
  optedOut: [],
});

describe('ballot buttons', () => {
  const buttons: BallotButton[] = [
    { kind: 'vote', ballotId: 7, choice: 'for' },
    { kind: 'vote', ballotId: 7, choice: 'against' },
    { kind: 'vote', ballotId: 123456789, choice: 'abstain' },
    { kind: 'remark', ballotId: 7, remark: 'comment' },
    { kind: 'remark', ballotId: 7, remark: 'reservation' },
    { kind: 'refresh', ballotId: 7 },
    { kind: 'open', ballotId: 7 },
  ];
  it('reads back what it wrote', () => {
    for (const b of buttons) expect(decodeBallotButton(encodeBallotButton(b))).toEqual(b);
  });
  it('refuses forged and malformed payloads', () => {
    for (const data of ['v:0:f', 'v:7:z', 'v:7', 'v:-1:f', 'v:7:f:1', 'r:7:y', 'v:07:f', undefined])
      expect(decodeBallotButton(data)).toBeNull();
  });
});

describe('the group tally edits', () => {
  it('go at once the first time, then no sooner than the interval after the last', () => {
    const now = '2027-03-01T10:00:00.000Z';
    expect(nextTallyEditAt(null, now)).toBe(now);
    expect(Date.parse(nextTallyEditAt('2027-03-01T09:59:59.000Z', now)) - Date.parse(now)).toBe(
      TALLY_EDIT_INTERVAL_MS - 1_000,
    );
    expect(nextTallyEditAt('2027-03-01T09:59:00.000Z', now)).toBe(now);
  });
});

describe('ballot reminders', () => {
  const ballot = {
    id: 4,
    status: 'open' as const,
    opensAt: '2027-03-01T06:00:00.000Z',
    closesAt: '2027-03-05T12:00:00.000Z', // 15:00 in Moscow
  };
  it('reminds each unvoted representative 24 h before, in working hours, and each secretary with a summary', () => {
    const plans = ballotReminders(ballot, [person(1), person(2)], [person(9)]);
    expect(plans.map((p) => [p.recipientId, p.rule, p.deliverAt])).toEqual([
      [1, 'ballot-not-voted', '2027-03-04T12:00:00.000Z'],
      [2, 'ballot-not-voted', '2027-03-04T12:00:00.000Z'],
      [9, 'ballot-summary', '2027-03-04T12:00:00.000Z'],
    ]);
    expect(plans.every((p) => p.staleAt === ballot.closesAt)).toBe(true);
  });
  it('moves an evening moment to that morning and a night one to the next working start before the close', () => {
    const evening = ballotReminders({ ...ballot, closesAt: '2027-03-05T19:00:00.000Z' }, [person(1)], []);
    expect(evening[0]?.deliverAt).toBe('2027-03-04T06:00:00.000Z'); // 09:00 Moscow, the same day
    const night = ballotReminders({ ...ballot, closesAt: '2027-03-05T02:00:00.000Z' }, [person(1)], []);
    expect(night[0]?.deliverAt).toBe('2027-03-04T06:00:00.000Z'); // 05:00 → 09:00, before the close
  });
  it('plans nothing when everyone voted, the ballot closed, or the moment falls before the opening', () => {
    expect(ballotReminders(ballot, [], [person(9)])).toEqual([]);
    expect(ballotReminders({ ...ballot, status: 'closed' }, [person(1)], [])).toEqual([]);
    expect(
      ballotReminders({ ...ballot, opensAt: '2027-03-05T00:00:00.000Z' }, [person(1)], [person(9)]),
    ).toEqual([]);
  });
  it('plans anew when the close moves, so an extension brings a fresh reminder', () => {
    const before = ballotReminders(ballot, [person(1)], []);
    const after = ballotReminders({ ...ballot, closesAt: '2027-03-08T12:00:00.000Z' }, [person(1)], []);
    expect(after[0]?.key).not.toBe(before[0]?.key);
  });
});
