import { fillDemoYear } from '@accord/seeds';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';

const refusals = {
  DemoPresent: 'The demo year is already there: nothing was changed.',
  CommissionInUse:
    'The commission already has meetings, working groups or program activities: the demo year goes only into an empty one.',
} as const;

/** Sandbox mode only: fills the commission with a plausible year (`npm run demo` does the same). */
export const demoRoutes = new Hono<AppEnv>().post('/', authorize('demo.fill'), async (c) => {
  const { db, clock, sandboxMode, onOutboxChange } = c.get('deps');
  if (!sandboxMode) return c.json(errorBody('not_found', 'The demo year exists only in sandbox mode'), 404);
  const filled = await fillDemoYear(db, clock().toISOString(), {
    sandbox: true,
    requestedBy: signedIn(c).id,
  });
  if (!filled.ok) return c.json(errorBody(filled.error, refusals[filled.error]), 409);
  // The coming meetings' notices and the open ballots wait in the outbox.
  onOutboxChange?.();
  return c.json({ filled: filled.value }, 201);
});
