import type { VoteChoice } from './ballots';
import { CALLBACK_DATA_MAX_BYTES } from './callback-data';
import { isWorkingTime, localDate, nextWorkingTime, outsideQuietHours, workStartOn } from './reminders/hours';
import type { ReminderPlan, ReminderRecipient } from './reminders/rules';
import { addMilliseconds } from './time';

/** A vote's remark: a short comment, or a reservation (a dissenting opinion kept with the result). */
export const REMARK_KINDS = ['comment', 'reservation'] as const;
export type RemarkKind = (typeof REMARK_KINDS)[number];

/**
 * The buttons under a ballot: `v:<ballotId>:f|a|b` votes for, against or abstains (under the
 * silence procedure f reads "no objection" and a "objection"), `c`/`x` asks for a comment or a
 * reservation, `r` refreshes the tally in place, `o` sends the ballot as a new message.
 */
export type BallotButton =
  | { kind: 'vote'; ballotId: number; choice: VoteChoice }
  | { kind: 'remark'; ballotId: number; remark: RemarkKind }
  | { kind: 'refresh'; ballotId: number }
  | { kind: 'open'; ballotId: number };

const CHOICE_CODES: Record<VoteChoice, string> = { for: 'f', against: 'a', abstain: 'b' };
const REMARK_CODES: Record<RemarkKind, string> = { comment: 'c', reservation: 'x' };

export const encodeBallotButton = (button: BallotButton): string => {
  const code =
    button.kind === 'vote'
      ? CHOICE_CODES[button.choice]
      : button.kind === 'remark'
        ? REMARK_CODES[button.remark]
        : button.kind === 'refresh'
          ? 'r'
          : 'o';
  const data = `v:${button.ballotId}:${code}`;
  if (new TextEncoder().encode(data).length > CALLBACK_DATA_MAX_BYTES)
    throw new RangeError('callback data too long');
  return data;
};

const byCode = <K extends string>(codes: Record<K, string>, code: string): K | undefined =>
  (Object.keys(codes) as K[]).find((key) => codes[key] === code);

/** Parses a ballot button's payload; anything malformed or forged is null. */
export const decodeBallotButton = (data: string | undefined): BallotButton | null => {
  const match = data === undefined ? null : /^v:([1-9]\d{0,15}):([a-z])$/.exec(data);
  if (!match?.[1] || !match[2]) return null;
  const ballotId = Number(match[1]);
  if (!Number.isSafeInteger(ballotId)) return null;
  const choice = byCode(CHOICE_CODES, match[2]);
  if (choice) return { kind: 'vote', ballotId, choice };
  const remark = byCode(REMARK_CODES, match[2]);
  if (remark) return { kind: 'remark', ballotId, remark };
  if (match[2] === 'r') return { kind: 'refresh', ballotId };
  return match[2] === 'o' ? { kind: 'open', ballotId } : null;
};

/** A remark is short: a reservation longer than this belongs in a letter, referenced in the room. */
export const REMARK_MAX_LENGTH = 1_000;
/** How long the bot waits for the remark it asked for. */
export const REMARK_PROMPT_MS = 15 * 60_000;

/**
 * The group's live tally is edited at most once in this interval: Telegram allows a group 20
 * sends and edits a minute, so 3.5 s keeps a busy vote at ≤ 18 a minute with room for notices.
 */
export const TALLY_EDIT_INTERVAL_MS = 3_500;

/** When the next tally edit may go: now, or one interval after the last one. */
export const nextTallyEditAt = (lastEditDueAt: string | null, now: string): string => {
  if (lastEditDueAt === null) return now;
  const earliest = addMilliseconds(lastEditDueAt, TALLY_EDIT_INTERVAL_MS);
  return Date.parse(earliest) > Date.parse(now) ? earliest : now;
};

/** States that have not voted hear of it this long before the close (the commission's default). */
export const BALLOT_REMINDER_LEAD_MS = 24 * 3_600_000;

export interface RemindableBallot {
  id: number;
  status: 'open' | 'closed';
  opensAt: string;
  closesAt: string;
}

/**
 * A reasonable local moment near `target`, before `closesAt`: the target itself in working
 * hours; in the evening, the start of that working day (earlier, so more time to vote); before
 * work, the start of that day's work if it still comes before the close; never in quiet hours.
 */
const reasonableMoment = (target: string, closesAt: string, r: ReminderRecipient): string => {
  if (isWorkingTime(target, r.hours)) return target;
  const dayStart = workStartOn(localDate(target, r.hours.timeZone), r.hours);
  if (Date.parse(dayStart) < Date.parse(target)) return dayStart;
  const next = nextWorkingTime(target, r.hours);
  return Date.parse(next) < Date.parse(closesAt) ? next : outsideQuietHours(target, r.hours);
};

/**
 * A ballot's reminders: each accredited representative of a state that has not voted, a set
 * time before the close at a reasonable local hour; and each secretary, at the same time, a
 * summary of who has not voted. A state that votes hears no more: its line is dropped when the
 * digest is written, and the hourly re-planning removes its reminders.
 */
export function ballotReminders(
  ballot: RemindableBallot,
  unvoted: readonly ReminderRecipient[],
  secretaries: readonly ReminderRecipient[],
  leadMs: number = BALLOT_REMINDER_LEAD_MS,
): ReminderPlan[] {
  if (ballot.status !== 'open' || unvoted.length === 0) return [];
  const target = addMilliseconds(ballot.closesAt, -leadMs);
  const plan = (r: ReminderRecipient, rule: string, step: number): ReminderPlan => ({
    key: `ballot:${ballot.id}:${rule}:${ballot.closesAt}:p${r.personId}`,
    subjectType: 'ballot',
    subjectId: ballot.id,
    recipientId: r.personId,
    rule,
    deliverAt: reasonableMoment(target, ballot.closesAt, r),
    staleAt: ballot.closesAt,
    step,
  });
  return [
    ...unvoted.map((r) => plan(r, 'ballot-not-voted', 0)),
    ...secretaries.map((r) => plan(r, 'ballot-summary', 1)),
  ].filter(
    (p) =>
      Date.parse(p.deliverAt) > Date.parse(ballot.opensAt) &&
      Date.parse(p.deliverAt) < Date.parse(ballot.closesAt),
  );
}

/**
 * A draft's text goes inside the ballot message up to this length (the rest of the message —
 * title, summary, tally, choice — stays well under Telegram's 4,096); a longer text goes as a
 * document beside it, so Telegram never refuses the ballot.
 */
export const BALLOT_TEXT_INLINE_MAX = 2_500;

export const ballotTextInline = (text: string): boolean => text.length <= BALLOT_TEXT_INLINE_MAX;
