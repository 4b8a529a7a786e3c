import { insertTask, insertWorkingGroup } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp } from '../test-app';

let t: Awaited<ReturnType<typeof createTestApp>>;
let secretary: string;
let programId: number;
let directions: number[];
beforeEach(async () => {
  t = await createTestApp(); // today is 2027-02-01
  secretary = await t.signIn('secretary');
  const res = await t.call(secretary, 'POST', '/api/programs', {
    code: 'until-2030',
    titleRu: 'Программа до 2030 года',
    titleEn: 'Program until 2030',
    periodStart: '2026-01-01',
    periodEnd: '2030-12-31',
    goals: 'Joint ventures and one exhibition field.',
    directions: [
      { titleRu: 'Совместные предприятия', titleEn: 'Joint ventures' },
      { titleRu: 'Выставки', titleEn: 'Exhibitions' },
    ],
  });
  expect(res.status).toBe(201);
  const { program } = (await res.json()) as { program: { id: number; directions: Array<{ id: number }> } };
  programId = program.id;
  directions = program.directions.map((d) => d.id);
});
afterEach(() => t.db.destroy());

const activity = (over: Record<string, unknown> = {}) => ({
  title: 'Joint venture for repair of armoured vehicles',
  directionId: directions[0],
  leadState: 'BY',
  participatingStates: ['RU', 'KZ'],
  start: '2026-03-01',
  end: '2027-02-20',
  progress: 40,
  milestones: [{ title: 'Founding agreement', date: '2026-06-01' }],
  ...over,
});
const add = async (over: Record<string, unknown> = {}) => {
  const res = await t.call(secretary, 'POST', `/api/programs/${programId}/activities`, activity(over));
  return {
    status: res.status,
    body: (await res.json()) as { activity: { id: number }; warnings: unknown[] },
  };
};

