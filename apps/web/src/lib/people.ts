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
