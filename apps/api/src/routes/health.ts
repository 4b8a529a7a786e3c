import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../env';
import { publicRoute } from '../middleware/authorize';

export const healthRoutes = new Hono<AppEnv>().get(
  '/',
  publicRoute('a load balancer’s liveness probe'),
  async (c) => {
    await sql`select 1`.execute(c.get('deps').db);
    return c.json({ status: 'ok' }, 200);
  },
);
