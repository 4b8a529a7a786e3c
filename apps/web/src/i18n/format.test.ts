import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatRange,
  interpolate,
  isValidTimeZone,
  zoneLabel,
  zoneOffset,
} from './format';

describe('interpolate', () => {
  it('fills each placeholder with its value', () => {
    expect(interpolate('Item {number} of {total}', { number: 2, total: 5 })).toBe('Item 2 of 5');
  });

  it('leaves an unknown placeholder visible rather than blank', () => {
    expect(interpolate('Hello {name}', { other: 'x' })).toBe('Hello {name}');
  });

  it('returns the text unchanged when there are no variables', () => {
    expect(interpolate('Plain {text}')).toBe('Plain {text}');
  });
});

describe('time zones', () => {
  it('names the offset of a zone at an instant', () => {
    expect(zoneOffset('2027-03-15T06:00:00Z', 'Europe/Moscow')).toBe('UTC+03:00');
    expect(zoneOffset('2027-03-15T06:00:00Z', 'UTC')).toBe('UTC+00:00');
  });

  it('labels a zone by its IANA name and offset, and UTC as itself', () => {
    expect(zoneLabel('2027-03-15T06:00:00Z', 'Asia/Yerevan')).toBe('Asia/Yerevan (UTC+04:00)');
    expect(zoneLabel('2027-03-15T06:00:00Z', 'UTC')).toBe('UTC');
  });

  it('tells a real IANA zone from a made-up one', () => {
    expect(isValidTimeZone('Asia/Dushanbe')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('formatting instants for a reader', () => {
  const start = '2027-03-15T06:00:00.000Z';

  it('shows the wall-clock time in the given zone and names the zone', () => {
    const text = formatDateTime(start, 'Asia/Yerevan', 'en');
    expect(text).toContain('15 Mar 2027');
    expect(text).toContain('10:00');
    expect(text).toContain('Asia/Yerevan (UTC+04:00)');
  });

  it('shows the same instant differently in another zone', () => {
    expect(formatDateTime(start, 'Europe/Moscow', 'en')).toContain('09:00');
    expect(formatDateTime(start, 'Europe/Moscow', 'en')).toContain('Europe/Moscow');
  });

  it('writes Russian month names for a Russian reader', () => {
    expect(formatDateTime(start, 'Europe/Moscow', 'ru')).toMatch(/мар/);
  });

  it('gives a same-day range one date and two times', () => {
    const text = formatRange(start, '2027-03-15T08:30:00.000Z', 'Asia/Yerevan', 'en');
    expect(text.match(/2027/g)).toHaveLength(1);
    expect(text).toMatch(/10:00\s*–\s*12:30/);
  });

  it('gives a range over two days both dates', () => {
    const text = formatRange(start, '2027-03-16T08:30:00.000Z', 'Asia/Yerevan', 'en');
    expect(text).toContain('15 Mar');
    expect(text).toContain('16 Mar');
  });

  it('can leave the zone out when a heading names it', () => {
    expect(formatDateTime(start, 'Europe/Moscow', 'en', false)).not.toContain('Moscow');
    expect(formatRange(start, '2027-03-15T08:30:00.000Z', 'Europe/Moscow', 'en', false)).not.toContain(
      'Moscow',
    );
  });

  it('takes the calendar date in the zone, not in UTC', () => {
    expect(formatDate('2027-03-15T22:30:00.000Z', 'Asia/Dushanbe', 'en')).toBe('16 Mar 2027');
  });
});
