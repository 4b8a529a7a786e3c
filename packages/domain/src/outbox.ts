/**
 * What the outbox holds: an intent to tell someone something, never the text. The dispatcher
 * renders it at send time from the records as they are then, in the reader's language.
 */
export type MessageIntent =
  | { kind: 'meeting-notice'; meetingId: number; version: number }
  | { kind: 'meeting-updated'; meetingId: number; version: number }
  | { kind: 'meeting-cancelled'; meetingId: number; version: number }
  | { kind: 'person-unreachable'; personId: number; since: string }
  | { kind: 'reminder-digest'; reminderIds: number[]; foldedIds: number[] }
  | { kind: 'task-assigned'; taskId: number; dueDate: string }
  | { kind: 'task-done'; taskId: number }
  | { kind: 'extension-requested'; requestId: number }
  | { kind: 'extension-decided'; requestId: number }
  | { kind: 'ballot-opened'; ballotId: number }
  | { kind: 'ballot-text'; ballotId: number }
  | { kind: 'ballot-tally'; ballotId: number; revision: number }
  | { kind: 'ballot-extended'; ballotId: number; closesAt: string }
  | { kind: 'ballot-nudge'; ballotId: number; at: string }
  | { kind: 'ballot-closed'; ballotId: number }
  | { kind: 'meeting-minutes'; meetingId: number }
  /** The chairman's prompt: the report's PDF, captioned with a summary and what changed since the last return, and the buttons. */
  | { kind: 'sign-off-requested'; signOffId: number }
  /** The secretaries hear the chairman's answer. */
  | { kind: 'sign-off-decided'; signOffId: number }
  | {
      kind: 'activity-reported';
      activityId: number;
      personId: number;
      progress: number | null;
      milestoneId: number | null;
      at: string;
    };

export type MessageKind = MessageIntent['kind'];

/** Whom a row is for: a person's private chat, or a group chat. */
export type Recipient = { personId: number } | { chatId: number };

export const OUTBOX_STATES = ['pending', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** Lower goes first: answers people wait for skip the bulk queue. */
export const PRIORITY = { interactive: 0, notice: 5, bulk: 9 } as const;

export interface OutboxDraft {
  recipient: Recipient;
  intent: MessageIntent;
  idempotencyKey: string;
  dueAt: string;
  priority: number;
}

const recipientKey = (r: Recipient): string => ('personId' in r ? `p${r.personId}` : `g${r.chatId}`);

/** One key per intent and recipient: enqueueing the same thing twice is a no-op. */
export const idempotencyKey = (intent: MessageIntent, recipient: Recipient): string => {
  switch (intent.kind) {
    case 'meeting-notice':
    case 'meeting-updated':
    case 'meeting-cancelled':
      return `${intent.kind}:${intent.meetingId}:v${intent.version}:${recipientKey(recipient)}`;
    case 'person-unreachable':
      return `${intent.kind}:${intent.personId}:${intent.since}:${recipientKey(recipient)}`;
    case 'task-assigned':
      return `${intent.kind}:${intent.taskId}:${intent.dueDate}:${recipientKey(recipient)}`;
    case 'task-done':
      return `${intent.kind}:${intent.taskId}:${recipientKey(recipient)}`;
    case 'extension-requested':
    case 'extension-decided':
      return `${intent.kind}:${intent.requestId}:${recipientKey(recipient)}`;
    case 'ballot-opened':
    case 'ballot-text':
    case 'ballot-closed':
      return `${intent.kind}:${intent.ballotId}:${recipientKey(recipient)}`;
    case 'ballot-tally':
      return `${intent.kind}:${intent.ballotId}:r${intent.revision}:${recipientKey(recipient)}`;
    case 'ballot-extended':
      return `${intent.kind}:${intent.ballotId}:${intent.closesAt}:${recipientKey(recipient)}`;
    case 'ballot-nudge':
      return `${intent.kind}:${intent.ballotId}:${intent.at}:${recipientKey(recipient)}`;
    case 'meeting-minutes':
      return `${intent.kind}:${intent.meetingId}:${recipientKey(recipient)}`;
    case 'sign-off-requested':
    case 'sign-off-decided':
      return `${intent.kind}:${intent.signOffId}:${recipientKey(recipient)}`;
    case 'activity-reported':
      return `${intent.kind}:${intent.activityId}:${intent.at}:${recipientKey(recipient)}`;
    case 'reminder-digest': {
      // Reminder ids are claimed once each, so the set names the digest.
      const ids = [...intent.reminderIds, ...intent.foldedIds].sort((a, b) => a - b);
      return `${intent.kind}:${ids[0]}-${ids.at(-1)}-${ids.length}:${recipientKey(recipient)}`;
    }
  }
};

export const outboxDrafts = (
  intent: MessageIntent,
  recipients: readonly Recipient[],
  now: string,
  priority: number = PRIORITY.notice,
): OutboxDraft[] =>
  recipients.map((recipient) => ({
    recipient,
    intent,
    idempotencyKey: idempotencyKey(intent, recipient),
    dueAt: now,
    priority,
  }));

/** What a send attempt came back with, as the dispatcher saw it. */
export type SendOutcome =
  | { ok: true; messageId: number }
  | { ok: false; errorCode: number; description: string; retryAfter?: number }
  | { ok: false; network: string };

export type FailureDecision =
  | { kind: 'retry-after'; delayMs: number }
  | { kind: 'backoff'; delayMs: number }
  | { kind: 'unreachable'; reason: string }
  | { kind: 'failed'; reason: string };

export const MAX_ATTEMPTS = 8;
const BASE_BACKOFF_MS = 1_000;
const MAX_BACKOFF_MS = 5 * 60_000;

/** Exponential back-off with full jitter; `random` in [0, 1) is passed in to keep this pure. */
export const backoffDelay = (attempts: number, random: number): number => {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
};

/**
 * What to do with a row whose send failed. 429 waits exactly as long as Telegram said; 5xx
 * and network faults back off until MAX_ATTEMPTS; 403 means the person blocked the bot (or
 * never started it); any other 4xx will fail again the same way, so it fails for good.
 */
export const decideOnFailure = (
  outcome: Exclude<SendOutcome, { ok: true }>,
  attempts: number,
  random: number,
): FailureDecision => {
  if ('network' in outcome) {
    return attempts >= MAX_ATTEMPTS
      ? { kind: 'failed', reason: `network: ${outcome.network}` }
      : { kind: 'backoff', delayMs: backoffDelay(attempts, random) };
  }
  const reason = `${outcome.errorCode}: ${outcome.description}`;
  if (outcome.errorCode === 429) return { kind: 'retry-after', delayMs: (outcome.retryAfter ?? 1) * 1_000 };
  if (outcome.errorCode === 403) return { kind: 'unreachable', reason };
  if (outcome.errorCode >= 500) {
    return attempts >= MAX_ATTEMPTS
      ? { kind: 'failed', reason }
      : { kind: 'backoff', delayMs: backoffDelay(attempts, random) };
  }
  return { kind: 'failed', reason };
};
