import { backoffDelay } from './outbox';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Work the scheduler runs for itself on a fixed rhythm; other tasks are scheduled by the records they serve. */
export const RECURRING_TASKS = [
  { kind: 'prune-processed-updates', key: 'prune-processed-updates', everyMs: DAY_MS },
  // A safety net and the daily rhythm: every open item's reminders are planned again each hour.
  { kind: 'plan-all-reminders', key: 'plan-all-reminders', everyMs: 60 * 60 * 1000 },
] as const;

/** The task that plans one item's reminders again after it changed; its key makes repeated changes one run. */
export const planRemindersTask = (subjectType: string, subjectId: number, now: string) => ({
  kind: 'plan-reminders',
  key: `plan-reminders:${subjectType}:${subjectId}`,
  payload: { subjectType, subjectId },
  dueAt: now,
  now,
});

export type RecurringTaskKind = (typeof RECURRING_TASKS)[number]['kind'];

export const TASK_MAX_ATTEMPTS = 5;

/** A task that threw runs again later with back-off, until it has failed TASK_MAX_ATTEMPTS times. */
export const decideTaskFailure = (
  attempts: number,
  random: number,
): { retryInMs: number } | { fail: true } =>
  attempts >= TASK_MAX_ATTEMPTS ? { fail: true } : { retryInMs: backoffDelay(attempts, random) };

/** Update ids may restart after a week of silence, so an older processed id is no longer a duplicate. */
export const PROCESSED_UPDATES_KEEP_MS = 7 * DAY_MS;
