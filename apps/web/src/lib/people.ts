/** People in groups, one per state in the given order, then one (`code: null`) for those who represent no state. */
export const groupByState = <P extends { stateCode: string | null; name: string }>(
  people: readonly P[],
  stateCodes: readonly string[],
  locale: string,
): Array<{ code: string | null; people: P[] }> => {
  const byName = (a: P, b: P) => a.name.localeCompare(b.name, locale);
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
