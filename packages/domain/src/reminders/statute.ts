import { DateTime } from 'luxon';
import { addDays, workStartOn } from './hours';
import type { ReminderPlan, ReminderRecipient } from './rules';

/**
 * The statute's rhythm: while fewer meetings than the minimum are held or scheduled for the
 * year, the secretary is reminded on the first of each month from July, and the chairman from
 * October — in time to schedule one.
 */
export function meetingMinimumReminders(
  year: number,
  meetingsHeldOrScheduled: number,
  minimum: number,
  secretaries: readonly ReminderRecipient[],
  chairman: ReminderRecipient | null,
): ReminderPlan[] {
  if (meetingsHeldOrScheduled >= minimum) return [];
  const plans: ReminderPlan[] = [];
  for (let month = 7; month <= 12; month++) {
    const date = `${year}-${String(month).padStart(2, '0')}-01`;
    const to = [
      ...secretaries.map((s) => ({ r: s, step: 0 })),
      ...(chairman && month >= 10 ? [{ r: chairman, step: 3 }] : []),
    ];
    for (const { r, step } of to) {
      plans.push({
        key: `commission-year:${year}:meetings-minimum:${date}:p${r.personId}`,
        subjectType: 'commission-year',
        subjectId: year,
        recipientId: r.personId,
        rule: step === 0 ? 'meetings-minimum' : 'meetings-minimum-chairman',
        deliverAt: workStartOn(date, r.hours),
        staleAt: `${year + 1}-01-01T00:00:00.000Z`,
        step,
      });
    }
  }
  return plans;
}

/** The annual report's due date: the secretary a month, a week and a day before; the chairman on the day. */
export function reportDueReminders(
  year: number,
  dueDate: string,
  submitted: boolean,
  secretaries: readonly ReminderRecipient[],
  chairman: ReminderRecipient | null,
): ReminderPlan[] {
  if (submitted) return [];
  const leads = [
    { rule: 'report-due-30d', days: 30 },
    { rule: 'report-due-7d', days: 7 },
    { rule: 'report-due-1d', days: 1 },
  ];
  const plans: ReminderPlan[] = secretaries.flatMap((s) =>
    leads.map((lead) => ({
      key: `annual-report:${year}:${lead.rule}:${dueDate}:p${s.personId}`,
      subjectType: 'annual-report',
      subjectId: year,
      recipientId: s.personId,
      rule: lead.rule,
      deliverAt: workStartOn(addDays(dueDate, -lead.days), s.hours),
      staleAt: null,
      step: 0,
    })),
  );
  if (chairman) {
    plans.push({
      key: `annual-report:${year}:report-due-day:${dueDate}:p${chairman.personId}`,
      subjectType: 'annual-report',
      subjectId: year,
      recipientId: chairman.personId,
      rule: 'report-due-day',
      deliverAt: workStartOn(dueDate, chairman.hours),
      staleAt: null,
      step: 3,
    });
  }
  return plans;
}

/**
 * The secretary's weekly digest of what is overdue, on Mondays at the start of their day: this
 * Monday's while it is still Monday (so one missed at 09:00 goes out later that day), else next Monday's.
 */
export function weeklyDigestReminders(
  secretaries: readonly ReminderRecipient[],
  now: string,
): ReminderPlan[] {
  return secretaries.map((s) => {
    const local = DateTime.fromISO(now, { zone: 'utc' }).setZone(s.hours.timeZone);
    const monday = (local.weekday === 1 ? local : local.plus({ days: 8 - local.weekday })).toFormat(
      'yyyy-MM-dd',
    );
    return {
      key: `weekly-digest:${monday}:p${s.personId}`,
      subjectType: 'weekly-digest',
      subjectId: s.personId,
      recipientId: s.personId,
      rule: 'weekly-overdue',
      deliverAt: workStartOn(monday, s.hours),
      staleAt: null,
      step: 0,
    };
  });
}
