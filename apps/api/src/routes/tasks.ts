import { extensionDecisionSchema, idParamSchema, taskUpdateSchema } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { authorize, signedIn } from '../middleware/authorize';
import { decideExtensionRequest, editTask } from '../services/working-groups';
import { validate } from '../validate';
import { groupFailure } from './group-failures';

/** Editing a task (its date, its person, cancelling it) and deciding on a request for more time. */
export const tasksRoutes = new Hono<AppEnv>().patch(
  '/:id',
  authorize('groups.write'),
  validate('param', idParamSchema),
  validate('json', taskUpdateSchema),
  async (c) => {
    const { db, clock, onOutboxChange } = c.get('deps');
    const result = await editTask(
      db,
      c.req.valid('param').id,
      c.req.valid('json'),
      signedIn(c),
      clock().toISOString(),
    );
    if (!result.ok) return c.json(...groupFailure(result.error));
    onOutboxChange?.();
    return c.json({ id: c.req.valid('param').id }, 200);
  },
);

export const extensionRequestsRoutes = new Hono<AppEnv>().post(
  '/:id/decision',
  authorize('extensions.decide'),
  validate('param', idParamSchema),
  validate('json', extensionDecisionSchema),
  async (c) => {
    const { db, clock, onOutboxChange } = c.get('deps');
    const { decision, note } = c.req.valid('json');
    const result = await decideExtensionRequest(
      db,
      c.req.valid('param').id,
      decision,
      note,
      signedIn(c),
      clock().toISOString(),
    );
    if (!result.ok) return c.json(...groupFailure(result.error));
    onOutboxChange?.();
    return c.json({ id: c.req.valid('param').id, status: decision }, 200);
  },
);
