import { describe, expect, it } from 'vitest';
import {
  deputyCandidates,
  displayRoles,
  groupByState,
  inviteStatus,
  personPatch,
  successorCandidates,
} from './people';

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

describe('who can take over from a person being deactivated', () => {
  const person = (id: number, name: string, stateCode: string | null, active = true) => ({
    id,
    name,
    stateCode,
    active,
  });
  const people = [
    person(1, 'Sidorov', 'RU'),
    person(2, 'Petrov', 'RU'),
    person(3, 'Abramov', 'RU'),
    person(4, 'Nazarbekov', 'KG'),
    person(5, 'Secretary', null),
    person(6, 'Retired', 'RU', false),
    person(7, 'Newcomer', null),
  ];

  it('is someone else, active, of the same state first and then of no state', () => {
    expect(successorCandidates(people[0] ?? person(0, '', null), people, 'en').map((p) => p.id)).toEqual([
      3, 2, 7, 5,
    ]);
  });

  it('is only people of no state for someone who represents none', () => {
    expect(successorCandidates(person(5, 'Secretary', null), people, 'en').map((p) => p.id)).toEqual([7]);
  });
});

describe('whom the chairman can name deputy', () => {
  it('is anyone else who is active, by name', () => {
    const people = [
      { id: 1, name: 'Chairman', stateCode: null, active: true },
      { id: 2, name: 'Zhukov', stateCode: 'RU', active: true },
      { id: 3, name: 'Aliev', stateCode: 'TJ', active: true },
      { id: 4, name: 'Gone', stateCode: null, active: false },
    ];
    expect(deputyCandidates(people, 1, 'en').map((p) => p.id)).toEqual([3, 2]);
  });
});

describe('a person’s roles as shown', () => {
  it('add deputy to the person the chairman named, and only to them', () => {
    expect(displayRoles({ id: 2, roles: ['member'] }, 2)).toEqual(['member', 'deputy']);
    expect(displayRoles({ id: 3, roles: ['member'] }, 2)).toEqual(['member']);
    expect(displayRoles({ id: 3, roles: ['member'] }, null)).toEqual(['member']);
  });
});

describe('what an edit of a person changes', () => {
  const before = { name: 'Ivanov', roles: ['member', 'admin'], language: 'ru', timeZone: 'Europe/Moscow' };

  it('is nothing when nothing changed, roles compared as a set and the name trimmed', () => {
    expect(personPatch(before, { ...before, name: ' Ivanov ', roles: ['admin', 'member'] })).toEqual({});
  });

  it('is only the fields that differ', () => {
    expect(personPatch(before, { ...before, name: 'Ivanova', timeZone: 'Asia/Almaty' })).toEqual({
      name: 'Ivanova',
      timeZone: 'Asia/Almaty',
    });
    expect(personPatch(before, { ...before, roles: ['member'], language: 'en' })).toEqual({
      roles: ['member'],
      language: 'en',
    });
  });
});
