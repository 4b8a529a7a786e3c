import type { ActivityRecord } from '@accord/db';
import { createEvents, type DateArray, type EventAttributes } from 'ics';

const day = (date: string): DateArray => {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return [y, m, d];
};
const nextDay = (date: string): DateArray => {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000);
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
};

/**
 * A person's program milestones and activity deadlines as one iCalendar feed, made by the `ics`
 * library. Each is an all-day event with a stable UID, so a subscribed calendar updates in place
 * when a date moves.
 */
export function activitiesCalendar(activities: readonly ActivityRecord[], productId: string): string {
  const events: EventAttributes[] = activities.flatMap((a) => [
    {
      uid: `activity-${a.id}-end@accord`,
      title: `⏳ ${a.title}`,
      description: `${a.progress} %`,
      start: day(a.end),
      end: nextDay(a.end),
      productId,
    },
    ...a.milestones.map(
      (m): EventAttributes => ({
        uid: `milestone-${m.id}@accord`,
        title: `◆ ${m.title} — ${a.title}`,
        start: day(m.date),
        end: nextDay(m.date),
        productId,
        ...(m.reachedAt ? { status: 'CONFIRMED' as const } : {}),
      }),
    ),
  ]);
  if (events.length === 0) return createEvents([], { productId }).value ?? '';
  const { error, value } = createEvents(events);
  if (error || !value) throw new Error(`calendar feed: ${String(error)}`);
  return value;
}
