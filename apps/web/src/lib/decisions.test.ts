import { RESPONSE_STATUSES as DOMAIN_RESPONSE_STATUSES, isResponseSettled } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import {
  formatCalendarDate,
  isSettled,
  RESPONSE_STATUSES,
  responseDates,
  todayIn,
  voteSummary,
} from './decisions';

describe('the register’s helpers', () => {
  it('copy the domain’s statuses and its idea of an answered response', () => {
    expect(RESPONSE_STATUSES).toEqual(DOMAIN_RESPONSE_STATUSES);
    for (const status of [...RESPONSE_STATUSES, null])
      expect(isSettled(status)).toBe(isResponseSettled(status));
  });

  it('count the votes by choice', () => {
    expect(
      voteSummary([
        { choice: 'for' },
        { choice: 'for' },
        { choice: 'abstain' },
        { choice: null },
        { choice: 'against' },
      ]),
    ).toEqual({ for: 2, against: 1, abstain: 1, none: 1 });
  });

  it('write a calendar day the same in every zone, and find today in the reader’s zone', () => {
    expect(formatCalendarDate('2027-02-01', 'en-GB')).toBe('1 February 2027');
    expect(formatCalendarDate('2027-02-01', 'ru-RU')).toBe('1 февраля 2027 г.');
    const lateEvening = new Date('2027-01-31T20:00:00Z');
    expect(todayIn('Asia/Almaty', lateEvening)).toBe('2027-02-01');
    expect(todayIn('Europe/Minsk', lateEvening)).toBe('2027-01-31');
  });

  it('offer the days a response may carry in the state’s own calendar, as the API judges them', () => {
    // Adopted at 22:13 in Moscow on 27 November: already the 28th in Almaty.
    const adoptedAt = '2026-11-27T19:13:00.000Z';
    const soonAfter = new Date('2026-11-27T19:20:00Z');
    expect(responseDates(adoptedAt, 'Asia/Almaty', soonAfter)).toEqual({
      min: '2026-11-28',
      max: '2026-11-28',
    });
    expect(responseDates(adoptedAt, 'Europe/Moscow', soonAfter)).toEqual({
      min: '2026-11-27',
      max: '2026-11-27',
    });
    expect(responseDates(adoptedAt, 'Europe/Minsk', new Date('2026-12-03T09:00:00Z'))).toEqual({
      min: '2026-11-27',
      max: '2026-12-03',
    });
  });
});
