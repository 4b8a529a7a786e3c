import { describe, expect, it } from 'vitest';
import { groupByState, inviteStatus } from './people';

describe('people grouped by state', () => {
  const person = (name: string, stateCode: string | null, representation: string | null = null) => ({
    name,
    stateCode,
    representation,
  });
  const people = [
    person('Petrov', 'RU', 'alternate'),
    person('Secretary', null),
    person('Ivanov', 'RU', 'alternate'),
    person('Sidorov', 'RU', 'head'),
    person('Nazarbekov', 'KG', 'head'),
  ];

  it('keeps the states’ order and puts people of no state last', () => {
    expect(groupByState(people, ['KG', 'RU', 'TJ'], 'en').map((g) => g.code)).toEqual([
      'KG',
      'RU',
      'TJ',
      null,
    ]);
  });

  it('lists the head of delegation first in a state, then the others by name', () => {
    const russia = groupByState(people, ['KG', 'RU', 'TJ'], 'en').find((g) => g.code === 'RU');
    expect(russia?.people.map((p) => p.name)).toEqual(['Sidorov', 'Ivanov', 'Petrov']);
  });

  it('keeps an empty group for a state with nobody, and none for people of no state when there are none', () => {
    const groups = groupByState([person('A', 'RU', 'head')], ['RU', 'TJ'], 'en');
    expect(groups).toEqual([
      { code: 'RU', people: [person('A', 'RU', 'head')] },
      { code: 'TJ', people: [] },
    ]);
  });
});

describe('where an invite stands', () => {
  const now = '2027-03-15T12:00:00.000Z';
  const invite = {
    createdAt: '2027-03-14T12:00:00.000Z',
    expiresAt: '2027-03-21T12:00:00.000Z',
    usedAt: null,
  };

  it('is none without an invite', () => {
    expect(inviteStatus(null, now)).toEqual({ kind: 'none' });
  });

  it('is pending until it expires', () => {
    expect(inviteStatus(invite, now)).toEqual({ kind: 'pending', until: invite.expiresAt });
  });

  it('is expired after that', () => {
    expect(inviteStatus(invite, '2027-03-22T00:00:00.000Z')).toEqual({
      kind: 'expired',
      at: invite.expiresAt,
    });
  });

  it('is used once used, even after it would have expired', () => {
    const used = { ...invite, usedAt: '2027-03-15T08:00:00.000Z' };
    expect(inviteStatus(used, '2027-04-01T00:00:00.000Z')).toEqual({ kind: 'used', at: used.usedAt });
  });
});
