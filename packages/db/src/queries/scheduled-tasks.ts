import type { Kysely } from 'kysely';
import type { Database, ScheduledTasksTable, Selectable } from '../schema';
import { claimWithLease, type LeaseClaim } from './leases';

type Db = Kysely<Database>;
export type ScheduledTask = Selectable<ScheduledTasksTable>;

/**
 * Schedules a task by key. Scheduling a key again moves it to the new time (a moved date moves
 * its work); a task that is running is left alone and keeps its lease.
 */
export async function scheduleTask(
  db: Db,
  task: { kind: string; key: string; payload?: unknown; dueAt: string; now: string },
) {
  const payload = JSON.stringify(task.payload ?? {});
  await db
    .insertInto('scheduled_tasks')
    .values({
      kind: task.kind,
      task_key: task.key,
      payload,
      due_at: task.dueAt,
      state: 'pending',
      created_at: task.now,
    })
    .onConflict((oc) =>
      oc
        .column('task_key')
        .doUpdateSet({
          due_at: task.dueAt,
          payload,
          state: 'pending',
          attempts: 0,
          last_error: null,
          done_at: null,
        })
        .where('scheduled_tasks.state', '!=', 'running'),
    )
    .execute();
}

/** Schedules a task only if its key has never been scheduled (a recurring task's first run). */
export async function ensureTask(db: Db, task: { kind: string; key: string; dueAt: string; now: string }) {
  await db
    .insertInto('scheduled_tasks')
    .values({
      kind: task.kind,
      task_key: task.key,
      payload: '{}',
      due_at: task.dueAt,
      state: 'pending',
      created_at: task.now,
    })
    .onConflict((oc) => oc.column('task_key').doNothing())
    .execute();
}

export const claimDueTasks = (db: Db, claim: LeaseClaim) =>
  claimWithLease<ScheduledTask>(
    db,
    'scheduled_tasks',
    { waiting: 'pending', leased: 'running' },
    ['due_at', 'id'],
    claim,
  );

const settle = (db: Db, id: number, owner: string) =>
  db
    .updateTable('scheduled_tasks')
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'running');

/** Finishes a claimed task; false if its lease was lost meanwhile (another scheduler has it now). */
export async function completeTask(db: Db, id: number, owner: string, now: string): Promise<boolean> {
  const result = await settle(db, id, owner)
    .set({ state: 'done', done_at: now, lease_owner: null, lease_until: null, last_error: null })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts a claimed task back to run again at `dueAt` (a recurring task's next run, or a retry). */
export async function rescheduleTask(
  db: Db,
  id: number,
  owner: string,
  input: { dueAt: string; error: string | null; resetAttempts: boolean },
) {
  await settle(db, id, owner)
    .set((eb) => ({
      state: 'pending',
      due_at: input.dueAt,
      last_error: input.error,
      lease_owner: null,
      lease_until: null,
      attempts: input.resetAttempts ? 0 : eb.ref('attempts'),
    }))
    .execute();
}

export async function failTask(db: Db, id: number, owner: string, reason: string) {
  await settle(db, id, owner)
    .set({ state: 'failed', last_error: reason, lease_owner: null, lease_until: null })
    .execute();
}
