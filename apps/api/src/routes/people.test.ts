import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let admin: string;
beforeEach(async () => {
  t = await createTestApp();
  admin = await t.signIn('secretary');
});
afterEach(() => t.db.destroy());

const person = (id: number) =>
  t.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const seatsOf = (id: number) =>
  t.db.selectFrom('representations').selectAll().where('person_id', '=', id).execute();

describe('the admin keeps the people', () => {
  it('adds a representative with their seat and gets a one-time invite, audited without the token', async () => {
    const res = await t.call(admin, 'POST', '/api/people', {
      name: 'Nurlan Abenov',
      roles: ['member'],
      language: 'en',
      timeZone: 'Asia/Almaty',
      representation: { stateCode: 'KZ', kind: 'representative' },
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: number; startCommand: string };
    expect((await seatsOf(body.id)).map((s) => [s.state_code, s.kind])).toEqual([['KZ', 'representative']]);
    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('record_id', '=', String(body.id))
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['person.create', 'person.invite']);
    expect(JSON.stringify(audit)).not.toContain(body.startCommand.slice(7));
  });

  it('refuses a person with no role, an unknown role or an assigned deputy role', async () => {
    for (const roles of [[], ['emperor'], ['deputy'], ['member', 'member']]) {
      const res = await t.call(admin, 'POST', '/api/people', {
        name: 'X',
        roles,
        language: 'en',
        timeZone: 'UTC',
      });
      expect(res.status).toBe(400);
    }
  });

  it('edits roles and language, recording before and after', async () => {
    const id = await t.personId('observer');
    const res = await t.call(admin, 'PATCH', `/api/people/${id}`, {
      roles: ['observer', 'member'],
      language: 'ru',
    });
    expect(res.status).toBe(200);
    expect(JSON.parse((await person(id)).roles)).toEqual(['observer', 'member']);
    const [event] = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'person.update')
      .execute();
    expect(JSON.parse(event?.before ?? '{}')).toEqual({ roles: ['observer'], language: 'en' });
    expect((await t.call(admin, 'PATCH', `/api/people/${id}`, {})).status).toBe(400);
  });

  it('replacing a representative revokes their access, hands over the seat and keeps history', async () => {
    const old = await t.personId('BY-head');
    const oldCookie = await t.signIn('BY-head');
    const created = await t.call(admin, 'POST', '/api/people', {
      name: 'New head',
      roles: ['member'],
      language: 'ru',
      timeZone: 'Europe/Minsk',
      representation: null,
    });
    const successor = ((await created.json()) as { id: number }).id;
    await t.db
      .insertInto('rsvps')
      .values({
        meeting_id: (
          await t.db
            .insertInto('meetings')
            .values({
              kind: 'regular',
              title: 'm',
              starts_at: t.now,
              ends_at: t.now,
              time_zone: 'UTC',
              status: 'notified',
              version: 1,
              created_at: t.now,
              updated_at: t.now,
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id,
        person_id: old,
        answer: 'yes',
        answered_at: t.now,
      })
      .execute();

    const res = await t.call(admin, 'POST', `/api/people/${old}/deactivate`, { successorId: successor });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { sessionsEnded: number }).sessionsEnded).toBe(1);
    expect(await person(old)).toMatchObject({ active: 0, telegram_user_id: null });
    expect((await t.call(oldCookie, 'GET', '/api/meetings')).status).toBe(401);
    expect((await seatsOf(old)).every((s) => s.valid_to === t.now)).toBe(true);
    expect((await seatsOf(successor)).map((s) => [s.state_code, s.kind, s.valid_to])).toEqual([
      ['BY', 'head', null],
    ]);
    expect(await t.db.selectFrom('rsvps').selectAll().where('person_id', '=', old).execute()).toHaveLength(1);
    const again = await t.call(admin, 'POST', `/api/people/${old}/deactivate`, { successorId: null });
    expect(again.status).toBe(409);
  });

  it('hands the leaving person’s open tasks, group seats and leads to the successor, with their reminders', async () => {
    const old = await t.personId('KG-head');
    const successor = await t.personId('KG-alternate');
    const { id: groupId } = await t.db
      .insertInto('working_groups')
      .values({ name: 'G', mandate: 'm', lead_person_id: old, created_at: t.now, updated_at: t.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.db.insertInto('working_group_members').values({ group_id: groupId, person_id: old }).execute();
    const task = (status: string) => ({
      group_id: groupId,
      title: status,
      responsible_person_id: old,
      due_date: '2027-05-01',
      status,
      created_at: t.now,
      updated_at: t.now,
    });
    await t.db
      .insertInto('tasks')
      .values([task('open'), task('done')])
      .execute();
    expect(
      (await t.call(admin, 'POST', `/api/people/${old}/deactivate`, { successorId: successor })).status,
    ).toBe(200);
    const tasks = await t.db
      .selectFrom('tasks')
      .select(['status', 'responsible_person_id'])
      .orderBy('id')
      .execute();
    expect(tasks).toEqual([
      { status: 'open', responsible_person_id: successor },
      { status: 'done', responsible_person_id: old },
    ]);
    expect(
      (await t.db.selectFrom('working_groups').select('lead_person_id').executeTakeFirstOrThrow())
        .lead_person_id,
    ).toBe(successor);
    const members = await t.db.selectFrom('working_group_members').select('person_id').execute();
    expect(members.map((m) => m.person_id)).toContain(successor);
    expect(
      await t.db
        .selectFrom('scheduled_tasks')
        .selectAll()
        .where('task_key', 'like', 'plan-reminders:task:%')
        .execute(),
    ).toHaveLength(1);
  });

  it('refuses a successor who represents another state', async () => {
    const res = await t.call(admin, 'POST', `/api/people/${await t.personId('AM-head')}/deactivate`, {
      successorId: await t.personId('TJ-head'),
    });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(
      'SuccessorRepresentsAnotherState',
    );
  });

  it('shows invites only to the staff', async () => {
    await t.call(admin, 'POST', `/api/people/${await t.personId('KG-head')}/invites`);
    const asMember = (await (await t.call(await t.signIn('KG-alternate'), 'GET', '/api/people')).json()) as {
      people: Array<{ invite: unknown }>;
    };
    expect(asMember.people.every((p) => p.invite === null)).toBe(true);
    const asAdmin = (await (await t.call(admin, 'GET', '/api/people')).json()) as {
      people: Array<{ invite: unknown }>;
    };
    expect(asAdmin.people.some((p) => p.invite !== null)).toBe(true);
  });
});

describe('the chairman’s deputy', () => {
  it('is named by the chairman only, is audited, and then reads what the chairman reads', async () => {
    const chairman = await t.signIn('RU-head');
    const deputy = await t.personId('RU-alternate');
    const deputyCookie = await t.signIn('RU-alternate');
    expect((await t.call(deputyCookie, 'GET', '/api/audit')).status).toBe(403);
    expect((await t.call(admin, 'PUT', '/api/commission/deputy', { personId: deputy })).status).toBe(403);
    expect((await t.call(chairman, 'PUT', '/api/commission/deputy', { personId: deputy })).status).toBe(200);
    expect((await t.call(deputyCookie, 'GET', '/api/audit')).status).toBe(200);
    const settings = (await (await t.call(deputyCookie, 'GET', '/api/commission')).json()) as {
      deputyPersonId: number;
    };
    expect(settings.deputyPersonId).toBe(deputy);
    expect(
      (await t.db.selectFrom('audit_events').selectAll().where('action', '=', 'commission.deputy').execute())
        .length,
    ).toBe(1);
    expect((await t.call(chairman, 'PUT', '/api/commission/deputy', { personId: null })).status).toBe(200);
    expect((await t.call(deputyCookie, 'GET', '/api/audit')).status).toBe(403);
  });
});

describe('the escalation ladder', () => {
  it('is set by the admin, validated, audited, and read by everyone', async () => {
    const steps = [
      { to: 'head', afterDays: 1 },
      { to: 'secretary', afterDays: 3 },
    ];
    expect(
      (await t.call(await t.signIn('RU-head'), 'PUT', '/api/commission/escalation', { steps })).status,
    ).toBe(403);
    expect(
      (
        await t.call(admin, 'PUT', '/api/commission/escalation', {
          steps: [...steps, { to: 'chairman', afterDays: 2 }],
        })
      ).status,
    ).toBe(400);
    expect((await t.call(admin, 'PUT', '/api/commission/escalation', { steps })).status).toBe(200);
    const settings = (await (await t.call(await t.signIn('observer'), 'GET', '/api/commission')).json()) as {
      escalationLadder: unknown;
    };
    expect(settings.escalationLadder).toEqual(steps);
    expect(
      await t.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'commission.escalation')
        .execute(),
    ).toHaveLength(1);
  });
});
