import { RESPONSE_STATUSES as DOMAIN_RESPONSE_STATUSES, isResponseSettled } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate, isSettled, RESPONSE_STATUSES, todayIn, voteSummary } from './decisions';

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
});
