import { DateTime } from 'luxon';
import { workStartOn } from './hours';
import type { LadderStep, ReminderPlan, ReminderRecipient } from './rules';

/** Unanswered notices climb: the heads of delegation three days before, the secretary two, the chairman one (statute meetings). */
export const UNANSWERED_LADDER: readonly (LadderStep & { daysBefore: number })[] = [
  { to: 'head', afterDays: 0, daysBefore: 3 },
  { to: 'secretary', afterDays: 0, daysBefore: 2 },
  { to: 'chairman', afterDays: 0, daysBefore: 1, statuteOnly: true },
];

export interface UnansweredMeeting {
  id: number;
  startsAt: string;
  notifiedAt: string | null;
  /** Regular and extraordinary meetings are the statute's; the chairman hears of those. */
  statute: boolean;
}

/**
 * While invitees have not answered a notice, it climbs the ladder: each head of delegation
 * hears of their own delegation's silence, then the secretary and (for the statute's meetings)
 * the chairman of everyone's. Planned again on every answer, so it stops once all have answered.
 */
export function unansweredReminders(
  meeting: UnansweredMeeting,
  unanswered: ReadonlyArray<{ personId: number; headId: number | null }>,
  ladder: {
    heads: ReadonlyMap<number, ReminderRecipient>;
    secretaries: readonly ReminderRecipient[];
    chairman: ReminderRecipient | null;
  },
): ReminderPlan[] {
  if (unanswered.length === 0) return [];
  const plans: ReminderPlan[] = [];
  UNANSWERED_LADDER.forEach((step, index) => {
    if (step.statuteOnly && !meeting.statute) return;
    const targets =
      step.to === 'head'
        ? [
            ...new Set(
              unanswered
                .map((u) => u.headId)
                .filter((id): id is number => id !== null && !unanswered.every((u) => u.personId === id)),
            ),
          ]
            .map((id) => ladder.heads.get(id))
            .filter((r): r is ReminderRecipient => r !== undefined)
        : step.to === 'secretary'
          ? ladder.secretaries
          : ladder.chairman
            ? [ladder.chairman]
            : [];
    for (const target of targets) {
      const day = DateTime.fromISO(meeting.startsAt, { zone: 'utc' })
        .setZone(target.hours.timeZone)
        .minus({ days: step.daysBefore })
        .toFormat('yyyy-MM-dd');
      const deliverAt = workStartOn(day, target.hours);
      if (meeting.notifiedAt !== null && Date.parse(deliverAt) <= Date.parse(meeting.notifiedAt)) continue;
      plans.push({
        key: `meeting:${meeting.id}:unanswered-${index + 1}:p${target.personId}`,
        subjectType: 'meeting',
        subjectId: meeting.id,
        recipientId: target.personId,
        rule: `unanswered-${index + 1}`,
        deliverAt,
        staleAt: meeting.startsAt,
        step: index + 1,
      });
    }
  });
  return plans;
}
