import type { ExtensionRequest, Task, TaskStatus, WorkingGroupInput } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

export async function listWorkingGroups(db: Db) {
  const groups = await db.selectFrom('working_groups').selectAll().orderBy('id').execute();
  const members = await db.selectFrom('working_group_members').selectAll().execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    mandate: g.mandate,
    leadPersonId: g.lead_person_id,
    groupChatId: g.group_chat_id,
    active: g.active === 1,
    memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.person_id),
  }));
}

export async function findWorkingGroup(db: Db, id: number) {
  return (await listWorkingGroups(db)).find((g) => g.id === id);
}

export async function insertWorkingGroup(db: Db, input: WorkingGroupInput, now: string): Promise<number> {
  const { id } = await db
    .insertInto('working_groups')
    .values({
      name: input.name,
      mandate: input.mandate,
      lead_person_id: input.leadPersonId,
      group_chat_id: input.groupChatId,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceMembers(db, id, input.memberIds);
  return id;
}

export async function updateWorkingGroup(
  db: Db,
  id: number,
  input: WorkingGroupInput,
  now: string,
): Promise<void> {
  await db
    .updateTable('working_groups')
    .set({
      name: input.name,
      mandate: input.mandate,
      lead_person_id: input.leadPersonId,
      group_chat_id: input.groupChatId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
  await replaceMembers(db, id, input.memberIds);
}

async function replaceMembers(db: Db, groupId: number, memberIds: readonly number[]) {
  await db.deleteFrom('working_group_members').where('group_id', '=', groupId).execute();
  if (memberIds.length > 0)
    await db
      .insertInto('working_group_members')
      .values(memberIds.map((person_id) => ({ group_id: groupId, person_id })))
      .execute();
}

const toTask = (r: {
  id: number;
  group_id: number;
  title: string;
  responsible_person_id: number;
  due_date: string;
  status: string;
}): Task => ({
  id: r.id,
  groupId: r.group_id,
  title: r.title,
  responsiblePersonId: r.responsible_person_id,
  dueDate: r.due_date,
  status: r.status as TaskStatus,
});

export async function findTask(db: Db, id: number): Promise<(Task & { description: string }) | undefined> {
  const row = await db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirst();
  return row && { ...toTask(row), description: row.description };
}

export async function listTasks(
  db: Db,
  filter: { groupId?: number; responsibleId?: number; status?: TaskStatus } = {},
) {
  let query = db.selectFrom('tasks').selectAll().orderBy('due_date').orderBy('id');
  if (filter.groupId !== undefined) query = query.where('group_id', '=', filter.groupId);
  if (filter.responsibleId !== undefined)
    query = query.where('responsible_person_id', '=', filter.responsibleId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return (await query.execute()).map((r) => ({
    ...toTask(r),
    description: r.description,
    directionId: r.direction_id,
  }));
}

export async function insertTask(
  db: Db,
  input: {
    groupId: number;
    title: string;
    description: string;
    responsiblePersonId: number;
    dueDate: string;
    directionId?: number | null;
  },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('tasks')
    .values({
      group_id: input.groupId,
      title: input.title,
      description: input.description,
      responsible_person_id: input.responsiblePersonId,
      due_date: input.dueDate,
      direction_id: input.directionId ?? null,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateTask(
  db: Db,
  id: number,
  patch: Partial<{
    title: string;
    description: string;
    responsiblePersonId: number;
    dueDate: string;
    directionId: number | null;
    status: TaskStatus;
  }>,
  now: string,
): Promise<void> {
  await db
    .updateTable('tasks')
    .set({
      ...(patch.title !== undefined ? { title: patch.title } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.responsiblePersonId !== undefined
        ? { responsible_person_id: patch.responsiblePersonId }
        : {}),
      ...(patch.dueDate !== undefined ? { due_date: patch.dueDate } : {}),
      ...(patch.directionId !== undefined ? { direction_id: patch.directionId } : {}),
      ...(patch.status !== undefined
        ? { status: patch.status, done_at: patch.status === 'done' ? now : null }
        : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Marks an open task done, guarded: false if it was closed meanwhile. */
export async function completeOpenTask(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('tasks')
    .set({ status: 'done', done_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

const toRequest = (r: {
  id: number;
  task_id: number;
  requested_by: number;
  requested_due_date: string;
  status: string;
}): ExtensionRequest => ({
  id: r.id,
  taskId: r.task_id,
  requestedBy: r.requested_by,
  requestedDueDate: r.requested_due_date,
  status: r.status as ExtensionRequest['status'],
});

export async function listExtensionRequests(
  db: Db,
  filter: { taskIds?: readonly number[]; status?: ExtensionRequest['status'] } = {},
) {
  let query = db.selectFrom('extension_requests').selectAll().orderBy('id');
  if (filter.taskIds)
    query =
      filter.taskIds.length > 0 ? query.where('task_id', 'in', filter.taskIds) : query.where('id', '<', 0);
  if (filter.status) query = query.where('status', '=', filter.status);
  return (await query.execute()).map((r) => ({
    ...toRequest(r),
    reason: r.reason,
    currentDueDate: r.current_due_date,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  }));
}

export async function findExtensionRequest(db: Db, id: number) {
  const row = await db.selectFrom('extension_requests').selectAll().where('id', '=', id).executeTakeFirst();
  return (
    row && {
      ...toRequest(row),
      reason: row.reason,
      currentDueDate: row.current_due_date,
      decisionNote: row.decision_note,
    }
  );
}

export async function insertExtensionRequest(
  db: Db,
  input: {
    taskId: number;
    requestedBy: number;
    currentDueDate: string;
    requestedDueDate: string;
    reason: string;
  },
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('extension_requests')
    .values({
      task_id: input.taskId,
      requested_by: input.requestedBy,
      current_due_date: input.currentDueDate,
      requested_due_date: input.requestedDueDate,
      reason: input.reason,
      status: 'pending',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

/** Decides a pending request once: false if it was decided meanwhile. */
export async function decideExtensionRow(
  db: Db,
  id: number,
  decision: 'granted' | 'refused',
  by: number,
  note: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('extension_requests')
    .set({ status: decision, decided_by: by, decided_at: now, decision_note: note || null })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Hands a leaving person's open tasks and working-group seats to their successor. Returns the
 * ids of the tasks handed over, so their reminders can be planned again.
 */
export async function handOverTasks(
  db: Db,
  fromPersonId: number,
  toPersonId: number,
  now: string,
): Promise<number[]> {
  const open = await db
    .selectFrom('tasks')
    .select('id')
    .where('responsible_person_id', '=', fromPersonId)
    .where('status', '=', 'open')
    .execute();
  if (open.length > 0) {
    await db
      .updateTable('tasks')
      .set({ responsible_person_id: toPersonId, updated_at: now })
      .where(
        'id',
        'in',
        open.map((t) => t.id),
      )
      .execute();
  }
  const groups = await db
    .selectFrom('working_group_members')
    .select('group_id')
    .where('person_id', '=', fromPersonId)
    .execute();
  for (const { group_id } of groups) {
    await db
      .insertInto('working_group_members')
      .values({ group_id, person_id: toPersonId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  await db
    .updateTable('working_groups')
    .set({ lead_person_id: toPersonId, updated_at: now })
    .where('lead_person_id', '=', fromPersonId)
    .execute();
  return open.map((t) => t.id);
}
