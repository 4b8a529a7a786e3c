import { ACTIONS, PERMISSIONS as DOMAIN_PERMISSIONS, ROLES } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS } from './permissions';

describe('the dashboard’s copy of the role matrix', () => {
  it('is the same as the domain’s, action by action', () => {
    for (const action of ACTIONS) {
      expect([...PERMISSIONS[action]].sort(), action).toEqual([...DOMAIN_PERMISSIONS[action]].sort());
    }
    expect(Object.keys(PERMISSIONS).sort()).toEqual([...ACTIONS].sort());
  });

  it('lets only the secretary write meetings', () => {
    for (const role of ROLES) expect(can([role], 'meetings.write'), role).toBe(role === 'secretary');
  });

  it('lets a person holding several roles do what any of them allows', () => {
    expect(can(['member', 'admin'], 'people.invite')).toBe(true);
  });

  it('lets nobody do anything without roles', () => {
    expect(can(undefined, 'meetings.read')).toBe(false);
    expect(can([], 'meetings.read')).toBe(false);
  });
});
