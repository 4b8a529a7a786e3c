import type { Action, Role } from '@accord/domain';

const everyone: readonly Role[] = ['admin', 'secretary', 'chairman', 'member', 'observer'];
const staff: readonly Role[] = ['admin', 'secretary'];

/**
 * The domain's role × action matrix, copied so the bundle does not pull in zod and luxon with
 * `@accord/domain`'s values. `permissions.test.ts` fails when the two drift apart; the API
 * refuses anyway, this only hides controls a person cannot use.
 */
export const PERMISSIONS = {
  'meetings.read': everyone,
  'meetings.write': ['secretary'],
  'meetings.rsvp': ['member', 'chairman', 'secretary'],
  'people.read': everyone,
  'people.invite': staff,
  'states.read': everyone,
  'outbox.read': staff,
  'outbox.resend': ['secretary'],
  'audit.read': ['admin', 'secretary', 'chairman'],
} as const satisfies Record<Action, readonly Role[]>;

/** Whether someone with these roles may do `action`. */
export const can = (roles: readonly Role[] | undefined, action: Action): boolean =>
  (PERMISSIONS[action] as readonly Role[]).some((role) => roles?.includes(role) ?? false);
