import { describe, expect, it } from 'vitest';
import {
  decideResponseChange,
  formatRegisterNumber,
  registerYear,
  responseChangeSchema,
  responseParamSchema,
  responsibleForResponse,
} from './decisions';
import type { Representation } from './people';

const context = { adoptedOn: '2026-03-10', today: '2026-06-01' };
const entry = (
  status: 'sent' | 'under-consideration' | 'accepted' | 'implemented',
  date: string,
  note = '',
) => ({
  status,
  date,
  note,
});

describe('the register’s numbers', () => {
  it('read "number/year", the year being the ballot’s local year', () => {
    expect(formatRegisterNumber({ number: 12, year: 2026 })).toBe('12/2026');
    // 23:30 UTC on New Year's Eve is already the new year in Moscow.
    expect(registerYear('2026-12-31T23:30:00.000Z', 'Europe/Moscow')).toBe(2027);
    expect(registerYear('2026-12-31T23:30:00.000Z', 'UTC')).toBe(2026);
  });
});

describe('a government’s response', () => {
  it('moves forward and may skip steps: accepted straight after adoption, implemented after sent', () => {
    expect(
      decideResponseChange(null, { ...entry('accepted', '2026-04-01'), correction: false }, context),
    ).toEqual({
      ok: true,
      value: entry('accepted', '2026-04-01'),
    });
    expect(
      decideResponseChange(
        entry('sent', '2026-03-12'),
        { ...entry('implemented', '2026-05-01'), correction: false },
        context,
      ).ok,
    ).toBe(true);
  });

  it('records the same status again with a new date or note, but not an identical entry', () => {
    const current = entry('under-consideration', '2026-04-01', 'Ministry of Defence');
    expect(
      decideResponseChange(
        current,
        { ...entry('under-consideration', '2026-05-01', 'Second letter'), correction: false },
        context,
      ).ok,
    ).toBe(true);
    expect(decideResponseChange(current, { ...current, correction: false }, context)).toEqual({
      ok: false,
      error: 'NothingChanged',
    });
  });

  it('goes back, or dates a step before the last one, only as a correction that says why', () => {
    const current = entry('accepted', '2026-04-01');
    expect(
      decideResponseChange(current, { ...entry('sent', '2026-04-02'), correction: false }, context),
    ).toEqual({
      ok: false,
      error: 'StatusGoesBack',
    });
    expect(
      decideResponseChange(current, { ...entry('implemented', '2026-03-20'), correction: false }, context),
    ).toEqual({ ok: false, error: 'DateBeforePrevious' });
    expect(
      decideResponseChange(current, { ...entry('sent', '2026-04-02'), correction: true }, context),
    ).toEqual({
      ok: false,
      error: 'CorrectionNeedsNote',
    });
    expect(
      decideResponseChange(
        current,
        { ...entry('sent', '2026-04-02', 'Recorded for the wrong state'), correction: true },
        context,
      ).ok,
    ).toBe(true);
  });

  it('is dated between the adoption and today', () => {
    expect(
      decideResponseChange(null, { ...entry('sent', '2026-03-09'), correction: false }, context),
    ).toEqual({
      ok: false,
      error: 'DateBeforeAdoption',
    });
    expect(
      decideResponseChange(null, { ...entry('sent', '2026-06-02'), correction: false }, context),
    ).toEqual({
      ok: false,
      error: 'DateInFuture',
    });
  });

  it('is validated: a known status, a real date, a short note', () => {
    expect(responseChangeSchema.safeParse({ status: 'accepted', date: '2026-04-01' }).data).toEqual({
      status: 'accepted',
      date: '2026-04-01',
      note: '',
      correction: false,
    });
    expect(responseChangeSchema.safeParse({ status: 'rejected', date: '2026-04-01' }).success).toBe(false);
    expect(responseChangeSchema.safeParse({ status: 'sent', date: '2026-02-30' }).success).toBe(false);
    expect(responseChangeSchema.safeParse({ status: 'sent', date: '1.4.2026' }).success).toBe(false);
    expect(
      responseChangeSchema.safeParse({ status: 'sent', date: '2026-04-01', note: 'x'.repeat(2001) }).success,
    ).toBe(false);
    expect(responseParamSchema.safeParse({ id: '3', stateCode: 'KZ' }).data).toEqual({
      id: 3,
      stateCode: 'KZ',
    });
    expect(responseParamSchema.safeParse({ id: '3', stateCode: 'US' }).success).toBe(false);
  });
});

describe('who answers for a state’s response', () => {
  const r = (
    personId: number,
    kind: Representation['kind'],
    validTo: string | null = null,
  ): Representation => ({
    personId,
    stateCode: 'KZ',
    kind,
    validFrom: '2020-01-01T00:00:00.000Z',
    validTo,
  });
  const now = '2026-04-01T00:00:00.000Z';

  it('is the head of delegation, or the other representatives while there is no head', () => {
    expect(responsibleForResponse([r(1, 'head'), r(2, 'representative')], 'KZ', now)).toEqual([1]);
    expect(
      responsibleForResponse(
        [r(1, 'head', '2026-01-01T00:00:00.000Z'), r(2, 'representative'), r(3, 'alternate')],
        'KZ',
        now,
      ),
    ).toEqual([2, 3]);
    expect(responsibleForResponse([r(1, 'head')], 'BY', now)).toEqual([]);
  });
});
