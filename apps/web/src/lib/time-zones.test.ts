import { describe, expect, it } from 'vitest';
import { instantFromLocal, localFromInstant, timeZoneOptions } from './time-zones';

describe('the time zones a meeting can be set in', () => {
  const states = [
    { code: 'AM', timeZone: 'Asia/Yerevan' },
    { code: 'BY', timeZone: 'Europe/Minsk' },
    { code: 'RU', timeZone: 'Europe/Moscow' },
  ];

  it('are the states’ zones, then the browser’s, then UTC', () => {
    expect(timeZoneOptions(states, ['Europe/Berlin']).map((o) => o.value)).toEqual([
      'Asia/Yerevan',
      'Europe/Minsk',
      'Europe/Moscow',
      'Europe/Berlin',
      'UTC',
    ]);
  });

  it('list each zone once, with every state that uses it', () => {
    const options = timeZoneOptions(
      [...states, { code: 'XX', timeZone: 'Europe/Moscow' }],
      ['Europe/Moscow', 'UTC', null],
    );
    expect(options.map((o) => o.value)).toEqual(['Asia/Yerevan', 'Europe/Minsk', 'Europe/Moscow', 'UTC']);
    expect(options.find((o) => o.value === 'Europe/Moscow')?.stateCodes).toEqual(['RU', 'XX']);
  });
});

describe('wall-clock times in a zone and the instants they name', () => {
  it('read an instant in a zone and back', () => {
    expect(localFromInstant('2027-03-01T15:00:00.000Z', 'Europe/Moscow')).toBe('2027-03-01T18:00');
    expect(instantFromLocal('2027-03-01T18:00', 'Europe/Moscow')).toBe('2027-03-01T15:00:00.000Z');
    expect(instantFromLocal('2027-03-01T18:00', 'Asia/Almaty')).toBe('2027-03-01T13:00:00.000Z');
    expect(instantFromLocal('2027-03-01T18:00', 'UTC')).toBe('2027-03-01T18:00:00.000Z');
  });

  it('keep the offset of the day across a daylight-saving change', () => {
    expect(instantFromLocal('2027-03-27T12:00', 'Europe/Berlin')).toBe('2027-03-27T11:00:00.000Z');
    expect(instantFromLocal('2027-03-28T12:00', 'Europe/Berlin')).toBe('2027-03-28T10:00:00.000Z');
    // 02:30 does not exist that night in Berlin: the clocks jump from 02:00 to 03:00.
    expect(instantFromLocal('2027-03-28T02:30', 'Europe/Berlin')).toBe('2027-03-28T01:30:00.000Z');
  });
});
