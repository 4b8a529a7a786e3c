import {
  claimDueReminders,
  type Database,
  enqueueMessages,
  type Kysely,
  scheduleTask,
  settleReminders,
} from '@accord/db';
import {
  addMilliseconds,
  intoDigests,
  outboxDrafts,
  PRIORITY,
  planRemindersTask,
  type ReminderPlan,
} from '@accord/domain';

const toPlan = (r: {
  id: number;
  reminder_key: string;
  subject_type: string;
  subject_id: number;
  recipient_person_id: number;
  rule: string;
  due_at: string;
  stale_at: string | null;
  step: number;
}): ReminderPlan & { id: number } => ({
  id: r.id,
  key: r.reminder_key,
  subjectType: r.subject_type,
  subjectId: r.subject_id,
  recipientId: r.recipient_person_id,
  rule: r.rule,
  deliverAt: r.due_at,
  staleAt: r.stale_at,
  step: r.step,
});

/**
 * Sends what is due: claims due reminders with a lease, groups them into one digest per person
 * (stale ones folded in), and in one transaction writes the digests to the outbox and marks the
 * reminders — so a reminder reaches the outbox exactly once, however many schedulers run.
 */
export async function sendDueReminders(
  db: Kysely<Database>,
  owner: string,
  now: string,
  batchSize = 100,
): Promise<number> {
  const claimed = (
    await claimDueReminders(db, { owner, now, leaseUntil: addMilliseconds(now, 60_000), limit: batchSize })
  ).map(toPlan);
  if (claimed.length === 0) return 0;
  const byKey = new Map(claimed.map((p) => [p.key, p]));
  const idOf = (p: ReminderPlan) => byKey.get(p.key)?.id ?? 0;
  const digests = intoDigests(claimed, now);
  await db.transaction().execute(async (trx) => {
    for (const [recipientId, digest] of digests) {
      const reminderIds = digest.fresh.map(idOf);
      const foldedIds = digest.folded.map(idOf);
      if (reminderIds.length > 0) {
        await enqueueMessages(
          trx,
          outboxDrafts(
            { kind: 'reminder-digest', reminderIds, foldedIds },
            [{ personId: recipientId }],
            now,
            PRIORITY.bulk,
          ),
          null,
          now,
        );
      }
      await settleReminders(trx, reminderIds, owner, 'sent', now);
      await settleReminders(trx, foldedIds, owner, 'folded', now);
    }
    // An overdue item is reminded daily: plan its next day now that this one went out.
    for (const subject of new Set(
      claimed.filter((p) => p.rule === 'overdue').map((p) => `${p.subjectType}:${p.subjectId}`),
    )) {
      const [type = '', id = '0'] = subject.split(':');
      await scheduleTask(trx, planRemindersTask(type, Number(id), now));
    }
  });
  return claimed.length;
}
