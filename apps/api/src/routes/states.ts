import { listMemberStates } from '@accord/db';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { authorize } from '../middleware/authorize';

export const statesRoutes = new Hono<AppEnv>().get('/', authorize('states.read'), async (c) =>
  c.json({ states: await listMemberStates(c.get('deps').db) }, 200),
);