describe('programs', () => {
  it('are listed for everyone, the seeded one too, and created only by the secretary with a sound period', async () => {
    const list = await t.call(await t.signIn('observer'), 'GET', '/api/programs');
    const codes = ((await list.json()) as { programs: Array<{ code: string }> }).programs.map((p) => p.code);
    expect(codes).toEqual(['until-2020', 'until-2030']);
    const body = {
      code: 'until-2025',
      titleRu: 'А',
      titleEn: 'A',
      periodStart: '2021-01-01',
      periodEnd: '2025-12-31',
    };
    expect((await t.call(await t.signIn('KZ-head'), 'POST', '/api/programs', body)).status).toBe(403);
    expect(
      (await t.call(secretary, 'POST', '/api/programs', { ...body, periodEnd: '2020-01-01' })).status,
    ).toBe(400);
    expect(
      (await t.call(secretary, 'POST', '/api/programs', { ...body, periodEnd: '2025-02-30' })).status,
    ).toBe(400);
    expect((await t.call(secretary, 'POST', '/api/programs', { ...body, code: 'until-2030' })).status).toBe(
      409,
    );
    expect((await t.call(secretary, 'POST', '/api/programs', body)).status).toBe(201);
  });

  it('take activities the domain accepts, and refuse bad dates, a foreign direction, a milestone outside, a cycle', async () => {
    const first = await add();
    expect(first.status).toBe(201);
    expect((await add({ end: '2026-01-01', milestones: [] })).body).toMatchObject({
      error: { code: 'validation_failed', details: [{ path: 'end', message: 'EndBeforeStart' }] },
    });
    expect((await add({ start: '2025-06-01' })).status).toBe(400);
    expect((await add({ directionId: 1 })).status).toBe(400);
    expect((await add({ milestones: [{ title: 'Late', date: '2028-01-01' }] })).body).toMatchObject({
      error: { details: [{ path: 'milestones.0.date', message: 'MilestoneOutsideActivity' }] },
    });
    expect((await add({ leadState: 'XX' })).status).toBe(400);
    const second = await add({
      title: 'Exhibition',
      directionId: directions[1],
      dependsOn: [first.body.activity.id],
    });
    // It starts before its dependency ends: allowed, with a warning the secretary sees.
    expect(second.body.warnings).toEqual([expect.objectContaining({ code: 'DependencyEndsAfterStart' })]);
    const cycle = await t.call(
      secretary,
      'PUT',
      `/api/programs/${programId}/activities/${first.body.activity.id}`,
      activity({ dependsOn: [second.body.activity.id] }),
    );
    expect(cycle.status).toBe(400);
    expect(await cycle.json()).toMatchObject({
      error: {
        details: [
          {
            message: 'DependencyCycle',
            cycle: [first.body.activity.id, second.body.activity.id, first.body.activity.id],
          },
        ],
      },
    });
    expect(
      (await t.call(await t.signIn('secretary'), 'POST', `/api/programs/999/activities`, activity())).status,
    ).toBe(404);
    expect(
      (await t.call(await t.signIn('RU-head'), 'POST', `/api/programs/${programId}/activities`, activity()))
        .status,
    ).toBe(403);
  });

  it('answer an unchanged program with 304 on its ETag, and a changed one in full', async () => {
    await add();
    const observer = await t.signIn('observer');
    const first = await t.call(observer, 'GET', `/api/programs/${programId}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const body = (await first.json()) as {
      activities: unknown[];
      summary: { progress: number; overdue: number[] };
    };
    expect(body.activities).toHaveLength(1);
    expect(body.summary.progress).toBe(40);
    const again = await t.app.request(`/api/programs/${programId}`, {
      headers: { cookie: observer, 'if-none-match': etag ?? '' },
    });
    expect(again.status).toBe(304);
    await add({ title: 'Second' });
    const changed = await t.app.request(`/api/programs/${programId}`, {
      headers: { cookie: observer, 'if-none-match': etag ?? '' },
    });
    expect(changed.status).toBe(200);
  });

  it('say what is overdue and at risk, what a state leads and takes part in, and plan against the baseline', async () => {
    const late = await add({ end: '2027-01-15' });
    const risky = await add({ title: 'Risky', end: '2027-02-20', progress: 10 });
    await add({ title: 'Fine', end: '2027-12-31', progress: 10, leadState: 'AM', participatingStates: [] });
    const detail = (await (await t.call(secretary, 'GET', `/api/programs/${programId}`)).json()) as {
      summary: { overdue: number[]; atRisk: number[] };
    };
    expect(detail.summary.overdue).toEqual([late.body.activity.id]);
    expect(detail.summary.atRisk).toEqual([risky.body.activity.id]);
    const kz = (await (await t.call(secretary, 'GET', `/api/programs/${programId}/states/KZ`)).json()) as {
      leads: unknown[];
      takesPart: unknown[];
      overdue: unknown[];
    };
    expect([kz.leads.length, kz.takesPart.length, kz.overdue.length]).toEqual([0, 2, 1]);
    expect((await t.call(secretary, 'POST', `/api/programs/${programId}/baseline`)).status).toBe(200);
    await t.call(
      secretary,
      'PUT',
      `/api/programs/${programId}/activities/${late.body.activity.id}`,
      activity({ end: '2027-03-15' }),
    );
    const plan = (await (
      await t.call(secretary, 'GET', `/api/programs/${programId}/plan-vs-actual`)
    ).json()) as {
      comparison: Array<{ activityId: number; endSlipDays: number }>;
    };
    expect(plan.comparison.find((c) => c.activityId === late.body.activity.id)?.endSlipDays).toBe(59);
  });

  it('keep every change to an activity in its history, and refuse a period that would leave activities outside', async () => {
    const { body } = await add();
    const id = body.activity.id;
    await t.call(secretary, 'PUT', `/api/programs/${programId}/activities/${id}`, activity({ progress: 60 }));
    const history = (await (
      await t.call(secretary, 'GET', `/api/programs/${programId}/activities/${id}`)
    ).json()) as {
      history: Array<{ action: string; before: string | null; after: string }>;
    };
    expect(history.history.map((h) => h.action)).toEqual(['activity.update', 'activity.create']);
    expect(JSON.parse(history.history[0]?.before ?? '{}')).toMatchObject({ progress: 40 });
    const shrink = await t.call(secretary, 'PUT', `/api/programs/${programId}`, {
      titleRu: 'Программа',
      titleEn: 'Program',
      periodStart: '2027-01-01',
      periodEnd: '2030-12-31',
    });
    expect(shrink.status).toBe(409);
    expect((await t.call(secretary, 'DELETE', `/api/programs/${programId}/activities/${id}`)).status).toBe(
      200,
    );
    expect((await t.call(secretary, 'DELETE', `/api/programs/${programId}/activities/${id}`)).status).toBe(
      404,
    );
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('record_type', '=', 'activity')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['activity.create', 'activity.update', 'activity.delete']);
  });
});

describe('activities as a CSV file', () => {
  const importCsv = (csv: string, cookie = secretary) =>
    t.app.request(`/api/programs/${programId}/activities/import`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'text/csv' },
      body: csv,
    });

  it('export every activity, and import the file back with a change and a new row', async () => {
    const { body } = await add();
    const res = await t.call(secretary, 'GET', `/api/programs/${programId}/activities.csv`);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    const [header, row] = csv.trim().split('\n');
    expect(header).toBe(
      'id,title,description,direction,lead_state,participating_states,responsible_person_ids,start,end,status,progress,milestones,depends_on',
    );
    expect(row).toBe(
      `${body.activity.id},Joint venture for repair of armoured vehicles,,1,BY,RU;KZ,,2026-03-01,2027-02-20,planned,40,Founding agreement@2026-06-01,`,
    );
    const edited = `${header}\n${row?.replace(',40,', ',75,')}\n,"Exhibition, Minsk",Stands,2,BY,,,2027-05-01,2027-05-10,planned,0,,${body.activity.id}\n`;
    const imported = await importCsv(edited);
    expect(await imported.json()).toEqual({ created: 1, updated: 1 });
    const detail = (await (await t.call(secretary, 'GET', `/api/programs/${programId}`)).json()) as {
      activities: Array<{ title: string; progress: number; dependsOn: number[] }>;
    };
    expect(detail.activities.map((a) => [a.title, a.progress, a.dependsOn])).toEqual([
      ['Joint venture for repair of armoured vehicles', 75, []],
      ['Exhibition, Minsk', 0, [body.activity.id]],
    ]);
  });

  it('refuse a bad file row by row, and import nothing of it', async () => {
    const { body } = await add();
    const header =
      'id,title,description,direction,lead_state,participating_states,responsible_person_ids,start,end,status,progress,milestones,depends_on';
    const csv = [
      header,
      ',Good row,,1,KZ,,,2026-05-01,2026-06-01,planned,0,,',
      ',Bad dates,,1,KZ,,,2026-06-01,2026-05-01,planned,0,,',
      ',Bad state,,9,XX,,,2026-05-01,2026-06-01,sleeping,140,,',
      `${body.activity.id},Loops,,1,BY,,,2026-03-01,2027-02-20,planned,0,,${body.activity.id}`,
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    const report = (await res.json()) as {
      error: { details: Array<{ line: number; errors: Array<{ column: string; code: string }> }> };
    };
    // Each cell by its column and a code the dashboard words in the reader's language.
    const refused = (details: typeof report.error.details) =>
      details.map((d) => [d.line, d.errors.map((e) => `${e.column}:${e.code}`).sort()]);
    expect(refused(report.error.details)).toEqual([
      [3, ['end:EndBeforeStart']],
      [4, ['direction:unknown_direction', 'lead_state:invalid', 'progress:invalid', 'status:invalid']],
      [5, ['depends_on:DependsOnItself']],
    ]);
    const count = await t.db.selectFrom('activities').select('id').execute();
    expect(count).toHaveLength(1);
    const details = async (file: string) =>
      refused(((await (await importCsv(file)).json()) as typeof report).error.details);
    expect(await details('title\nOnly a title')).toEqual([
      [
        1,
        [
          'direction:missing_column',
          ...[
            'depends_on',
            'description',
            'end',
            'lead_state',
            'milestones',
            'participating_states',
            'progress',
            'responsible_person_ids',
            'start',
            'status',
          ].map((c) => `${c}:missing_column`),
        ].sort(),
      ],
    ]);
    // Blank lines are skipped but still counted: the line is the file's own.
    expect(
      await details(
        `${header}\n\n,Good row,,1,KZ,,,2026-05-01,2026-06-01,planned,0,,\n\n,Unknown,,1,KZ,,,2026-05-01,2026-06-01,planned,0,,,\n`,
      ),
    ).toEqual([[5, [':unreadable']]]);
    expect(await details(`${header}\n\n,Someone,,1,KZ,,999,2026-05-01,2026-06-01,planned,0,,\n`)).toEqual([
      [3, ['responsible_person_ids:unknown_person']],
    ]);
    expect(await details(`${header}\n,"Unclosed,,1,KZ,,,2026-05-01,2026-06-01,planned,0,,\n`)).toEqual([
      [2, [':unreadable']],
    ]);
    expect(await details(`${header}\n999,Gone,,1,KZ,,,2026-05-01,2026-06-01,planned,0,,\n`)).toEqual([
      [2, ['id:unknown_activity']],
    ]);
    expect((await importCsv(`${header}\n`, await t.signIn('KZ-head'))).status).toBe(403);
  });

  it('refuse a file over the size limit with 413', async () => {
    const res = await importCsv('x'.repeat(6 * 1024 * 1024));
    expect(res.status).toBe(413);
  });
});

