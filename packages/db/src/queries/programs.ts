import {
  type Activity,
  type ActivityStatus,
  type MemberStateCode,
  type Milestone,
  statusAfterProgress,
} from '@accord/domain';
import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

export interface ProgramRecord {
  id: number;
  code: string;
  titleRu: string;
  titleEn: string;
  periodStart: string;
  periodEnd: string;
  goals: string;
  revision: number;
  baselineSavedAt: string | null;
  directions: Array<{ id: number; position: number; titleRu: string; titleEn: string }>;
}

export interface ActivityRecord extends Activity {
  programId: number;
  description: string;
  updatedAt: string;
}

export type ActivityFields = Omit<ActivityRecord, 'id' | 'programId' | 'updatedAt'>;

export async function listPrograms(db: Db): Promise<ProgramRecord[]> {
  const [programs, directions] = await Promise.all([
    db.selectFrom('programs').selectAll().orderBy('period_start').execute(),
    db.selectFrom('program_directions').selectAll().orderBy('position').execute(),
  ]);
  return programs.map((p) => ({
    id: p.id,
    code: p.code,
    titleRu: p.title_ru,
    titleEn: p.title_en,
    periodStart: p.period_start,
    periodEnd: p.period_end,
    goals: p.goals,
    revision: p.revision,
    baselineSavedAt: p.baseline_saved_at,
    directions: directions
      .filter((d) => d.program_id === p.id)
      .map((d) => ({ id: d.id, position: d.position, titleRu: d.title_ru, titleEn: d.title_en })),
  }));
}

export const findProgram = async (db: Db, id: number) => (await listPrograms(db)).find((p) => p.id === id);

