import { findCalendarFeedOwner, listActivitiesOfPerson, rotateCalendarFeed } from '@accord/db';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, publicRoute, signedIn } from '../middleware/authorize';
import { activitiesCalendar } from '../services/program-calendar';
import { validate } from '../validate';

const feedParamSchema = z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{32}\.ics$/) });

/**
 * Calendar subscriptions: each person's own program milestones and deadlines. A calendar app
 * cannot sign in, so the address carries a secret (stored hashed); asking for a new one ends the old.
 */
export const calendarRoutes = new Hono<AppEnv>()
  .post('/feed', authorize('programs.read'), async (c) => {
    const { db, clock } = c.get('deps');
    const token = await rotateCalendarFeed(db, signedIn(c).id, 'person', clock().toISOString());
    return c.json({ url: new URL(`/api/calendar/${token}.ics`, c.req.url).toString() }, 201);
  })
  .get(
    '/:file',
    publicRoute('a calendar app fetches it; the secret in the address is the credential'),
    validate('param', feedParamSchema),
    async (c) => {
      const { db } = c.get('deps');
      const token = c.req.valid('param').file.slice(0, -'.ics'.length);
      const personId = await findCalendarFeedOwner(db, token);
      if (personId === null) return c.json(errorBody('NotFound', 'No such calendar'), 404);
      const calendar = activitiesCalendar(await listActivitiesOfPerson(db, personId), 'accord');
      c.header('Content-Type', 'text/calendar; charset=utf-8');
      c.header('Cache-Control', 'private, max-age=300');
      return c.body(calendar, 200);
    },
  );
