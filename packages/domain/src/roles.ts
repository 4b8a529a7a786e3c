/** What a person may be in the commission; a person may hold several. */
export const ROLES = ['admin', 'secretary', 'chairman', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Every action an adapter (an API route, a bot button) guards. */
export const ACTIONS = [
  'meetings.read',
  'meetings.write',
  'meetings.rsvp',
  'people.read',
  'people.invite',
  'states.read',
  'outbox.read',
  'outbox.resend',
  'audit.read',
] as const;
export type Action = (typeof ACTIONS)[number];

const everyone: readonly Role[] = ROLES;
const staff: readonly Role[] = ['admin', 'secretary'];

/** The role × action matrix: who may do what. Adapters ask `can`, never test roles themselves. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
  'meetings.read': everyone,
  'meetings.write': ['secretary'],
  'meetings.rsvp': ['member', 'chairman', 'secretary'],
  'people.read': everyone,
  'people.invite': staff,
  'states.read': everyone,
  'outbox.read': staff,
  'outbox.resend': ['secretary'],
  'audit.read': ['admin', 'secretary', 'chairman'],
};

export const can = (roles: readonly Role[], action: Action): boolean =>
  PERMISSIONS[action].some((role) => roles.includes(role));

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
