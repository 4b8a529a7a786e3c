import { describe, expect, it } from 'vitest';
import { idParamSchema, meetingInputSchema } from './schemas';

const input = {
  kind: 'regular',
  title: 'Session',
  startsLocal: '2027-03-15T10:00',
  endsLocal: '2027-03-15T13:00',
  timeZone: 'Asia/Almaty',
  place: 'Almaty',
  link: '',
  agenda: ['Opening', 'Budget'],
};

describe('meeting input', () => {
  it('turns local times in the meeting zone into UTC and numbers the agenda', () => {
    const parsed = meetingInputSchema.parse(input);
    expect(parsed.startsAt).toBe('2027-03-15T05:00:00.000Z');
    expect(parsed.link).toBeNull();
    expect(parsed.agenda).toEqual([
      { position: 1, title: 'Opening' },
      { position: 2, title: 'Budget' },
    ]);
  });

  it('refuses an end before the start, an unknown zone and a time skipped by daylight saving', () => {
    expect(meetingInputSchema.safeParse({ ...input, endsLocal: '2027-03-15T09:00' }).success).toBe(false);
    expect(meetingInputSchema.safeParse({ ...input, timeZone: 'Mars/Olympus' }).success).toBe(false);
    const skipped = {
      ...input,
      timeZone: 'Europe/Berlin',
      startsLocal: '2027-03-28T02:30',
      endsLocal: '2027-03-28T04:00',
    };
    expect(meetingInputSchema.safeParse(skipped).success).toBe(false);
  });

  it('refuses a link that is not http(s)', () => {
    expect(meetingInputSchema.safeParse({ ...input, link: 'javascript:alert(1)' }).success).toBe(false);
  });
});

describe('id parameters', () => {
  it('accepts positive whole numbers only', () => {
    expect(idParamSchema.parse({ id: '12' })).toEqual({ id: 12 });
    for (const bad of ['0', '-1', '1.5', 'abc', '1e3', '99999999999999999'])
      expect(idParamSchema.safeParse({ id: bad }).success).toBe(false);
  });
});
