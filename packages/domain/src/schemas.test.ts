import { describe, expect, it } from 'vitest';
import { programInputSchema } from './program-schemas';
import { ballotInputSchema, idParamSchema, meetingInputSchema } from './schemas';

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
    // A check a person meets in the form gives a code (SCHEMA_CHECK_CODES) the dashboard words.
    const refusal = (value: unknown) =>
      meetingInputSchema.safeParse(value).error?.issues.map((i) => [i.path.join('.'), i.message]);
    expect(refusal({ ...input, endsLocal: '2027-03-15T09:00' })).toEqual([['endsLocal', 'EndBeforeStart']]);
    expect(meetingInputSchema.safeParse({ ...input, timeZone: 'Mars/Olympus' }).success).toBe(false);
    const skipped = {
      ...input,
      timeZone: 'Europe/Berlin',
      startsLocal: '2027-03-28T02:30',
      endsLocal: '2027-03-28T04:00',
    };
    expect(refusal(skipped)).toEqual([['startsLocal', 'NoSuchLocalTime']]);
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

describe('the checks a form can meet', () => {
  it('give the program code’s form, a period ending before it starts and a share over one as codes', () => {
    const program = {
      code: 'Until 2030',
      titleRu: 'Программа',
      titleEn: 'Program',
      periodStart: '2026-01-01',
      periodEnd: '2030-12-31',
    };
    expect(programInputSchema.safeParse(program).error?.issues.map((i) => i.message)).toEqual([
      'ProgramCode',
    ]);
    expect(
      programInputSchema
        .safeParse({ ...program, code: 'until-2030', periodEnd: '2025-12-31' })
        .error?.issues.map((i) => [i.path.join('.'), i.message]),
    ).toEqual([['periodEnd', 'EndBeforeStart']]);
    const ballot = {
      rule: { kind: 'majority', threshold: { numerator: 3, denominator: 2 } },
      closesLocal: '2027-03-20T18:00',
      timeZone: 'Europe/Moscow',
    };
    expect(ballotInputSchema.safeParse(ballot).error?.issues.map((i) => i.message)).toEqual([
      'FractionAboveOne',
    ]);
  });
});
