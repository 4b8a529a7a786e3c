import { currentSignOffSubject, listSignOffs, type SignOffRequestError, sendForSignOff } from '@accord/db';
import {
  type Action,
  type SignOffKind,
  signOffItemParamSchema,
  signOffShownAs,
  signOffStanding,
} from '@accord/domain';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { validate } from '../validate';

const refusals: Record<Exclude<SignOffRequestError, 'NotFound'>, string> = {
  NotSupported: 'This kind of item does not need the chairman’s sign-off (the commission’s settings)',
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
    signOffs: signOffs.map((s) => ({ ...s, shownAs: signOffShownAs(s, subject.contentHash) })),
  };
}

const notFound: Record<SignOffKind, string> = {
  report: 'No such report',
  agenda: 'No such meeting',
  draft: 'No such draft',
};

/** The history of one item's sign-offs. */
async function showSignOffs(c: Context<AppEnv>, kind: SignOffKind, id: number) {
  const view = await signOffView(c.get('deps'), kind, id);
  if (!view) return c.json(errorBody('NotFound', notFound[kind]), 404);
  return c.json(view, 200);
}

/** Sends one item's current version for the chairman's sign-off. */
async function sendSignOff(c: Context<AppEnv>, kind: SignOffKind, id: number) {
  const deps = c.get('deps');
  const now = deps.clock().toISOString();
  const actor = signedIn(c);
  const sent = await deps.db
    .transaction()
    .execute((trx) => sendForSignOff(trx, kind, id, { personId: actor.id, kind: 'person' }, now));
  if (!sent.ok) {
    if (sent.error === 'NotFound') return c.json(errorBody('NotFound', notFound[kind]), 404);
    return c.json(errorBody(sent.error, refusals[sent.error]), 409);
  }
  deps.onOutboxChange?.();
  const view = await signOffView(deps, kind, id);
  return c.json({ ...view, requested: sent.value }, 201);
}

/** Who may read an item's sign-offs and who may send it, per kind. */
const ACTIONS_FOR: Record<SignOffKind, { read: Action; send: Action }> = {
  report: { read: 'reports.read', send: 'reports.send-for-approval' },
  agenda: { read: 'meetings.read', send: 'meetings.send-for-approval' },
  draft: { read: 'drafts.read', send: 'drafts.send-for-approval' },
};

/**
 * The chairman's sign-off, one mechanism for every kind of item (its own router rather than a
 * route under each item: the request, the history and the answer are the same for all of them).
 * Each kind has its own paths only so that each is guarded by its own action; the chairman answers
 * in Telegram.
 */
export const signOffsRoutes = new Hono<AppEnv>()
  .get('/report/:id', authorize(ACTIONS_FOR.report.read), validate('param', signOffItemParamSchema), (c) =>
    showSignOffs(c, 'report', c.req.valid('param').id),
  )
  .post('/report/:id', authorize(ACTIONS_FOR.report.send), validate('param', signOffItemParamSchema), (c) =>
    sendSignOff(c, 'report', c.req.valid('param').id),
  )
  .get('/agenda/:id', authorize(ACTIONS_FOR.agenda.read), validate('param', signOffItemParamSchema), (c) =>
    showSignOffs(c, 'agenda', c.req.valid('param').id),
  )
  .post('/agenda/:id', authorize(ACTIONS_FOR.agenda.send), validate('param', signOffItemParamSchema), (c) =>
    sendSignOff(c, 'agenda', c.req.valid('param').id),
  )
  .get('/draft/:id', authorize(ACTIONS_FOR.draft.read), validate('param', signOffItemParamSchema), (c) =>
    showSignOffs(c, 'draft', c.req.valid('param').id),
  )
  .post('/draft/:id', authorize(ACTIONS_FOR.draft.send), validate('param', signOffItemParamSchema), (c) =>
    sendSignOff(c, 'draft', c.req.valid('param').id),
  );
