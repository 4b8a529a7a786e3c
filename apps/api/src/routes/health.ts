import { Hono } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from '../env';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  await sql`select 1`.execute(c.var.deps.db);
  return c.json({ status: 'ok' }, 200);
});
