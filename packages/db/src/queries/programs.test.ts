import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { type ActivityFields, insertActivity, insertProgram, listActivities } from './programs';

const now = '2027-03-01T09:00:00.000Z';
let db: Kysely<Database>;

beforeEach(async () => {
  db = await openTestDatabase();
  await db
    .insertInto('member_states')
    .values([
      { code: 'RU', name_ru: 'Россия', name_en: 'Russia', time_zone: 'Europe/Moscow', sort_order: 1 },
      { code: 'BY', name_ru: 'Беларусь', name_en: 'Belarus', time_zone: 'Europe/Minsk', sort_order: 2 },
    ])
    .execute();
});
afterEach(() => db.destroy());

async function program(code: string) {
  const id = await insertProgram(
    db,
    { code, titleRu: code, titleEn: code, periodStart: '2027-01-01', periodEnd: '2030-12-31', goals: '' },
    [{ titleRu: 'Направление', titleEn: 'Direction' }],
  );
  const direction = await db
    .selectFrom('program_directions')
    .select('id')
    .where('program_id', '=', id)
    .executeTakeFirstOrThrow();
  return { id, directionId: direction.id };
}

const activity = (directionId: number, fields: Partial<ActivityFields>): ActivityFields => ({
  title: 'Activity',
  description: '',
  directionId,
  leadState: 'RU',
  participatingStates: ['BY'],
  responsiblePersonIds: [],
  start: '2027-02-01',
  end: '2027-06-30',
  status: 'planned',
  progress: 0,
  milestones: [],
  dependsOn: [],
  ...fields,
});

describe('listActivities', () => {
  it("reads a program's activities by start date, each with its own milestones and dependencies only", async () => {
    const a = await program('program-a');
    const b = await program('program-b');
    const later = await insertActivity(
      db,
      a.id,
      activity(a.directionId, {
        title: 'Later',
        start: '2027-05-01',
        milestones: [
          { id: 0, title: 'Second', date: '2027-06-01', reachedAt: null },
          { id: 0, title: 'First', date: '2027-05-15', reachedAt: now },
        ],
      }),
      now,
    );
    const earlier = await insertActivity(db, a.id, activity(a.directionId, { title: 'Earlier' }), now);
    const dependant = await insertActivity(
      db,
      a.id,
      activity(a.directionId, {
        title: 'Dependant',
        start: '2027-07-01',
        end: '2027-09-30',
        dependsOn: [later, earlier],
      }),
      now,
    );
    const other = await insertActivity(
      db,
      b.id,
      activity(b.directionId, {
        title: 'Elsewhere',
        milestones: [{ id: 0, title: 'Not A', date: '2027-03-01', reachedAt: null }],
      }),
      now,
    );
    await db
      .insertInto('activity_dependencies')
      .values({ activity_id: other, depends_on_id: later })
      .execute();

    const listed = await listActivities(db, a.id);
    expect(listed.map((x) => [x.id, x.title, x.programId])).toEqual([
      [earlier, 'Earlier', a.id],
      [later, 'Later', a.id],
      [dependant, 'Dependant', a.id],
    ]);
    expect(listed[1]?.milestones.map((m) => [m.title, m.reachedAt])).toEqual([
      ['First', now],
      ['Second', null],
    ]);
    expect(listed[0]?.milestones).toEqual([]);
    expect([...(listed[2]?.dependsOn ?? [])].sort()).toEqual([later, earlier].sort());
    expect(listed[1]?.dependsOn).toEqual([]);
    expect(listed[0]).toMatchObject({
      participatingStates: ['BY'],
      responsiblePersonIds: [],
      updatedAt: now,
    });

    const [alone] = await listActivities(db, b.id, other);
    expect(alone?.milestones.map((m) => m.title)).toEqual(['Not A']);
    expect(alone?.dependsOn).toEqual([later]);
  });

  it('reads one activity with only its own parts, and nothing for an activity of another program', async () => {
    const a = await program('program-a');
    const b = await program('program-b');
    const first = await insertActivity(
      db,
      a.id,
      activity(a.directionId, {
        milestones: [{ id: 0, title: 'Mine', date: '2027-03-01', reachedAt: null }],
      }),
      now,
    );
    const second = await insertActivity(
      db,
      a.id,
      activity(a.directionId, {
        milestones: [{ id: 0, title: 'Theirs', date: '2027-04-01', reachedAt: null }],
        dependsOn: [first],
      }),
      now,
    );
    const [one] = await listActivities(db, a.id, first);
    expect(one?.milestones.map((m) => m.title)).toEqual(['Mine']);
    expect(one?.dependsOn).toEqual([]);
    const [two] = await listActivities(db, a.id, second);
    expect(two?.milestones.map((m) => m.title)).toEqual(['Theirs']);
    expect(two?.dependsOn).toEqual([first]);
    expect(await listActivities(db, b.id, first)).toEqual([]);
  });
});