describe('what else serves a program', () => {
  it('lists the adopted decisions and the working groups’ tasks of its directions, and nothing else', async () => {
    const direction = directions[1];
    const draft = await t.call(secretary, 'POST', '/api/drafts', {
      kind: 'decision',
      title: 'On the exhibition calendar',
      text: 'Article 1.',
      directionIds: [direction],
    });
    const draftId = ((await draft.json()) as { draft: { id: number } }).draft.id;
    const opened = await t.call(secretary, 'POST', `/api/drafts/${draftId}/ballots`, {
      rule: { kind: 'consensus' },
      closesLocal: '2027-03-01T18:00',
      timeZone: 'Europe/Moscow',
    });
    const ballotId = ((await opened.json()) as { id: number }).id;
    for (const stateCode of ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'])
      await t.call(secretary, 'POST', `/api/ballots/${ballotId}/votes`, {
        stateCode,
        choice: 'for',
        channel: 'room',
        reference: 'Minutes No. 1',
      });
    await t.call(secretary, 'POST', `/api/ballots/${ballotId}/close`);
    const other = await t.call(secretary, 'POST', '/api/drafts', {
      kind: 'decision',
      title: 'Elsewhere',
      text: 'Text',
      directionIds: [1],
    });
    expect(other.status).toBe(201);
    const kz = await t.personId('KZ-head');
    const groupId = await insertWorkingGroup(
      t.db,
      {
        name: 'Exhibitions',
        mandate: 'Plan the exhibitions',
        leadPersonId: kz,
        memberIds: [kz],
        groupChatId: null,
      },
      t.now,
    );
    for (const [title, directionId] of [
      ['Stands for the 2027 exhibition', direction],
      ['Unrelated task', null],
    ] as const)
      await insertTask(
        t.db,
        { groupId, title, description: '', responsiblePersonId: kz, dueDate: '2027-05-01', directionId },
        t.now,
      );
    const related = (await (
      await t.call(await t.signIn('observer'), 'GET', `/api/programs/${programId}/related`)
    ).json()) as {
      decisions: Array<{ title: string; directionIds: number[]; registerNumber: string }>;
      tasks: unknown[];
    };
    expect(related.decisions).toEqual([
      expect.objectContaining({
        title: 'On the exhibition calendar',
        directionIds: [direction],
        registerNumber: '1/2027',
      }),
    ]);
    expect(related.tasks).toEqual([
      expect.objectContaining({ title: 'Stands for the 2027 exhibition', directionId: direction }),
    ]);
    expect((await t.call(secretary, 'GET', '/api/programs/999/related')).status).toBe(404);
  });
});
