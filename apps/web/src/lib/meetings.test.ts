import { describe, expect, it } from 'vitest';
import { attendanceSummary, isOver, sortByState, splitMeetings } from './meetings';

const meeting = (id: number, startsAt: string, endsAt: string) => ({ id, startsAt, endsAt });

describe('upcoming and past meetings', () => {
  const now = '2027-03-15T12:00:00.000Z';
  const list = [
    meeting(1, '2027-01-10T09:00:00.000Z', '2027-01-10T11:00:00.000Z'),
    meeting(2, '2027-05-01T09:00:00.000Z', '2027-05-01T11:00:00.000Z'),
    meeting(3, '2027-03-15T11:00:00.000Z', '2027-03-15T13:00:00.000Z'),
    meeting(4, '2026-11-10T09:00:00.000Z', '2026-11-10T11:00:00.000Z'),
  ];

  it('counts a meeting under way as upcoming, and lists upcoming ones soonest first', () => {
    expect(splitMeetings(list, now).upcoming.map((m) => m.id)).toEqual([3, 2]);
  });

  it('lists past meetings latest first', () => {
    expect(splitMeetings(list, now).past.map((m) => m.id)).toEqual([1, 4]);
  });

  it('says a meeting is over once its end has passed', () => {
    expect(isOver(list[0] as (typeof list)[number], now)).toBe(true);
    expect(isOver(list[2] as (typeof list)[number], now)).toBe(false);
  });
});

describe('the attendance summary', () => {
  it('counts invited, notified, answers and who cannot be reached', () => {
    expect(
      attendanceSummary([
        { delivery: 'sent', answer: 'yes' },
        { delivery: 'sent', answer: 'no' },
        { delivery: 'sent', answer: null },
        { delivery: 'pending', answer: null },
        { delivery: 'failed', answer: null },
        { delivery: 'unreachable', answer: null },
        { delivery: 'not_linked', answer: null },
      ]),
    ).toEqual({ invited: 7, notified: 3, yes: 1, no: 1, noAnswer: 5, unreachable: 2 });
  });

  it('is all zeros for nobody', () => {
    expect(attendanceSummary([])).toEqual({
      invited: 0,
      notified: 0,
      yes: 0,
      no: 0,
      noAnswer: 0,
      unreachable: 0,
    });
  });
});

describe('ordering attendance', () => {
  it('groups by state in the commission’s order, people without a state last', () => {
    const rows = [
      { name: 'Zaitsev', stateCode: 'RU', representation: 'head' },
      { name: 'Secretary', stateCode: null, representation: null },
      { name: 'Abramyan', stateCode: 'AM', representation: 'head' },
    ];
    expect(sortByState(rows, ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'], 'en').map((r) => r.name)).toEqual([
      'Abramyan',
      'Zaitsev',
      'Secretary',
    ]);
  });

  it('puts the head of delegation first within a state, then representatives, alternates, then by name', () => {
    const rows = [
      { name: 'Antonov', stateCode: 'RU', representation: 'alternate' },
      { name: 'Borisov', stateCode: 'RU', representation: 'representative' },
      { name: 'Volkov', stateCode: 'RU', representation: 'head' },
      { name: 'Akimov', stateCode: 'RU', representation: 'representative' },
    ];
    expect(sortByState(rows, ['RU'], 'en').map((r) => r.name)).toEqual([
      'Volkov',
      'Akimov',
      'Borisov',
      'Antonov',
    ]);
  });
});
