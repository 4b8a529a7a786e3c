import {
  type Database,
  decideExtensionRow,
  enqueueMessages,
  findExtensionRequest,
  findTask,
  findWorkingGroup,
  insertTask,
  insertWorkingGroup,
  type Kysely,
  listPeople,
  scheduleTask,
  type Transaction,
  updateTask,
  updateWorkingGroup,
} from '@accord/db';
import {
  checkResponsibleIsMember,
  decideExtension,
  err,
  type MessageIntent,
  ok,
  outboxDrafts,
  type Person,
  PRIORITY,
  planRemindersTask,
  type Recipient,
  type Result,
  type TaskError,
  type TaskInput,
  type WorkingGroupInput,
} from '@accord/domain';

import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
export type GroupServiceError = TaskError | 'NotFound' | 'UnknownPerson';

async function checkPeople(db: Db, ids: readonly number[]): Promise<boolean> {
  const active = new Set((await listPeople(db)).filter((p) => p.active).map((p) => p.id));
  return ids.every((id) => active.has(id));
}

/** The lead belongs to the group: added to its members if left out. */
const withLead = (input: WorkingGroupInput): WorkingGroupInput =>
  input.leadPersonId === null || input.memberIds.includes(input.leadPersonId)
    ? input
    : { ...input, memberIds: [...input.memberIds, input.leadPersonId] };

export async function createWorkingGroup(
  db: Db,
  input: WorkingGroupInput,
  actor: Person,
  now: string,
): Promise<Result<number, GroupServiceError>> {
  const group = withLead(input);
  if (!(await checkPeople(db, group.memberIds))) return err('UnknownPerson');
  const id = await db.transaction().execute(async (trx) => {
    const newId = await insertWorkingGroup(trx, group, now);
    await auditByPerson(trx, actor, now, {
      action: 'working-group.create',
      recordType: 'working_group',
      recordId: newId,
      ...beforeAfter(null, group),
    });
    return newId;
  });
  return ok(id);
}

export async function editWorkingGroup(
  db: Db,
  id: number,
  input: WorkingGroupInput,
  actor: Person,
  now: string,
): Promise<Result<true, GroupServiceError>> {
  const before = await findWorkingGroup(db, id);
  if (!before) return err('NotFound');
  const group = withLead(input);
  if (!(await checkPeople(db, group.memberIds))) return err('UnknownPerson');
  await db.transaction().execute(async (trx) => {
    await updateWorkingGroup(trx, id, group, now);
    await auditByPerson(trx, actor, now, {
      action: 'working-group.update',
      recordType: 'working_group',
      recordId: id,
      ...beforeAfter(before, group),
    });
  });
  return ok(true);
}

/** Tells a task's person (and the group's chat) in the same transaction as the change. */
async function notify(
  trx: Trx,
  intent: MessageIntent,
  recipients: Recipient[],
  now: string,
  subject: { type: string; id: number },
) {
  await enqueueMessages(trx, outboxDrafts(intent, recipients, now, PRIORITY.notice), subject, now);
}

export async function createTask(
  db: Db,
  groupId: number,
  input: TaskInput,
  actor: Person,
  now: string,
): Promise<Result<number, GroupServiceError>> {
  const group = await findWorkingGroup(db, groupId);
  if (!group) return err('NotFound');
  const member = checkResponsibleIsMember(input.responsiblePersonId, group.memberIds);
  if (!member.ok) return member;
  const id = await db.transaction().execute(async (trx) => {
    const taskId = await insertTask(trx, { groupId, ...input }, now);
    await auditByPerson(trx, actor, now, {
      action: 'task.create',
      recordType: 'task',
      recordId: taskId,
      ...beforeAfter(null, { groupId, ...input }),
    });
    await scheduleTask(trx, planRemindersTask('task', taskId, now));
    const chat = group.groupChatId === null ? [] : [{ chatId: group.groupChatId }];
    await notify(
      trx,
      { kind: 'task-assigned', taskId, dueDate: input.dueDate },
      [{ personId: input.responsiblePersonId }, ...chat],
      now,
      { type: 'task', id: taskId },
    );
    return taskId;
  });
  return ok(id);
}

export async function editTask(
  db: Db,
  id: number,
  patch: Partial<TaskInput> & { status?: 'open' | 'cancelled' },
  actor: Person,
  now: string,
): Promise<Result<true, GroupServiceError>> {
  const task = await findTask(db, id);
  if (!task) return err('NotFound');
  if (task.status !== 'open') return err('TaskClosed');
  const group = await findWorkingGroup(db, task.groupId);
  if (patch.responsiblePersonId !== undefined) {
    const member = checkResponsibleIsMember(patch.responsiblePersonId, group?.memberIds ?? []);
    if (!member.ok) return member;
  }
  await db.transaction().execute(async (trx) => {
    await updateTask(trx, id, patch, now);
    await auditByPerson(trx, actor, now, {
      action: 'task.update',
      recordType: 'task',
      recordId: id,
      ...beforeAfter(task, patch),
    });
    await scheduleTask(trx, planRemindersTask('task', id, now));
    const dueDate = patch.dueDate ?? task.dueDate;
    const responsible = patch.responsiblePersonId ?? task.responsiblePersonId;
    if (
      patch.status !== 'cancelled' &&
      (dueDate !== task.dueDate || responsible !== task.responsiblePersonId)
    ) {
      await notify(trx, { kind: 'task-assigned', taskId: id, dueDate }, [{ personId: responsible }], now, {
        type: 'task',
        id,
      });
    }
  });
  return ok(true);
}

/** The secretary grants (the deadline moves, reminders follow) or refuses; the member is told either way. */
export async function decideExtensionRequest(
  db: Db,
  requestId: number,
  decision: 'granted' | 'refused',
  note: string,
  actor: Person,
  now: string,
): Promise<Result<true, GroupServiceError>> {
  const request = await findExtensionRequest(db, requestId);
  if (!request) return err('NotFound');
  const task = await findTask(db, request.taskId);
  if (!task) return err('NotFound');
  const decided = decideExtension(request, task, decision);
  if (!decided.ok) return decided;
  const done = await db.transaction().execute(async (trx) => {
    if (!(await decideExtensionRow(trx, requestId, decision, actor.id, note, now))) return false;
    if (decided.value.newDueDate) await updateTask(trx, task.id, { dueDate: decided.value.newDueDate }, now);
    await auditByPerson(trx, actor, now, {
      action: `extension.${decision}`,
      recordType: 'task',
      recordId: task.id,
      ...beforeAfter(
        { dueDate: task.dueDate },
        { dueDate: decided.value.newDueDate ?? task.dueDate, requestId, note },
      ),
    });
    await scheduleTask(trx, planRemindersTask('task', task.id, now));
    await notify(trx, { kind: 'extension-decided', requestId }, [{ personId: request.requestedBy }], now, {
      type: 'task',
      id: task.id,
    });
    return true;
  });
  return done ? ok(true) : err('AlreadyDecided');
}
