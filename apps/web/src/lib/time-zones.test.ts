import { describe, expect, it } from 'vitest';
import { timeZoneOptions } from './time-zones';

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
