import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, meetingBody } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
let members: number[];
beforeEach(async () => {
  t = await createTestApp();
  secretary = await t.signIn('secretary');
  members = [await t.personId('KZ-head'), await t.personId('BY-alternate')];
});
afterEach(() => t.db.destroy());

const group = () => ({
  name: 'Standardization',
  mandate: 'Unify the standards for armoured vehicles',
  leadPersonId: members[0],
  memberIds: members,
  groupChatId: -100777,
});
const createGroup = async () =>
  ((await (await t.call(secretary, 'POST', '/api/working-groups', group())).json()) as { id: number }).id;
const outbox = () => t.db.selectFrom('outbox').selectAll().orderBy('id').execute();

describe('working groups', () => {
  it('the secretary forms one; members and observers read it but cannot change it', async () => {
    const id = await createGroup();
    const observer = await t.signIn('observer');
    const res = await t.call(observer, 'GET', `/api/working-groups/${id}`);
    expect(((await res.json()) as { group: { memberIds: number[] } }).group.memberIds).toEqual(members);
    expect((await t.call(observer, 'POST', '/api/working-groups', group())).status).toBe(403);
    expect(
      (await t.call(await t.signIn('KZ-head'), 'PUT', `/api/working-groups/${id}`, group())).status,
    ).toBe(403);
    expect(
      (await t.call(secretary, 'POST', '/api/working-groups', { ...group(), memberIds: [999] })).status,
    ).toBe(400);
  });

  it('a task goes to its member and the group’s chat, with its reminders planned, in one change', async () => {
    const id = await createGroup();
    const res = await t.call(secretary, 'POST', `/api/working-groups/${id}/tasks`, {
      title: 'Draft GOST annex',
      responsiblePersonId: members[1],
      dueDate: '2027-04-01',
    });
    expect(res.status).toBe(201);
    const taskId = ((await res.json()) as { id: number }).id;
    const rows = await outbox();
    expect(rows.map((r) => [r.kind, r.recipient_person_id, r.recipient_chat_id])).toEqual([
      ['task-assigned', members[1], null],
      ['task-assigned', null, -100777],
    ]);
    const planned = await t.db
      .selectFrom('scheduled_tasks')
      .selectAll()
      .where('task_key', '=', `plan-reminders:task:${taskId}`)
      .execute();
    expect(planned).toHaveLength(1);
    const notMember = await t.call(secretary, 'POST', `/api/working-groups/${id}/tasks`, {
      title: 'X',
      responsiblePersonId: await t.personId('TJ-head'),
      dueDate: '2027-04-01',
    });
    expect(((await notMember.json()) as { error: { code: string } }).error.code).toBe('NotAMember');
  });

  it('granting an extension moves the deadline and tells the member; it is decided once', async () => {
    const id = await createGroup();
    const taskRes = await t.call(secretary, 'POST', `/api/working-groups/${id}/tasks`, {
      title: 'Draft',
      responsiblePersonId: members[0],
      dueDate: '2027-04-01',
    });
    const taskId = ((await taskRes.json()) as { id: number }).id;
    const { id: requestId } = await t.db
      .insertInto('extension_requests')
      .values({
        task_id: taskId,
        requested_by: members[0] ?? 0,
        current_due_date: '2027-04-01',
        requested_due_date: '2027-05-01',
        reason: 'Ministry',
        status: 'pending',
        created_at: t.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(
      (
        await t.call(await t.signIn('KZ-head'), 'POST', `/api/extension-requests/${requestId}/decision`, {
          decision: 'granted',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await t.call(secretary, 'POST', `/api/extension-requests/${requestId}/decision`, {
          decision: 'granted',
        })
      ).status,
    ).toBe(200);
    const task = await t.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect(task.due_date).toBe('2027-05-01');
    expect(
      (await outbox()).filter((r) => r.kind === 'extension-decided').map((r) => r.recipient_person_id),
    ).toEqual([members[0]]);
    expect(
      (
        await t.call(secretary, 'POST', `/api/extension-requests/${requestId}/decision`, {
          decision: 'refused',
        })
      ).status,
    ).toBe(409);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'extension.granted')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('editing a task’s date re-plans its reminders and tells the member; a cancelled task cannot be edited', async () => {
    const id = await createGroup();
    const taskRes = await t.call(secretary, 'POST', `/api/working-groups/${id}/tasks`, {
      title: 'Draft',
      responsiblePersonId: members[0],
      dueDate: '2027-04-01',
    });
    const taskId = ((await taskRes.json()) as { id: number }).id;
    expect((await t.call(secretary, 'PATCH', `/api/tasks/${taskId}`, { dueDate: '2027-04-15' })).status).toBe(
      200,
    );
    expect(
      (await outbox()).filter((r) => r.kind === 'task-assigned' && r.recipient_person_id === members[0]),
    ).toHaveLength(2);
    expect((await t.call(secretary, 'PATCH', `/api/tasks/${taskId}`, { status: 'cancelled' })).status).toBe(
      200,
    );
    expect((await t.call(secretary, 'PATCH', `/api/tasks/${taskId}`, { title: 'Again' })).status).toBe(409);
  });
});

describe('a working group’s meeting', () => {
  it('invites its members and the secretary, posts to its chat, and lists only them as invited', async () => {
    const groupId = await createGroup();
    const created = await t.call(secretary, 'POST', '/api/meetings', {
      ...meetingBody,
      kind: 'working_group',
      workingGroupId: groupId,
    });
    const { meeting } = (await created.json()) as { meeting: { id: number } };
    await t.call(secretary, 'POST', `/api/meetings/${meeting.id}/notify`);
    const notices = (await outbox()).filter((r) => r.kind === 'meeting-notice');
    const secretaryId = await t.personId('secretary');
    expect(notices.map((r) => r.recipient_person_id ?? r.recipient_chat_id).sort()).toEqual(
      [...members, secretaryId, -100777].sort(),
    );
    const detail = (await (await t.call(secretary, 'GET', `/api/meetings/${meeting.id}`)).json()) as {
      attendance: Array<{ personId: number }>;
    };
    expect(detail.attendance.map((a) => a.personId).sort()).toEqual([...members, secretaryId].sort());
  });
});

describe('editing a task', () => {
  it('changes only the fields sent', async () => {
    const id = await createGroup();
    const res = await t.call(secretary, 'POST', `/api/working-groups/${id}/tasks`, {
      title: 'Draft',
      description: 'Keep me',
      responsiblePersonId: members[0],
      dueDate: '2027-04-01',
    });
    const taskId = ((await res.json()) as { id: number }).id;
    expect((await t.call(secretary, 'PATCH', `/api/tasks/${taskId}`, { dueDate: '2027-04-20' })).status).toBe(
      200,
    );
    const task = await t.db
      .selectFrom('tasks')
      .selectAll()
      .where('id', '=', taskId)
      .executeTakeFirstOrThrow();
    expect([task.description, task.due_date]).toEqual(['Keep me', '2027-04-20']);
  });
});
