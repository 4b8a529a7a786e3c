import { findWorkingGroup, listExtensionRequests, listTasks, listWorkingGroups } from '@accord/db';
import { idParamSchema, taskInputSchema, workingGroupInputSchema } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { createTask, createWorkingGroup, editWorkingGroup } from '../services/working-groups';
import { validate } from '../validate';
import { groupFailure } from './group-failures';

/** Working groups: mandate, lead, members, optional chat, and their tasks with pending extension requests. */
export const workingGroupsRoutes = new Hono<AppEnv>()
  .get('/', authorize('groups.read'), async (c) => {
    const { db } = c.get('deps');
    const [groups, tasks] = await Promise.all([listWorkingGroups(db), listTasks(db)]);
    return c.json(
      {
        groups: groups.map((g) => ({
          ...g,
          openTasks: tasks.filter((t) => t.groupId === g.id && t.status === 'open').length,
          overdueTasks: tasks.filter(
            (t) =>
              t.groupId === g.id &&
              t.status === 'open' &&
              t.dueDate < c.get('deps').clock().toISOString().slice(0, 10),
          ).length,
        })),
      },
      200,
    );
  })
  .post('/', authorize('groups.write'), validate('json', workingGroupInputSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const result = await createWorkingGroup(db, c.req.valid('json'), signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(...groupFailure(result.error));
    return c.json({ id: result.value }, 201);
  })
  .get('/:id', authorize('groups.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const group = await findWorkingGroup(db, c.req.valid('param').id);
    if (!group) return c.json(errorBody('NotFound', 'No such working group'), 404);
    const tasks = await listTasks(db, { groupId: group.id });
    const extensions = await listExtensionRequests(db, { taskIds: tasks.map((t) => t.id) });
    return c.json({ group, tasks, extensions }, 200);
  })
  .put(
    '/:id',
    authorize('groups.write'),
    validate('param', idParamSchema),
    validate('json', workingGroupInputSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const result = await editWorkingGroup(
        db,
        c.req.valid('param').id,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...groupFailure(result.error));
      return c.json({ id: c.req.valid('param').id }, 200);
    },
  )
  .post(
    '/:id/tasks',
    authorize('groups.write'),
    validate('param', idParamSchema),
    validate('json', taskInputSchema),
    async (c) => {
      const { db, clock, onOutboxChange } = c.get('deps');
      const result = await createTask(
        db,
        c.req.valid('param').id,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...groupFailure(result.error));
      onOutboxChange?.();
      return c.json({ id: result.value }, 201);
    },
  );
