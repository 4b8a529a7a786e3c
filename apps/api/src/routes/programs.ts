import {
  addDirection,
  findActivity,
  findProgram,
  insertProgram,
  listActivities,
  listAuditEvents,
  listBaseline,
  listDecisions,
  listPrograms,
  listTasks,
  saveBaseline,
  updateProgram,
} from '@accord/db';
import {
  activityInputSchema,
  directionInputSchema,
  formatRegisterNumber,
  idParamSchema,
  planAgainstActual,
  programActivityParamSchema,
  programInputSchema,
  programStateParamSchema,
  programUpdateSchema,
  statePart,
} from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { auditByPerson, beforeAfter } from '../services/audit';
import { activitiesToCsv } from '../services/program-csv';
import { importActivities, programSummary, removeActivity, saveActivity } from '../services/programs';
import { validate } from '../validate';

const noProgram = () => errorBody('NotFound', 'No such program');
const noActivity = () => errorBody('NotFound', 'No such activity in this program');
const today = (now: Date) => now.toISOString().slice(0, 10);

/** Long-term programs, their directions and activities; every change audited and checked by the domain. */
export const programsRoutes = new Hono<AppEnv>()
  .get('/', authorize('programs.read'), async (c) =>
    c.json({ programs: await listPrograms(c.get('deps').db) }, 200),
  )
  .post('/', authorize('programs.write'), validate('json', programInputSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock().toISOString();
    const input = c.req.valid('json');
    const taken = (await listPrograms(db)).some((p) => p.code === input.code);
    if (taken) return c.json(errorBody('CodeTaken', 'A program with this code exists already'), 409);
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertProgram(trx, input, input.directions);
      await auditByPerson(trx, signedIn(c), now, {
        action: 'program.create',
        recordType: 'program',
        recordId: newId,
        ...beforeAfter(null, input),
      });
      return newId;
    });
    return c.json({ program: await findProgram(db, id) }, 201);
  })
  .get('/:id', authorize('programs.read'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const program = await findProgram(db, c.req.valid('param').id);
    if (!program) return c.json(noProgram(), 404);
    // The revision names the program's content; the summary also depends on today's date.
    const etag = `"p${program.id}-r${program.revision}-${today(clock())}"`;
    c.header('ETag', etag);
    c.header('Cache-Control', 'private, no-cache');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    const activities = await listActivities(db, program.id);
    return c.json({ program, activities, summary: programSummary(program, activities, today(clock())) }, 200);
  })
  .put(
    '/:id',
    authorize('programs.write'),
    validate('param', idParamSchema),
    validate('json', programUpdateSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const program = await findProgram(db, c.req.valid('param').id);
      if (!program) return c.json(noProgram(), 404);
      const input = c.req.valid('json');
      const outside = (await listActivities(db, program.id)).filter(
        (a) => a.start < input.periodStart || a.end > input.periodEnd,
      );
      if (outside.length > 0)
        return c.json(
          errorBody(
            'ActivitiesOutsidePeriod',
            'Some activities would fall outside the new period; move them first',
            outside.map((a) => ({ id: a.id, title: a.title })),
          ),
          409,
        );
      await db.transaction().execute(async (trx) => {
        await updateProgram(trx, program.id, input);
        await auditByPerson(trx, signedIn(c), clock().toISOString(), {
          action: 'program.update',
          recordType: 'program',
          recordId: program.id,
          ...beforeAfter(
            {
              titleRu: program.titleRu,
              titleEn: program.titleEn,
              periodStart: program.periodStart,
              periodEnd: program.periodEnd,
              goals: program.goals,
            },
            input,
          ),
        });
      });
      return c.json({ program: await findProgram(db, program.id) }, 200);
    },
  )
  .post(
    '/:id/directions',
    authorize('programs.write'),
    validate('param', idParamSchema),
    validate('json', directionInputSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const program = await findProgram(db, c.req.valid('param').id);
      if (!program) return c.json(noProgram(), 404);
      const input = c.req.valid('json');
      const id = await db.transaction().execute(async (trx) => {
        const newId = await addDirection(trx, program.id, input);
        await auditByPerson(trx, signedIn(c), clock().toISOString(), {
          action: 'program.direction-add',
          recordType: 'program',
          recordId: program.id,
          ...beforeAfter(null, { directionId: newId, ...input }),
        });
        return newId;
      });
      return c.json({ id }, 201);
    },
  )
  .post(
    '/:id/activities',
    authorize('programs.write'),
    validate('param', idParamSchema),
    validate('json', activityInputSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const result = await saveActivity(
        db,
        c.req.valid('param').id,
        null,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(result.body, result.status);
      return c.json(result.value, 201);
    },
  )
  .get(
    '/:id/activities/:activityId',
    authorize('programs.read'),
    validate('param', programActivityParamSchema),
    async (c) => {
      const { db } = c.get('deps');
      const { id, activityId } = c.req.valid('param');
      const activity = await findActivity(db, id, activityId);
      if (!activity) return c.json(noActivity(), 404);
      const history = await listAuditEvents(db, {
        recordType: 'activity',
        recordId: String(activityId),
        limit: 200,
      });
      return c.json({ activity, history }, 200);
    },
  )
  .put(
    '/:id/activities/:activityId',
    authorize('programs.write'),
    validate('param', programActivityParamSchema),
    validate('json', activityInputSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id, activityId } = c.req.valid('param');
      const result = await saveActivity(
        db,
        id,
        activityId,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(result.body, result.status);
      return c.json(result.value, 200);
    },
  )
  .delete(
    '/:id/activities/:activityId',
    authorize('programs.write'),
    validate('param', programActivityParamSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id, activityId } = c.req.valid('param');
      const result = await removeActivity(db, id, activityId, signedIn(c), clock().toISOString());
      if (!result.ok) return c.json(result.body, result.status);
      return c.json({ deleted: true }, 200);
    },
  )
  .get('/:id/activities.csv', authorize('programs.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const program = await findProgram(db, c.req.valid('param').id);
    if (!program) return c.json(noProgram(), 404);
    const csv = activitiesToCsv(program, await listActivities(db, program.id));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${program.code}-activities.csv"`);
    return c.body(csv, 200);
  })
  .post(
    '/:id/activities/import',
    authorize('programs.write'),
    validate('param', idParamSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const program = await findProgram(db, c.req.valid('param').id);
      if (!program) return c.json(noProgram(), 404);
      const result = await importActivities(
        db,
        program,
        await c.req.text(),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok)
        return c.json(
          errorBody(
            'import_refused',
            'Nothing was imported: fix the rows listed and send the file again',
            result.rowErrors,
          ),
          400,
        );
      return c.json(result.value, 200);
    },
  )
  .post('/:id/baseline', authorize('programs.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const program = await findProgram(db, c.req.valid('param').id);
    if (!program) return c.json(noProgram(), 404);
    const now = clock().toISOString();
    const saved = await db.transaction().execute(async (trx) => {
      const count = await saveBaseline(trx, program.id, now);
      await auditByPerson(trx, signedIn(c), now, {
        action: 'program.baseline',
        recordType: 'program',
        recordId: program.id,
        ...beforeAfter(
          { baselineSavedAt: program.baselineSavedAt },
          { baselineSavedAt: now, activities: count },
        ),
      });
      return count;
    });
    return c.json({ saved, at: now }, 200);
  })
  .get('/:id/related', authorize('programs.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const program = await findProgram(db, c.req.valid('param').id);
    if (!program) return c.json(noProgram(), 404);
    // What else serves the program's directions: adopted decisions and working groups' tasks.
    const directionIds = new Set(program.directions.map((d) => d.id));
    const decisions = (await listDecisions(db))
      .filter((d) => d.directionIds.some((id) => directionIds.has(id)))
      .map((d) => ({
        id: d.id,
        registerNumber: formatRegisterNumber(d),
        title: d.title,
        adoptedAt: d.adoptedAt,
        directionIds: d.directionIds.filter((id) => directionIds.has(id)),
      }));
    const tasks = (await listTasks(db))
      .filter((t) => t.directionId !== null && directionIds.has(t.directionId))
      .map((t) => ({
        id: t.id,
        groupId: t.groupId,
        title: t.title,
        dueDate: t.dueDate,
        status: t.status,
        directionId: t.directionId,
      }));
    return c.json({ decisions, tasks }, 200);
  })
  .get('/:id/plan-vs-actual', authorize('programs.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const program = await findProgram(db, c.req.valid('param').id);
    if (!program) return c.json(noProgram(), 404);
    const comparison = planAgainstActual(
      await listBaseline(db, program.id),
      await listActivities(db, program.id),
    );
    return c.json({ baselineSavedAt: program.baselineSavedAt, comparison }, 200);
  })
  .get(
    '/:id/states/:code',
    authorize('programs.read'),
    validate('param', programStateParamSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id, code } = c.req.valid('param');
      const program = await findProgram(db, id);
      if (!program) return c.json(noProgram(), 404);
      const part = statePart(await listActivities(db, program.id), code, today(clock()));
      return c.json(part, 200);
    },
  );
