import type { Action, Role } from '@accord/domain';

const everyone: readonly Role[] = ['admin', 'secretary', 'chairman', 'deputy', 'member', 'observer'];
const staff: readonly Role[] = ['admin', 'secretary'];

/**
 * The domain's role × action matrix, copied so the bundle does not pull in zod and luxon with
 * `@accord/domain`'s values. `permissions.test.ts` fails when the two drift apart; the API
 * refuses anyway, this only hides controls a person cannot use. `deputy` is not assigned: the
 * session's roles carry it while the chairman names that person their deputy.
 */
export const PERMISSIONS = {
  'session.read': everyone,
  'meetings.read': everyone,
  'meetings.write': ['secretary'],
  'meetings.rsvp': ['member', 'chairman', 'secretary'],
  'people.read': everyone,
  'people.invite': staff,
  'people.write': ['admin'],
  'states.read': everyone,
  'commission.read': everyone,
  'commission.deputy': ['chairman'],
  'commission.settings': ['admin'],
  'drafts.read': everyone,
  'drafts.write': ['secretary'],
  'ballots.read': everyone,
  'ballots.run': ['secretary'],
  'outbox.read': staff,
  'outbox.resend': ['secretary'],
  'audit.read': ['admin', 'secretary', 'chairman', 'deputy'],
  'groups.read': everyone,
  'groups.write': ['secretary'],
  'extensions.decide': ['secretary'],
  'programs.read': everyone,
  'programs.write': ['secretary'],
  'decisions.read': everyone,
  'decisions.track': ['secretary'],
  'reports.read': everyone,
  'reports.write': ['secretary'],
  'demo.fill': staff,
  'reports.send-for-approval': ['secretary'],
  'reports.submit': ['secretary'],
  'sandbox.chats': staff,
  /** Which kinds of item need the chairman's sign-off is the chairman's own call, as naming a deputy is. */
  'commission.sign-offs': ['chairman'],
  'meetings.send-for-approval': ['secretary'],
  'drafts.send-for-approval': ['secretary'],
} as const satisfies Record<Action, readonly Role[]>;

/** Whether someone with these roles may do `action`. */
export const can = (roles: readonly Role[] | undefined, action: Action): boolean =>
  (PERMISSIONS[action] as readonly Role[]).some((role) => roles?.includes(role) ?? false);
