import {
  completeOpenTask,
  type Database,
  enqueueMessages,
  insertExtensionRequest,
  type Kysely,
  listPeopleWithRole,
  recordAudit,
  scheduleTask,
} from '@accord/db';
import { outboxDrafts, type Person, PRIORITY, planRemindersTask } from '@accord/domain';

type Db = Kysely<Database>;

const tellSecretaries = async (db: Db) =>
  (await listPeopleWithRole(db, 'secretary')).map((s) => ({ personId: s.id }));

/** The responsible person marks a task done from chat: recorded, audited, reminders stopped, the secretaries told. */
export async function markTaskDone(db: Db, taskId: number, person: Person, now: string): Promise<boolean> {
  const secretaries = await tellSecretaries(db);
  return db.transaction().execute(async (trx) => {
    if (!(await completeOpenTask(trx, taskId, now))) return false;
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'task.done',
      recordType: 'task',
      recordId: taskId,
      before: { status: 'open' },
      after: { status: 'done' },
    });
    await scheduleTask(trx, planRemindersTask('task', taskId, now));
    await enqueueMessages(
      trx,
      outboxDrafts({ kind: 'task-done', taskId }, secretaries, now, PRIORITY.notice),
      { type: 'task', id: taskId },
      now,
    );
    return true;
  });
}

/** A request for more time, with its reason: recorded, audited, and sent to the secretaries to decide. */
export async function requestExtension(
  db: Db,
  input: { taskId: number; currentDueDate: string; requestedDueDate: string; reason: string },
  person: Person,
  now: string,
): Promise<number> {
  const secretaries = await tellSecretaries(db);
  return db.transaction().execute(async (trx) => {
    const requestId = await insertExtensionRequest(trx, { ...input, requestedBy: person.id }, now);
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'extension.request',
      recordType: 'task',
      recordId: input.taskId,
      after: { requestId, ...input },
    });
    await enqueueMessages(
      trx,
      outboxDrafts({ kind: 'extension-requested', requestId }, secretaries, now, PRIORITY.notice),
      { type: 'task', id: input.taskId },
      now,
    );
    return requestId;
  });
}
