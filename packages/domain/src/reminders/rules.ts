import { addMilliseconds } from '../time';
import {
  addDays,
  type DeliveryHours,
  endOfLocalDate,
  localDate,
  outsideQuietHours,
  workStartOn,
} from './hours';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Reminders a person may turn off; ballots, approvals and escalations always arrive. */
export const OPTIONAL_REMINDER_KINDS = ['meeting', 'deadline'] as const;
export type OptionalReminderKind = (typeof OPTIONAL_REMINDER_KINDS)[number];

export interface ReminderRecipient {
  personId: number;
  hours: DeliveryHours;
  optedOut: readonly OptionalReminderKind[];
}

/** One reminder to be sent: what, whom, when, why. Its key makes it once-only. */
export interface ReminderPlan {
  key: string;
  subjectType: string;
  subjectId: number;
  recipientId: number;
  rule: string;
  deliverAt: string;
  /** After this the reminder is stale: it is folded into the next digest instead of sent on its own. */
  staleAt: string | null;
  /** 0 for the person responsible; 1, 2, 3… for each step up the escalation ladder. */
  step: number;
}

/** Meetings: a week, a day and an hour before the start, to everyone invited who has not declined. */
export const MEETING_LEADS = [
  { rule: 'meeting-7d', leadMs: 7 * DAY_MS, day: true },
  { rule: 'meeting-1d', leadMs: DAY_MS, day: true },
  { rule: 'meeting-1h', leadMs: HOUR_MS, day: false },
] as const;

export interface RemindableMeeting {
  id: number;
  startsAt: string;
  status: 'draft' | 'notified' | 'cancelled';
  /** When members were told; a reminder whose moment came before that would say nothing new. */
  notifiedAt: string | null;
}

export function meetingReminders(
  meeting: RemindableMeeting,
  recipients: readonly ReminderRecipient[],
  now: string,
): ReminderPlan[] {
  if (meeting.status !== 'notified' || Date.parse(meeting.startsAt) <= Date.parse(now)) return [];
  // Recipients share a handful of zones and hours: each instant is worked out once per distinct
  // hours, not once per person (a 1,000-member meeting took a quarter of a second of time-zone maths).
  const instants = new Map<string, string>();
  return recipients
    .filter((r) => !r.optedOut.includes('meeting'))
    .flatMap((r) =>
      MEETING_LEADS.map((lead) => {
        const memo = `${lead.rule} ${JSON.stringify(r.hours)}`;
        let deliverAt = instants.get(memo);
        if (deliverAt === undefined) {
          const target = addMilliseconds(meeting.startsAt, -lead.leadMs);
          // A day's notice comes at the start of that day's working hours; the last one at its hour, unless that is quiet.
          deliverAt = lead.day
            ? workStartOn(localDate(target, r.hours.timeZone), r.hours)
            : outsideQuietHours(target, r.hours);
          instants.set(memo, deliverAt);
        }
        return {
          key: `meeting:${meeting.id}:${lead.rule}:p${r.personId}`,
          subjectType: 'meeting',
          subjectId: meeting.id,
          recipientId: r.personId,
          rule: lead.rule,
          deliverAt,
          staleAt: meeting.startsAt,
          step: 0,
        };
      }),
    )
    .filter(
      (plan) =>
        Date.parse(plan.deliverAt) < Date.parse(meeting.startsAt) &&
        (meeting.notifiedAt === null || Date.parse(plan.deliverAt) > Date.parse(meeting.notifiedAt)),
    );
}

/** Deadlines: fourteen days and three days before, and on the day, at the start of the responsible person's day. */
export const DEADLINE_LEADS = [
  { rule: 'deadline-14d', days: 14 },
  { rule: 'deadline-3d', days: 3 },
  { rule: 'deadline-day', days: 0 },
] as const;

/** One step of the escalation ladder: whom an overdue item goes to, and how many days after the deadline. */
export interface LadderStep {
  to: 'head' | 'secretary' | 'chairman';
  afterDays: number;
  /** Only for what the statute requires (the annual report, the minimum of meetings). */
  statuteOnly?: boolean;
}

/** The ladder a commission starts with; its admin can change steps and delays. */
export const DEFAULT_LADDER: readonly LadderStep[] = [
  { to: 'head', afterDays: 2 },
  { to: 'secretary', afterDays: 5 },
  { to: 'chairman', afterDays: 10, statuteOnly: true },
];

export interface RemindableDeadline {
  subjectType: string;
  id: number;
  /** When the item was set; leads whose moment came before it are not planned. */
  createdAt: string;
  /** The last day, "yyyy-MM-dd", in the responsible person's zone. */
  dueDate: string;
  done: boolean;
  statute: boolean;
}

