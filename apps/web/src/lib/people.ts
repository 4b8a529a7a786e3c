const REPRESENTATION_ORDER: readonly string[] = ['head', 'representative', 'alternate'];

/** Where `value` stands in `order`; anything not in it (or null) comes after. */
export const rankIn = (order: readonly string[], value: string | null): number => {
  const i = value === null ? -1 : order.indexOf(value);
  return i === -1 ? order.length : i;
};

/** The head of delegation first, then representatives, alternates and others; then by name. */
export const byRepresentationThenName =
  (locale: string) =>
  (
    a: { representation: string | null; name: string },
    b: { representation: string | null; name: string },
  ): number =>
    rankIn(REPRESENTATION_ORDER, a.representation) - rankIn(REPRESENTATION_ORDER, b.representation) ||
    a.name.localeCompare(b.name, locale);

/**
 * People in groups, one per state in the given order (the head of delegation first in each), then
 * one (`code: null`) for those who represent no state.
 */
export const groupByState = <
  P extends { stateCode: string | null; representation: string | null; name: string },
>(
  people: readonly P[],
  stateCodes: readonly string[],
  locale: string,
): Array<{ code: string | null; people: P[] }> => {
  const byName = byRepresentationThenName(locale);
  const groups: Array<{ code: string | null; people: P[] }> = stateCodes.map((code) => ({
    code,
    people: people.filter((p) => p.stateCode === code).sort(byName),
  }));
  const others = people.filter((p) => p.stateCode === null || !stateCodes.includes(p.stateCode)).sort(byName);
  if (others.length > 0) groups.push({ code: null, people: others });
  return groups;
};

export type InviteStatus =
  | { kind: 'none' }
  | { kind: 'used'; at: string }
  | { kind: 'pending'; until: string }
  | { kind: 'expired'; at: string };

/** Where a person's latest invite stands at `now`. */
export const inviteStatus = (
  invite: { createdAt: string; expiresAt: string; usedAt: string | null } | null,
  now: string,
): InviteStatus => {
  if (!invite) return { kind: 'none' };
  if (invite.usedAt) return { kind: 'used', at: invite.usedAt };
  return Date.parse(invite.expiresAt) > Date.parse(now)
    ? { kind: 'pending', until: invite.expiresAt }
    : { kind: 'expired', at: invite.expiresAt };
};

interface Candidate {
  id: number;
  name: string;
  active: boolean;
  stateCode: string | null;
}

/**
 * Who can take over from a person being deactivated: someone else, still active, who represents
 * either the same state or none (the API refuses a successor seated for another state). Those of
 * the same state come first, then by name.
 */
export const successorCandidates = <P extends Candidate>(
  leaving: Pick<Candidate, 'id' | 'stateCode'>,
  people: readonly P[],
  locale: string,
): P[] =>
  people
    .filter(
      (p) => p.active && p.id !== leaving.id && (p.stateCode === null || p.stateCode === leaving.stateCode),
    )
    .sort(
      (a, b) =>
        Number(b.stateCode !== null) - Number(a.stateCode !== null) || a.name.localeCompare(b.name, locale),
    );

/** Whom the chairman can name their deputy: anyone else who is active, by name. */
export const deputyCandidates = <P extends Candidate>(
  people: readonly P[],
  chairmanId: number,
  locale: string,
): P[] =>
  people.filter((p) => p.active && p.id !== chairmanId).sort((a, b) => a.name.localeCompare(b.name, locale));

/** A person's roles as shown: their own, plus `deputy` while the chairman names them (as the API's session does). */
export const displayRoles = <R extends string>(
  person: { id: number; roles: readonly R[] },
  deputyPersonId: number | null | undefined,
): Array<R | 'deputy'> =>
  deputyPersonId === person.id && !person.roles.includes('deputy' as R)
    ? [...person.roles, 'deputy']
    : [...person.roles];

export interface PersonFields<R extends string = string, L extends string = string> {
  name: string;
  roles: readonly R[];
  language: L;
  timeZone: string;
}

/**
 * What an edit changes, for `PATCH /api/people/:id`: only the fields that differ (the audit log
 * then records just those), the name trimmed, roles compared as a set. Empty when nothing changed.
 */
export const personPatch = <R extends string, L extends string>(
  before: PersonFields<R, L>,
  after: PersonFields<R, L>,
): Partial<{ name: string; roles: R[]; language: L; timeZone: string }> => {
  const patch: Partial<{ name: string; roles: R[]; language: L; timeZone: string }> = {};
  const name = after.name.trim();
  if (name !== before.name) patch.name = name;
  const sameRoles =
    before.roles.length === after.roles.length && before.roles.every((r) => after.roles.includes(r));
  if (!sameRoles) patch.roles = [...after.roles];
  if (after.language !== before.language) patch.language = after.language;
  if (after.timeZone !== before.timeZone) patch.timeZone = after.timeZone;
  return patch;
};
