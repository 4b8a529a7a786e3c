import { currentSignOffSubject, listSignOffs, type SignOffRequestError, sendForSignOff } from '@accord/db';
import { type SignOffKind, signOffItemParamSchema, signOffStanding } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { validate } from '../validate';

const refusals: Record<Exclude<SignOffRequestError, 'NotFound'>, string> = {
  NotSupported: 'This kind of item does not need the chairman’s sign-off',
  ReadOnly: 'The item has been approved: it can no longer change',
  AlreadyAwaiting: 'This version is already with the chairman',
  AlreadyApproved: 'This version has already been approved',
};

/** An item's sign-offs, oldest first (superseded ones included), and where it stands now. */
async function signOffView(deps: AppEnv['Variables']['deps'], kind: SignOffKind, itemId: number) {
  const [subject, signOffs] = await Promise.all([
    currentSignOffSubject(deps.db, kind, itemId),
    listSignOffs(deps.db, kind, itemId),
  ]);
  if (!subject) return null;
  return {
    item: { kind, itemId, version: subject.version, contentHash: subject.contentHash },
    standing: signOffStanding(signOffs, subject.contentHash).kind,
    signOffs,
  };
}

/**
 * The chairman's sign-off, one mechanism for every kind of item (its own router rather than a
 * route under each item: the request, the history and the answer are the same for all of them).
 * Each kind has its own paths only so that each is guarded by its own action; the chairman answers
 * in Telegram.
 */
export const signOffsRoutes = new Hono<AppEnv>()
  .get('/report/:id', authorize('reports.read'), validate('param', signOffItemParamSchema), async (c) => {
    const { id } = c.req.valid('param');
    const view = await signOffView(c.get('deps'), 'report', id);
    if (!view) return c.json(errorBody('NotFound', 'No such report'), 404);
    return c.json(view, 200);
  })
  .post(
    '/report/:id',
    authorize('reports.send-for-approval'),
    validate('param', signOffItemParamSchema),
    async (c) => {
      const deps = c.get('deps');
      const now = deps.clock().toISOString();
      const actor = signedIn(c);
      const { id } = c.req.valid('param');
      const sent = await deps.db
        .transaction()
        .execute((trx) => sendForSignOff(trx, 'report', id, { personId: actor.id, kind: 'person' }, now));
      if (!sent.ok) {
        if (sent.error === 'NotFound') return c.json(errorBody('NotFound', 'No such report'), 404);
        return c.json(errorBody(sent.error, refusals[sent.error]), 409);
      }
      const view = await signOffView(deps, 'report', id);
      return c.json({ ...view, requested: sent.value }, 201);
    },
  );