export interface LadderRecipients {
  head: ReminderRecipient | null;
  secretaries: readonly ReminderRecipient[];
  chairman: ReminderRecipient | null;
}

/**
 * A deadline's reminders as they stand at `now`: the leads before it; once it has passed, one
 * overdue reminder a day (only the next one — it is planned again after it is sent), and each
 * rung of the escalation ladder once its delay has run. A finished item has none.
 */
export function deadlineReminders(
  item: RemindableDeadline,
  responsible: ReminderRecipient,
  ladder: LadderRecipients,
  now: string,
  steps: readonly LadderStep[] = DEFAULT_LADDER,
): ReminderPlan[] {
  if (item.done) return [];
  const zone = responsible.hours.timeZone;
  const base = { subjectType: item.subjectType, subjectId: item.id };
  const plans: ReminderPlan[] = [];
  if (!responsible.optedOut.includes('deadline')) {
    for (const lead of DEADLINE_LEADS) {
      const date = addDays(item.dueDate, -lead.days);
      const deliverAt = workStartOn(date, responsible.hours);
      if (lead.days > 0 && Date.parse(deliverAt) <= Date.parse(item.createdAt)) continue;
      plans.push({
        ...base,
        key: `${item.subjectType}:${item.id}:${lead.rule}:${item.dueDate}:p${responsible.personId}`,
        recipientId: responsible.personId,
        rule: lead.rule,
        deliverAt,
        staleAt: endOfLocalDate(item.dueDate, zone),
        step: 0,
      });
    }
  }
  const today = localDate(now, zone);
  const firstOverdueDay = addDays(item.dueDate, 1);
  // The later of two "yyyy-MM-dd" dates: they compare as strings, not numbers.
  // biome-ignore lint/complexity/useMathMinMax: Math.max would turn the dates into NaN.
  const overdueDay = today > firstOverdueDay ? today : firstOverdueDay;
  plans.push({
    ...base,
    key: `${item.subjectType}:${item.id}:overdue:${overdueDay}:p${responsible.personId}`,
    recipientId: responsible.personId,
    rule: 'overdue',
    deliverAt: workStartOn(overdueDay, responsible.hours),
    staleAt: endOfLocalDate(overdueDay, zone),
    step: 0,
  });
  steps.forEach((step, index) => {
    if (step.statuteOnly && !item.statute) return;
    const targets =
      step.to === 'head' ? [ladder.head] : step.to === 'secretary' ? ladder.secretaries : [ladder.chairman];
    for (const target of targets) {
      if (!target || target.personId === responsible.personId) continue;
      plans.push({
        ...base,
        key: `${item.subjectType}:${item.id}:escalation-${index + 1}:${item.dueDate}:p${target.personId}`,
        recipientId: target.personId,
        rule: `escalation-${index + 1}`,
        deliverAt: workStartOn(addDays(item.dueDate, step.afterDays + 1), target.hours),
        staleAt: null,
        step: index + 1,
      });
    }
  });
  return plans;
}

/** The reminders that are due: delivered at or before `now`, and not sent yet. */
export const dueNow = (plans: readonly ReminderPlan[], now: string): ReminderPlan[] =>
  plans.filter((p) => Date.parse(p.deliverAt) <= Date.parse(now));

/**
 * Groups due reminders into one digest per person. A stale one (its moment has passed, e.g. a
 * week's notice found after downtime the day before the meeting) is folded: listed in the
 * digest as missed only when nothing fresher about the same subject is in it.
 */
export function intoDigests(
  due: readonly ReminderPlan[],
  now: string,
): Map<number, { fresh: ReminderPlan[]; folded: ReminderPlan[] }> {
  const digests = new Map<number, { fresh: ReminderPlan[]; folded: ReminderPlan[] }>();
  const bySubjectAndPerson = new Map<string, ReminderPlan[]>();
  for (const plan of due) {
    const key = `${plan.recipientId}|${plan.subjectType}:${plan.subjectId}|${plan.step}`;
    bySubjectAndPerson.set(key, [...(bySubjectAndPerson.get(key) ?? []), plan]);
  }
  for (const plans of bySubjectAndPerson.values()) {
    const sorted = [...plans].sort((a, b) => Date.parse(b.deliverAt) - Date.parse(a.deliverAt));
    const [latest, ...older] = sorted;
    if (!latest) continue;
    const digest = digests.get(latest.recipientId) ?? { fresh: [], folded: [] };
    const stale = latest.staleAt !== null && Date.parse(latest.staleAt) <= Date.parse(now);
    if (stale) digest.folded.push(latest);
    else digest.fresh.push(latest);
    digest.folded.push(...older);
    digests.set(latest.recipientId, digest);
  }
  return digests;
}
