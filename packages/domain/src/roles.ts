/** What a person may be in the commission; a person may hold several. */
export const ROLES = ['admin', 'secretary', 'chairman', 'deputy', 'member', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an admin assigns; `deputy` is not assigned but follows from the chairman naming one. */
export const ASSIGNABLE_ROLES = [
  'admin',
  'secretary',
  'chairman',
  'member',
  'observer',
] as const satisfies readonly Role[];

/** Every action an adapter (an API route, a bot button) guards. */
export const ACTIONS = [
  'session.read',
  'meetings.read',
  'meetings.write',
  'meetings.rsvp',
  'people.read',
  'people.invite',
  'people.write',
  'states.read',
  'commission.read',
  'commission.deputy',
  'outbox.read',
  'outbox.resend',
  'audit.read',
  'commission.settings',
  'drafts.read',
  'drafts.write',
  'ballots.read',
  'ballots.run',
  'groups.read',
  'groups.write',
  'extensions.decide',
  'programs.read',
  'programs.write',
  'decisions.read',
  'decisions.track',
  'reports.read',
  'reports.write',
  'demo.fill',
  'reports.send-for-approval',
  'reports.submit',
  'sandbox.chats',
  'commission.sign-offs',
  'meetings.send-for-approval',
  'drafts.send-for-approval',
] as const;
export type Action = (typeof ACTIONS)[number];

const everyone: readonly Role[] = ROLES;
const staff: readonly Role[] = ['admin', 'secretary'];

/** The role × action matrix: who may do what. Adapters ask `can`, never test roles themselves. */
export const PERMISSIONS: Readonly<Record<Action, readonly Role[]>> = {
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
  'outbox.read': staff,
  'outbox.resend': ['secretary'],
  'audit.read': ['admin', 'secretary', 'chairman', 'deputy'],
  'commission.settings': ['admin'],
  'drafts.read': everyone,
  'drafts.write': ['secretary'],
  'ballots.read': everyone,
  'ballots.run': ['secretary'],
  'groups.read': everyone,
  'groups.write': ['secretary'],
  'extensions.decide': ['secretary'],
  'programs.read': everyone,
  'programs.write': ['secretary'],
  'decisions.read': everyone,
  'decisions.track': ['secretary'],
  'reports.read': everyone,
  'reports.write': ['secretary'],
  // Sandbox mode only: fills an empty commission with a plausible year to try Accord on.
  'demo.fill': staff,
  'reports.send-for-approval': ['secretary'],
  'reports.submit': ['secretary'],
  /** The dashboard's Chats page: act as a member in the sandbox, or preview outgoing messages. */
  'sandbox.chats': staff,
  /** Which kinds of item need the chairman's sign-off is the chairman's own call, as naming a deputy is. */
  'commission.sign-offs': ['chairman'],
  'meetings.send-for-approval': ['secretary'],
  'drafts.send-for-approval': ['secretary'],
};

export const can = (roles: readonly Role[], action: Action): boolean =>
  PERMISSIONS[action].some((role) => roles.includes(role));

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** A person's roles in force: their own, plus `deputy` while the chairman names them. */
export const effectiveRoles = (
  personId: number,
  roles: readonly Role[],
  deputyPersonId: number | null,
): Role[] => (deputyPersonId === personId && !roles.includes('deputy') ? [...roles, 'deputy'] : [...roles]);
