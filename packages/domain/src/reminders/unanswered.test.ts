import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from './hours';
import type { ReminderRecipient } from './rules';
import { unansweredReminders } from './unanswered';

const person = (personId: number, timeZone = 'Europe/Moscow'): ReminderRecipient => ({
  personId,
  hours: { timeZone, ...DEFAULT_HOURS },
  optedOut: [],
});
const meeting = {
  id: 4,
  startsAt: '2027-03-15T07:00:00.000Z',
  notifiedAt: '2027-03-01T00:00:00.000Z',
  statute: true,
};
const ladder = {
  heads: new Map([[10, person(10, 'Asia/Almaty')]]),
  secretaries: [person(20)],
  chairman: person(30),
};

describe('unanswered notices climb the ladder', () => {
  it('to the head of the delegation, then the secretary, then the chairman for the statute’s meetings', () => {
    const plans = unansweredReminders(meeting, [{ personId: 11, headId: 10 }], ladder);
    expect(plans.map((p) => [p.step, p.recipientId, p.deliverAt])).toEqual([
      [1, 10, '2027-03-12T04:00:00.000Z'],
      [2, 20, '2027-03-13T06:00:00.000Z'],
      [3, 30, '2027-03-14T06:00:00.000Z'],
    ]);
    expect(
      unansweredReminders({ ...meeting, statute: false }, [{ personId: 11, headId: 10 }], ladder).map(
        (p) => p.step,
      ),
    ).toEqual([1, 2]);
  });

  it('stops once everyone has answered, and skips a head who is the only one silent', () => {
    expect(unansweredReminders(meeting, [], ladder)).toEqual([]);
    expect(unansweredReminders(meeting, [{ personId: 10, headId: 10 }], ladder).map((p) => p.step)).toEqual([
      2, 3,
    ]);
  });
});
