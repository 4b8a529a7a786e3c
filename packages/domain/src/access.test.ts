import { describe, expect, it } from 'vitest';
import { decideLogin, planDeactivation } from './access';
import type { Representation } from './people';
import { can, effectiveRoles } from './roles';

const now = '2027-05-01T10:00:00.000Z';
const link = { personId: 4, expiresAt: '2027-05-01T10:10:00.000Z', usedAt: null, revokedAt: null };

describe('sign-in links', () => {
  it('open a session once, within ten minutes, for an active person', () => {
    expect(decideLogin(link, { active: true }, now)).toEqual({ ok: true, value: { personId: 4 } });
    expect(decideLogin({ ...link, usedAt: now }, { active: true }, now)).toEqual({
      ok: false,
      error: 'LoginUsed',
    });
    expect(decideLogin(link, { active: true }, '2027-05-01T10:10:00.000Z')).toEqual({
      ok: false,
      error: 'LoginExpired',
    });
    expect(decideLogin({ ...link, revokedAt: now }, { active: true }, now)).toEqual({
      ok: false,
      error: 'LoginRevoked',
    });
    expect(decideLogin(link, { active: false }, now)).toEqual({ ok: false, error: 'PersonInactive' });
  });
});

describe('replacing a representative', () => {
  const seat = (
    personId: number,
    stateCode: Representation['stateCode'],
    validTo: string | null = null,
  ): Representation => ({
    personId,
    stateCode,
    kind: 'head',
    validFrom: '2020-01-01T00:00:00.000Z',
    validTo,
  });
  const reps = [seat(1, 'KZ'), seat(1, 'KZ', '2021-01-01T00:00:00.000Z'), seat(2, 'BY'), seat(3, 'KZ')];

  it('ends the leaving person’s current seats and gives them to the successor', () => {
    const plan = planDeactivation({ id: 1, active: true }, { id: 3, active: true }, reps, now);
    expect(plan).toEqual({
      ok: true,
      value: { endRepresentations: [reps[0]], successorSeats: [{ stateCode: 'KZ', kind: 'head' }] },
    });
  });

  it('refuses a successor from another state, the person themself, an inactive one, or a second deactivation', () => {
    expect(planDeactivation({ id: 1, active: true }, { id: 2, active: true }, reps, now)).toEqual({
      ok: false,
      error: 'SuccessorRepresentsAnotherState',
    });
    expect(planDeactivation({ id: 1, active: true }, { id: 1, active: true }, reps, now)).toEqual({
      ok: false,
      error: 'SuccessorIsSelf',
    });
    expect(planDeactivation({ id: 1, active: true }, { id: 3, active: false }, reps, now)).toEqual({
      ok: false,
      error: 'SuccessorInactive',
    });
    expect(planDeactivation({ id: 1, active: false }, null, reps, now)).toEqual({
      ok: false,
      error: 'AlreadyInactive',
    });
  });
});

describe('the deputy', () => {
  it('holds the deputy role only while named, and reads the audit log like the chairman', () => {
    expect(effectiveRoles(5, ['member'], 5)).toEqual(['member', 'deputy']);
    expect(effectiveRoles(5, ['member'], 6)).toEqual(['member']);
    expect(can(effectiveRoles(5, ['member'], 5), 'audit.read')).toBe(true);
    expect(can(['member'], 'audit.read')).toBe(false);
  });
});
