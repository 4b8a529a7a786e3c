import { describe, expect, it } from 'vitest';
import { groupByState, inviteStatus } from './people';

describe('people grouped by state', () => {
  const people = [
    { name: 'Petrov', stateCode: 'RU' },
    { name: 'Secretary', stateCode: null },
    { name: 'Ivanov', stateCode: 'RU' },
    { name: 'Nazarbekov', stateCode: 'KG' },
  ];

  it('keeps the states’ order, sorts names within a state, and puts people of no state last', () => {
    expect(groupByState(people, ['KG', 'RU', 'TJ'], 'en')).toEqual([
      { code: 'KG', people: [{ name: 'Nazarbekov', stateCode: 'KG' }] },
      {
        code: 'RU',
        people: [
          { name: 'Ivanov', stateCode: 'RU' },
          { name: 'Petrov', stateCode: 'RU' },
        ],
      },
      { code: 'TJ', people: [] },
      { code: null, people: [{ name: 'Secretary', stateCode: null }] },
    ]);
  });

  it('has no group for people of no state when there are none', () => {
    expect(groupByState([{ name: 'A', stateCode: 'RU' }], ['RU'], 'en').map((g) => g.code)).toEqual(['RU']);
  });
});

describe('where an invite stands', () => {
  const now = '2027-03-15T12:00:00.000Z';
  const invite = { createdAt: '2027-03-14T12:00:00.000Z', expiresAt: '2027-03-21T12:00:00.000Z', usedAt: null };

  it('is none without an invite', () => {
    expect(inviteStatus(null, now)).toEqual({ kind: 'none' });
  });

  it('is pending until it expires', () => {
    expect(inviteStatus(invite, now)).toEqual({ kind: 'pending', until: invite.expiresAt });
  });

  it('is expired after that', () => {
    expect(inviteStatus(invite, '2027-03-22T00:00:00.000Z')).toEqual({ kind: 'expired', at: invite.expiresAt });
  });

  it('is used once used, even after it would have expired', () => {
    const used = { ...invite, usedAt: '2027-03-15T08:00:00.000Z' };
    expect(inviteStatus(used, '2027-04-01T00:00:00.000Z')).toEqual({ kind: 'used', at: used.usedAt });
  });
});
