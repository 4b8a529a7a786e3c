import {
  type ActivityRecord,
  type Database,
  deleteActivity,
  findActivity,
  findProgram,
  insertActivity,
  type Kysely,
  listActivities,
  listPeople,
  type ProgramRecord,
  updateActivity,
} from '@accord/db';
import {
  type ActivityWarning,
  type activityInputSchema,
  atRiskActivities,
  checkActivity,
  overdueActivities,
  type Person,
  rolledUpProgress,
} from '@accord/domain';
import type { z } from 'zod';
import { type ApiErrorBody, errorBody } from '../errors';
import { auditByPerson, beforeAfter } from './audit';
import { type RowError, readActivitiesCsv } from './program-csv';

type Db = Kysely<Database>;
type Outcome<T> = { ok: true; value: T } | { ok: false; status: 400 | 404; body: ApiErrorBody };

const refuse = (status: 400 | 404, code: string, message: string, details?: unknown): Outcome<never> => ({
  ok: false,
  status,
  body: errorBody(code, message, details),
});

/** What the secretary asks of a program: progress overall and by direction, what is overdue and at risk. */
export function programSummary(program: ProgramRecord, activities: readonly ActivityRecord[], today: string) {
  return {
    progress: rolledUpProgress(activities),
    byDirection: program.directions.map((d) => ({
      directionId: d.id,
      progress: rolledUpProgress(activities.filter((a) => a.directionId === d.id)),
      count: activities.filter((a) => a.directionId === d.id).length,
    })),
    overdue: overdueActivities(activities, today).map((a) => a.id),
    atRisk: atRiskActivities(activities, today).map((a) => a.id),
  };
}

/**
 * Creates (`activityId` null) or changes an activity after the domain's checks: its direction
 * belongs to the program, its people exist, its dates, milestones and dependencies hold.
 * Warnings (a dependency ending after this starts) go back with the saved activity.
 */
export async function saveActivity(
  db: Db,
  programId: number,
  activityId: number | null,
  input: z.output<typeof activityInputSchema>,
  actor: Person,
  now: string,
): Promise<Outcome<{ activity: ActivityRecord; warnings: ActivityWarning[] }>> {
  const program = await findProgram(db, programId);
  if (!program) return refuse(404, 'NotFound', 'No such program');
  const before = activityId === null ? null : await findActivity(db, programId, activityId);
  if (activityId !== null && !before) return refuse(404, 'NotFound', 'No such activity in this program');
  if (!program.directions.some((d) => d.id === input.directionId))
    return refuse(400, 'validation_failed', 'The activity is not valid', [
      { path: 'directionId', message: 'is not a direction of this program' },
    ]);
  const people = new Set((await listPeople(db)).filter((p) => p.active).map((p) => p.id));
  const unknown = input.responsiblePersonIds.filter((id) => !people.has(id));
  if (unknown.length > 0)
    return refuse(400, 'validation_failed', 'The activity is not valid', [
      { path: 'responsiblePersonIds', message: `no active person ${unknown.join(', ')}` },
    ]);
  const others = await listActivities(db, programId);
  const { issues, warnings } = checkActivity(program, { id: activityId ?? 0, ...input }, others);
  if (issues.length > 0)
    return refuse(
      400,
      'validation_failed',
      'The activity is not valid',
      issues.map((issue) => ({
        path: issue.code === 'MilestoneOutsideActivity' ? `milestones.${issue.index}.date` : issue.field,
        message: issue.code,
        ...('cycle' in issue ? { cycle: issue.cycle } : {}),
      })),
    );
  const id = await db.transaction().execute(async (trx) => {
    let savedId = activityId;
    if (savedId === null) savedId = await insertActivity(trx, programId, input, now);
    else await updateActivity(trx, programId, savedId, input, now);
    await auditByPerson(trx, actor, now, {
      action: activityId === null ? 'activity.create' : 'activity.update',
      recordType: 'activity',
      recordId: savedId,
      ...beforeAfter(before ?? null, input),
    });
    return savedId;
  });
  const activity = await findActivity(db, programId, id);
  if (!activity) throw new Error(`activity ${id} vanished after saving`);
  return { ok: true, value: { activity, warnings } };
}

/** Deletes an activity (and the dependencies on it), audited with what it was. */
export async function removeActivity(
  db: Db,
  programId: number,
  activityId: number,
  actor: Person,
  now: string,
): Promise<Outcome<true>> {
  const before = await findActivity(db, programId, activityId);
  if (!before) return refuse(404, 'NotFound', 'No such activity in this program');
  await db.transaction().execute(async (trx) => {
    await deleteActivity(trx, programId, activityId);
    await auditByPerson(trx, actor, now, {
      action: 'activity.delete',
      recordType: 'activity',
      recordId: activityId,
      ...beforeAfter(before, null),
    });
  });
  return { ok: true, value: true };
}

/** Imports an activities file whole or not at all: every row is checked before one is written. */
export async function importActivities(
  db: Db,
  program: ProgramRecord,
  csv: string,
  actor: Person,
  now: string,
): Promise<{ ok: true; value: { created: number; updated: number } } | { ok: false; rowErrors: RowError[] }> {
  const existing = await listActivities(db, program.id);
  const read = readActivitiesCsv(program, existing, csv);
  if (!read.ok) return read;
  const people = new Set((await listPeople(db)).filter((p) => p.active).map((p) => p.id));
  const rowErrors: RowError[] = read.rows.flatMap((row) => {
    const unknown = row.input.responsiblePersonIds.filter((id) => !people.has(id));
    return unknown.length > 0
      ? [
          {
            line: row.line,
            errors: [
              {
                column: 'responsible_person_ids',
                code: 'unknown_person',
                message: `no active person ${unknown.join(', ')}`,
              },
            ],
          },
        ]
      : [];
  });
  if (rowErrors.length > 0) return { ok: false, rowErrors };
  const before = new Map(existing.map((a) => [a.id, a]));
  let created = 0;
  await db.transaction().execute(async (trx) => {
    for (const row of read.rows) {
      const id = row.id ?? (await insertActivity(trx, program.id, row.input, now));
      if (row.id === null) created += 1;
      else await updateActivity(trx, program.id, row.id, row.input, now);
      await auditByPerson(trx, actor, now, {
        action: row.id === null ? 'activity.create' : 'activity.update',
        recordType: 'activity',
        recordId: id,
        ...beforeAfter(row.id === null ? null : (before.get(row.id) ?? null), {
          ...row.input,
          source: 'csv-import',
        }),
      });
    }
  });
  return { ok: true, value: { created, updated: read.rows.length - created } };
}
