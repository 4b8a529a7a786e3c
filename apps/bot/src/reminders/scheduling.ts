import type { Sweep, TaskHandler } from '../scheduler/scheduler';
import { planAllReminders, planReminders } from './planner';
import { sendDueReminders } from './sender';

/** Sends every due reminder in batches, so a tick after downtime catches up at once. */
export const sendAllDueReminders: Sweep = async ({ db, owner, now }) => {
  let total = 0;
  for (
    let sent = await sendDueReminders(db, owner, now);
    sent > 0;
    sent = await sendDueReminders(db, owner, now)
  )
    total += sent;
  return total;
};

/** The scheduler's reminder work: plan one item's reminders after it changed, or every open item's each hour. */
export const reminderHandlers: Record<string, TaskHandler> = {
  'plan-reminders': async (task, { db, now }) => {
    const { subjectType, subjectId } = JSON.parse(task.payload) as { subjectType: string; subjectId: number };
    await planReminders(db, subjectType, subjectId, now);
  },
  'plan-all-reminders': async (_task, { db, now }) => {
    await planAllReminders(db, now);
  },
};
