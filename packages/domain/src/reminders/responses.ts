import type { ResponseStatus } from '../decisions';
import { isResponseSettled } from '../decisions';
import type { MemberStateCode } from '../states';
import { addDays, localDate, workStartOn } from './hours';
import type { ReminderPlan, ReminderRecipient } from './rules';

const DAY_MS = 86_400_000;

/**
 * The cadence of reminders about a government's response. Two weeks after adoption is when a
 * delegation can fairly be asked whether the text reached its government, and every two weeks
 * after while nothing is known. Once the government is considering it, its interagency procedure
 * takes months: a monthly reminder, counted from that news, keeps it in view without nagging.
 */
export const RESPONSE_CADENCE = {
  firstAfterDays: 14,
  everyDays: 14,
  underConsiderationEveryDays: 30,
} as const;

export interface RemindableResponse {
  decisionId: number;
  stateCode: MemberStateCode;
  adoptedAt: string;
  /** The state's latest recorded status, null while nothing is recorded. */
  status: ResponseStatus | null;
  /** The latest status's date, "yyyy-MM-dd". */
  statusDate: string | null;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The first day of the cycle `first + k·every` that is today or later. */
const nextCycleDay = (first: string, every: number, today: string): string => {
  const late = daysBetween(first, today);
  return late <= 0 ? first : addDays(first, Math.ceil(late / every) * every);
};

/**
 * A state's outstanding response: one reminder to each responsible person, at the start of their
 * working day on the next day of the cadence (only the next one: it is planned again each hour,
 * and after any change to the response). None once the government has accepted or implemented it.
 */
export function responseReminders(
  response: RemindableResponse,
  recipients: readonly ReminderRecipient[],
  now: string,
): ReminderPlan[] {
  if (isResponseSettled(response.status)) return [];
  return recipients.map((r) => {
    const zone = r.hours.timeZone;
    const considering = response.status === 'under-consideration' && response.statusDate !== null;
    const first = considering
      ? addDays(response.statusDate as string, RESPONSE_CADENCE.underConsiderationEveryDays)
      : addDays(localDate(response.adoptedAt, zone), RESPONSE_CADENCE.firstAfterDays);
    const every = considering ? RESPONSE_CADENCE.underConsiderationEveryDays : RESPONSE_CADENCE.everyDays;
    const day = nextCycleDay(first, every, localDate(now, zone));
    return {
      key: `decision-response:${response.decisionId}:${response.stateCode}:${day}:p${r.personId}`,
      subjectType: 'decision-response',
      subjectId: response.decisionId,
      recipientId: r.personId,
      // The state rides in the rule, so the digest line names the state it is about.
      rule: `response-outstanding:${response.stateCode}`,
      deliverAt: workStartOn(day, r.hours),
      // Still worth saying however late it comes: the digest line is rendered from the response as it is then.
      staleAt: null,
      step: 0,
    };
  });
}
