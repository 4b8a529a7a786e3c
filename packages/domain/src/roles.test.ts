import { describe, expect, it } from 'vitest';
import { ACTIONS, can, PERMISSIONS } from './roles';

describe('the role × action matrix', () => {
  it('has a rule for every action', () => {
    for (const action of ACTIONS) expect(PERMISSIONS[action].length).toBeGreaterThan(0);
  });

  it('lets the secretary write meetings and members only read and answer', () => {
    expect(can(['secretary'], 'meetings.write')).toBe(true);
    expect(can(['member'], 'meetings.write')).toBe(false);
    expect(can(['member'], 'meetings.rsvp')).toBe(true);
    expect(can(['observer'], 'meetings.read')).toBe(true);
    expect(can(['observer'], 'meetings.rsvp')).toBe(false);
    expect(can([], 'meetings.read')).toBe(false);
  });
});
