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

  it('names only roles the domain knows', () => {
    for (const roles of Object.values(PERMISSIONS))
      for (const role of roles) expect(ROLES as readonly string[]).toContain(role);
  });

  it('lets only the secretary write meetings', () => {
    for (const role of ROLES) expect(can([role], 'meetings.write'), role).toBe(role === 'secretary');
  });

  it('lets only the admin add, change and deactivate people', () => {
    for (const role of ROLES) expect(can([role], 'people.write'), role).toBe(role === 'admin');
  });

  it('lets only the chairman name a deputy, and the deputy read the audit log', () => {
    for (const role of ROLES) expect(can([role], 'commission.deputy'), role).toBe(role === 'chairman');
    expect(can(['member', 'deputy'], 'audit.read')).toBe(true);
    expect(can(['member'], 'audit.read')).toBe(false);
  });

  it('lets a person holding several roles do what any of them allows', () => {
    expect(can(['member', 'admin'], 'people.invite')).toBe(true);
  });

  it('lets nobody do anything without roles', () => {
    expect(can(undefined, 'meetings.read')).toBe(false);
    expect(can([], 'meetings.read')).toBe(false);
  });
});