export async function insertProgram(
  db: Db,
  p: {
    code: string;
    titleRu: string;
    titleEn: string;
    periodStart: string;
    periodEnd: string;
    goals: string;
  },
  directions: ReadonlyArray<{ titleRu: string; titleEn: string }>,
): Promise<number> {
  const { id } = await db
    .insertInto('programs')
    .values({
      code: p.code,
      title_ru: p.titleRu,
      title_en: p.titleEn,
      period_start: p.periodStart,
      period_end: p.periodEnd,
      goals: p.goals,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (directions.length > 0)
    await db
      .insertInto('program_directions')
      .values(
        directions.map((d, i) => ({
          program_id: id,
          position: i + 1,
          title_ru: d.titleRu,
          title_en: d.titleEn,
        })),
      )
      .execute();
  return id;
}

/** Changes a program's own fields; its revision moves, so cached copies are refreshed. */
export async function updateProgram(
  db: Db,
  id: number,
  p: { titleRu: string; titleEn: string; periodStart: string; periodEnd: string; goals: string },
): Promise<void> {
  await db
    .updateTable('programs')
    .set((eb) => ({
      title_ru: p.titleRu,
      title_en: p.titleEn,
      period_start: p.periodStart,
      period_end: p.periodEnd,
      goals: p.goals,
      revision: eb('revision', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function addDirection(db: Db, programId: number, d: { titleRu: string; titleEn: string }) {
  const last = await db
    .selectFrom('program_directions')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('program_id', '=', programId)
    .executeTakeFirst();
  const { id } = await db
    .insertInto('program_directions')
    .values({
      program_id: programId,
      position: (last?.position ?? 0) + 1,
      title_ru: d.titleRu,
      title_en: d.titleEn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await bumpRevision(db, programId);
  return id;
}

export const bumpRevision = (db: Db, programId: number) =>
  db
    .updateTable('programs')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', programId)
    .execute();

/**
 * A program's activities with their milestones and dependencies, by start date; or just one. The
 * parts are read by the program (or the one activity), not by a list of the activities' ids: that
 * list made a statement as long as the program, prepared afresh on every read.
 */
export async function listActivities(db: Db, programId: number, id?: number): Promise<ActivityRecord[]> {
  let query = db
    .selectFrom('activities')
    .select([
      'id',
      'title',
      'description',
      'direction_id',
      'lead_state',
      'participating_states',
      'responsible_person_ids',
      'start_date',
      'end_date',
      'status',
      'progress',
      'updated_at',
    ])
    .where('program_id', '=', programId);
  if (id !== undefined) query = query.where('id', '=', id);
  const rows = await query.orderBy('start_date').orderBy('id').execute();
  if (rows.length === 0) return [];
  const [milestones, dependencies] = await Promise.all([
    db
      .selectFrom('milestones')
      .innerJoin('activities', 'activities.id', 'milestones.activity_id')
      .select([
        'milestones.id',
        'milestones.activity_id',
        'milestones.title',
        'milestones.date',
        'milestones.reached_at',
      ])
      .where('activities.program_id', '=', programId)
      .$if(id !== undefined, (q) => q.where('milestones.activity_id', '=', id ?? 0))
      .orderBy('milestones.date')
      .execute(),
    db
      .selectFrom('activity_dependencies')
      .innerJoin('activities', 'activities.id', 'activity_dependencies.activity_id')
      .select(['activity_dependencies.activity_id', 'activity_dependencies.depends_on_id'])
      .where('activities.program_id', '=', programId)
      .$if(id !== undefined, (q) => q.where('activity_dependencies.activity_id', '=', id ?? 0))
      .execute(),
  ]);
  const milestonesOf = new Map<number, Milestone[]>();
  for (const m of milestones) {
    const list = milestonesOf.get(m.activity_id);
    const milestone = { id: m.id, title: m.title, date: m.date, reachedAt: m.reached_at };
    if (list) list.push(milestone);
    else milestonesOf.set(m.activity_id, [milestone]);
  }
  const dependsOn = new Map<number, number[]>();
  for (const d of dependencies) {
    const list = dependsOn.get(d.activity_id);
    if (list) list.push(d.depends_on_id);
    else dependsOn.set(d.activity_id, [d.depends_on_id]);
  }
  return rows.map((r) => ({
    id: r.id,
    programId,
    title: r.title,
    description: r.description,
    directionId: r.direction_id,
    leadState: r.lead_state as MemberStateCode,
    participatingStates: JSON.parse(r.participating_states) as MemberStateCode[],
    responsiblePersonIds: JSON.parse(r.responsible_person_ids) as number[],
    start: r.start_date,
    end: r.end_date,
    status: r.status as ActivityStatus,
    progress: r.progress,
    milestones: milestonesOf.get(r.id) ?? [],
    dependsOn: dependsOn.get(r.id) ?? [],
    updatedAt: r.updated_at,
  }));
}

export const findActivity = async (db: Db, programId: number, id: number) =>
  (await listActivities(db, programId, id))[0];

const columns = (a: ActivityFields) => ({
  direction_id: a.directionId,
  title: a.title,
  description: a.description,
  lead_state: a.leadState,
  participating_states: JSON.stringify(a.participatingStates),
  responsible_person_ids: JSON.stringify(a.responsiblePersonIds),
  start_date: a.start,
  end_date: a.end,
  status: a.status,
  progress: a.progress,
});

async function replaceParts(db: Db, activityId: number, a: Pick<ActivityFields, 'milestones' | 'dependsOn'>) {
  await db.deleteFrom('milestones').where('activity_id', '=', activityId).execute();
  await db.deleteFrom('activity_dependencies').where('activity_id', '=', activityId).execute();
  if (a.milestones.length > 0)
    await db
      .insertInto('milestones')
      .values(
        a.milestones.map((m) => ({
          activity_id: activityId,
          title: m.title,
          date: m.date,
          reached_at: m.reachedAt ?? null,
        })),
      )
      .execute();
  if (a.dependsOn.length > 0)
    await db
      .insertInto('activity_dependencies')
      .values(a.dependsOn.map((id) => ({ activity_id: activityId, depends_on_id: id })))
      .execute();
}

export async function insertActivity(
  db: Db,
  programId: number,
  a: ActivityFields,
  now: string,
): Promise<number> {
  const { id } = await db
    .insertInto('activities')
    .values({ program_id: programId, ...columns(a), created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceParts(db, id, a);
  await bumpRevision(db, programId);
  return id;
}

export async function updateActivity(db: Db, programId: number, id: number, a: ActivityFields, now: string) {
  await db
    .updateTable('activities')
    .set({ ...columns(a), updated_at: now })
    .where('id', '=', id)
    .where('program_id', '=', programId)
    .execute();
  await replaceParts(db, id, a);
  await bumpRevision(db, programId);
}

export async function deleteActivity(db: Db, programId: number, id: number) {
  await db.deleteFrom('activity_baselines').where('activity_id', '=', id).execute();
  await db.deleteFrom('activity_dependencies').where('depends_on_id', '=', id).execute();
  const result = await db
    .deleteFrom('activities')
    .where('id', '=', id)
    .where('program_id', '=', programId)
    .executeTakeFirst();
  await bumpRevision(db, programId);
  return result.numDeletedRows > 0n;
}

/** Saves today's dates of every activity as the program's baseline (the dates first approved). */
export async function saveBaseline(db: Db, programId: number, now: string): Promise<number> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'start_date', 'end_date'])
    .where('program_id', '=', programId)
    .execute();
  for (const r of rows)
    await db
      .insertInto('activity_baselines')
      .values({ activity_id: r.id, start_date: r.start_date, end_date: r.end_date, saved_at: now })
      .onConflict((oc) =>
        oc
          .column('activity_id')
          .doUpdateSet({ start_date: r.start_date, end_date: r.end_date, saved_at: now }),
      )
      .execute();
  await db
    .updateTable('programs')
    .set((eb) => ({ baseline_saved_at: now, revision: eb('revision', '+', 1) }))
    .where('id', '=', programId)
    .execute();
  return rows.length;
}

export async function listBaseline(db: Db, programId: number) {
  const rows = await db
    .selectFrom('activity_baselines')
    .innerJoin('activities', 'activities.id', 'activity_baselines.activity_id')
    .select([
      'activity_baselines.activity_id',
      'activity_baselines.start_date',
      'activity_baselines.end_date',
    ])
    .where('activities.program_id', '=', programId)
    .execute();
  return rows.map((r) => ({ activityId: r.activity_id, start: r.start_date, end: r.end_date }));
}

/** The open activities a person is responsible for, in every program, soonest end first. */
export async function listActivitiesOfPerson(db: Db, personId: number): Promise<ActivityRecord[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['id', 'program_id'])
    .where('status', 'not in', ['done', 'cancelled'])
    .where(
      sql<boolean>`exists (select 1 from json_each(activities.responsible_person_ids) where value = ${personId})`,
    )
    .orderBy('end_date')
    .execute();
  const found: ActivityRecord[] = [];
  for (const r of rows) {
    const activity = await findActivity(db, r.program_id, r.id);
    if (activity) found.push(activity);
  }
  return found;
}

export async function findActivityById(db: Db, id: number): Promise<ActivityRecord | undefined> {
  const row = await db.selectFrom('activities').select('program_id').where('id', '=', id).executeTakeFirst();
  return row && findActivity(db, row.program_id, id);
}

/** Records reported progress; 100 % marks the activity done. */
export async function setActivityProgress(db: Db, activity: ActivityRecord, progress: number, now: string) {
  await db
    .updateTable('activities')
    .set({
      progress,
      updated_at: now,
      status: statusAfterProgress(activity.status, progress),
    })
    .where('id', '=', activity.id)
    .execute();
  await bumpRevision(db, activity.programId);
}

/** Marks a milestone reached once: false when it was reached already. */
export async function markMilestoneReached(
  db: Db,
  activity: ActivityRecord,
  milestoneId: number,
  now: string,
) {
  const result = await db
    .updateTable('milestones')
    .set({ reached_at: now })
    .where('id', '=', milestoneId)
    .where('activity_id', '=', activity.id)
    .where('reached_at', 'is', null)
    .executeTakeFirst();
  await bumpRevision(db, activity.programId);
  return result.numUpdatedRows > 0n;
}
