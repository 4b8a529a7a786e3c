import { addDays, localDate, workStartOn } from './reminders/hours';
import type { ReminderPlan, ReminderRecipient } from './reminders/rules';
import { err, ok, type Result } from './result';
import type { Role } from './roles';

/**
 * The chairman's sign-off, one mechanism for everything that needs it: the annual report always;
 * a meeting's agenda before its notices go out and a draft before its ballot only where the
 * commission's settings switch it on (off by default, so meetings and ballots work as before).
 */
export const SIGN_OFF_KINDS = ['report', 'agenda', 'draft'] as const;
export type SignOffKind = (typeof SIGN_OFF_KINDS)[number];

/** Which optional kinds need the chairman's sign-off; kept in the commission's settings. */
export interface SignOffSettings {
  agenda: boolean;
  draft: boolean;
}

export const DEFAULT_SIGN_OFF_SETTINGS: SignOffSettings = { agenda: false, draft: false };

export const signOffRequired = (kind: SignOffKind, settings: SignOffSettings): boolean =>
  kind === 'report' || settings[kind];

/**
 * `requested` waits for the chairman; `approved` and `changes-requested` are answers;
 * `superseded` is a request or an approval whose item has changed since (a changed item needs a
 * new approval).
 */
export type SignOffState = 'requested' | 'approved' | 'changes-requested' | 'superseded';

/** An approval is bound to the exact version: its number and the hash of its content. */
export interface SignOff {
  id: number;
  kind: SignOffKind;
  itemId: number;
  version: number;
  contentHash: string;
  state: SignOffState;
  requestedAt: string;
}

/** In what capacity someone signs: the chairman, or the deputy the chairman named (recorded as such). */
export type SignerCapacity = 'chairman' | 'deputy';

/** Roles as `effectiveRoles` gives them: the named deputy carries `deputy`. */
export const signerCapacity = (roles: readonly Role[]): SignerCapacity | null =>
  roles.includes('chairman') ? 'chairman' : roles.includes('deputy') ? 'deputy' : null;

export type SignOffError = 'NotChairman' | 'NotAwaiting' | 'Stale' | 'CommentRequired';

export type SignOffAnswer = { kind: 'approve' } | { kind: 'request-changes'; comment: string };

export const SIGN_OFF_COMMENT_MAX = 2_000;

/**
 * The chairman's answer to a request, decided against the item as it is now: only the chairman
 * or the named deputy may answer, only a request still waiting, and only for the version asked
 * about — if the item changed since, the request is stale and a new one must be sent.
 */
export function decideSignOff(
  signOff: Pick<SignOff, 'state' | 'contentHash'>,
  answer: SignOffAnswer,
  signer: { roles: readonly Role[] },
  currentHash: string,
): Result<
  { state: 'approved' | 'changes-requested'; capacity: SignerCapacity; comment: string | null },
  SignOffError
> {
  const capacity = signerCapacity(signer.roles);
  if (capacity === null) return err('NotChairman');
  if (signOff.state !== 'requested') return err('NotAwaiting');
  if (signOff.contentHash !== currentHash) return err('Stale');
  if (answer.kind === 'approve') return ok({ state: 'approved', capacity, comment: null });
  const comment = answer.comment.trim();
  if (comment.length === 0 || comment.length > SIGN_OFF_COMMENT_MAX) return err('CommentRequired');
  return ok({ state: 'changes-requested', capacity, comment });
}

/** Where an item stands with the chairman, from its sign-offs (any order) and its content now. */
export type SignOffStanding =
  | { kind: 'none' }
  | { kind: 'awaiting'; signOff: SignOff }
  | { kind: 'approved'; signOff: SignOff }
  | { kind: 'changes-requested'; signOff: SignOff }
  /** Approved or asked about once, but the item has changed since: a new request is needed. */
  | { kind: 'stale'; signOff: SignOff };

