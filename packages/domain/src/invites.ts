import { err, ok, type Result } from './result';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export interface Invite {
  personId: number;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export type InviteError =
  | 'InviteUnknown'
  | 'InviteUsed'
  | 'InviteExpired'
  | 'InviteRevoked'
  | 'AlreadyLinked';

/** Whether an invite can link a Telegram account now. An unknown token is decided by the caller. */
export const decideInviteUse = (
  invite: Invite,
  now: string,
  personAlreadyLinkedTo: number | null,
  telegramUserId: number,
): Result<{ personId: number }, InviteError> => {
  if (invite.revokedAt !== null) return err('InviteRevoked');
  if (invite.usedAt !== null) return err('InviteUsed');
  if (Date.parse(invite.expiresAt) <= Date.parse(now)) return err('InviteExpired');
  if (personAlreadyLinkedTo !== null && personAlreadyLinkedTo !== telegramUserId) return err('AlreadyLinked');
  return ok({ personId: invite.personId });
};

/** Deep-link payloads are at most 64 characters of [A-Za-z0-9_-]. */
export const isWellFormedInviteToken = (token: string): boolean => /^[A-Za-z0-9_-]{16,64}$/.test(token);
