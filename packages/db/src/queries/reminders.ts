import type { OptionalReminderKind, ReminderPlan } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database, RemindersTable, Selectable } from '../schema';
import { claimWithLease, type LeaseClaim } from './leases';

type Db = Kysely<Database>;
export type ReminderRow = Selectable<RemindersTable>;

/**
 * Makes a subject's pending reminders exactly `plans`: new ones are added, moved ones get their
 * new time, ones no longer planned (a moved date, a finished item) go. Sent ones stay as history.
 */
export async function syncReminders(
  db: Db,
  subject: { type: string; id: number },
  plans: readonly ReminderPlan[],
  now: string,
): Promise<void> {
  const keys = plans.map((p) => p.key);
  let stale = db
    .deleteFrom('reminders')
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('state', '=', 'pending');
  if (keys.length > 0) stale = stale.where('reminder_key', 'not in', keys);
  await stale.execute();
  for (let i = 0; i < plans.length; i += 500) {
    const batch = plans.slice(i, i + 500);
    await db
      .insertInto('reminders')
      .values(
        batch.map((p) => ({
          reminder_key: p.key,
          subject_type: p.subjectType,
          subject_id: p.subjectId,
          recipient_person_id: p.recipientId,
          rule: p.rule,
          step: p.step,
          due_at: p.deliverAt,
          stale_at: p.staleAt,
          state: 'pending',
          created_at: now,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('reminder_key')
          .doUpdateSet((eb) => ({ due_at: eb.ref('excluded.due_at'), stale_at: eb.ref('excluded.stale_at') }))
          .where('reminders.state', '=', 'pending'),
      )
      .execute();
  }
}

/** Claims due reminders with a lease: the scheduler's share of the one claim mechanism. */
export const claimDueReminders = (db: Db, claim: LeaseClaim) =>
  claimWithLease<ReminderRow>(
    db,
    'reminders',
    { waiting: 'pending', leased: 'claimed' },
    ['due_at', 'id'],
    claim,
  );

/** Settles claimed reminders as sent or folded; only the lease holder can. */
export async function settleReminders(
  db: Db,
  ids: readonly number[],
  owner: string,
  state: 'sent' | 'folded',
  now: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('reminders')
    .set({ state, sent_at: now, lease_owner: null, lease_until: null })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'claimed')
    .execute();
}

export async function findRemindersByIds(db: Db, ids: readonly number[]): Promise<ReminderRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('reminders').selectAll().where('id', 'in', ids).orderBy('due_at').execute();
}

export interface DeliveryPreferences {
  timeZone: string;
  workStart: string;
  workEnd: string;
  quietStart: string;
  quietEnd: string;
  optedOut: OptionalReminderKind[];
}

/** Each person's delivery hours and opted-out reminder kinds. */
export async function findDeliveryPreferences(
  db: Db,
  personIds: readonly number[],
): Promise<Map<number, DeliveryPreferences>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .select(['id', 'time_zone', 'work_start', 'work_end', 'quiet_start', 'quiet_end', 'reminder_opt_out'])
    .where('id', 'in', personIds)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        timeZone: r.time_zone,
        workStart: r.work_start,
        workEnd: r.work_end,
        quietStart: r.quiet_start,
        quietEnd: r.quiet_end,
        optedOut: JSON.parse(r.reminder_opt_out) as OptionalReminderKind[],
      },
    ]),
  );
}

export async function updateDeliveryPreferences(
  db: Db,
  personId: number,
  prefs: Partial<DeliveryPreferences>,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({
      ...(prefs.timeZone !== undefined ? { time_zone: prefs.timeZone } : {}),
      ...(prefs.workStart !== undefined ? { work_start: prefs.workStart } : {}),
      ...(prefs.workEnd !== undefined ? { work_end: prefs.workEnd } : {}),
      ...(prefs.quietStart !== undefined ? { quiet_start: prefs.quietStart } : {}),
      ...(prefs.quietEnd !== undefined ? { quiet_end: prefs.quietEnd } : {}),
      ...(prefs.optedOut !== undefined ? { reminder_opt_out: JSON.stringify(prefs.optedOut) } : {}),
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
}