export function signOffStanding(signOffs: readonly SignOff[], currentHash: string): SignOffStanding {
  const latest = signOffs.reduce<SignOff | null>(
    (last, s) => (last === null || s.id > last.id ? s : last),
    null,
  );
  if (latest === null) return { kind: 'none' };
  if (latest.contentHash !== currentHash || latest.state === 'superseded')
    return { kind: 'stale', signOff: latest };
  if (latest.state === 'requested') return { kind: 'awaiting', signOff: latest };
  if (latest.state === 'approved') return { kind: 'approved', signOff: latest };
  return { kind: 'changes-requested', signOff: latest };
}

/**
 * Sending for sign-off: the version must differ from one already approved or awaiting (asking
 * twice for the same content is refused); earlier requests and approvals of other content become
 * superseded — their ids are returned so the caller marks them.
 */
export function decideSignOffRequest(
  signOffs: readonly SignOff[],
  currentHash: string,
): Result<{ supersedes: number[] }, 'AlreadyAwaiting' | 'AlreadyApproved'> {
  const standing = signOffStanding(signOffs, currentHash);
  if (standing.kind === 'awaiting') return err('AlreadyAwaiting');
  if (standing.kind === 'approved') return err('AlreadyApproved');
  const supersedes = signOffs
    .filter((s) => (s.state === 'requested' || s.state === 'approved') && s.contentHash !== currentHash)
    .map((s) => s.id);
  return ok({ supersedes });
}

/** Days after the request when the signer is reminded; then the secretaries hear it is still waiting. */
export const SIGN_OFF_REMINDER_DAYS = [2, 4] as const;
export const SIGN_OFF_ESCALATION_DAYS = 6;

/**
 * An unanswered request's reminders: the chairman (or deputy) at the start of their working day
 * two and four days after it was sent, then the secretaries on the sixth. Planned again when the
 * request is answered or superseded — then there are none.
 */
export function signOffReminders(
  signOff: Pick<SignOff, 'id' | 'kind' | 'state' | 'requestedAt'>,
  signer: ReminderRecipient | null,
  secretaries: readonly ReminderRecipient[],
): ReminderPlan[] {
  if (signOff.state !== 'requested') return [];
  const at = (recipient: ReminderRecipient, days: number) =>
    workStartOn(addDays(localDate(signOff.requestedAt, recipient.hours.timeZone), days), recipient.hours);
  const plan = (recipient: ReminderRecipient, rule: string, days: number, step: number): ReminderPlan => ({
    key: `sign-off:${signOff.id}:${rule}:p${recipient.personId}`,
    subjectType: 'sign-off',
    subjectId: signOff.id,
    recipientId: recipient.personId,
    rule,
    deliverAt: at(recipient, days),
    staleAt: null,
    step,
  });
  return [
    ...(signer === null
      ? []
      : SIGN_OFF_REMINDER_DAYS.map((days, i) => plan(signer, `sign-off-${i + 1}`, days, 0))),
    ...secretaries.map((s) => plan(s, 'sign-off-escalation', SIGN_OFF_ESCALATION_DAYS, 1)),
  ];
}

export type SignOffGateError = 'SignOffRequired' | 'SignOffStale';

/**
 * Whether an item may go on (an agenda's notices sent, a draft put to the vote): always where its
 * kind needs no sign-off; else only when its content now is the content the chairman approved.
 * `SignOffStale` when the item changed since the chairman last saw it, `SignOffRequired` otherwise.
 */
export function signOffGate(
  kind: SignOffKind,
  settings: SignOffSettings,
  signOffs: readonly SignOff[],
  currentHash: string,
): Result<null, SignOffGateError> {
  if (!signOffRequired(kind, settings)) return ok(null);
  const standing = signOffStanding(signOffs, currentHash);
  if (standing.kind === 'approved') return ok(null);
  return err(standing.kind === 'stale' ? 'SignOffStale' : 'SignOffRequired');
}

/**
 * How each sign-off reads in an item's history: a request or an approval of content the item no
 * longer has is shown as superseded, even before a new request marks it so.
 */
export const signOffShownAs = (
  signOff: Pick<SignOff, 'state' | 'contentHash'>,
  currentHash: string,
): SignOffState =>
  (signOff.state === 'approved' || signOff.state === 'requested') && signOff.contentHash !== currentHash
    ? 'superseded'
    : signOff.state;
