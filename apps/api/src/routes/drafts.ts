import {
  findDraft,
  insertDraft,
  listBallotSummaries,
  listDraftChoices,
  listDrafts,
  listDraftVersions,
  saveDraftVersion,
  setDraftStatus,
  supersedeChangedSignOff,
} from '@accord/db';
import {
  decideDraftEdit,
  decideWithdraw,
  diffQuerySchema,
  diffVersions,
  draftEditSchema,
  draftInputSchema,
  idParamSchema,
} from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { auditByPerson, beforeAfter } from '../services/audit';
import { validate } from '../validate';

const notFound = () => errorBody('NotFound', 'No such draft');

/** Draft recommendations and decisions: every saved edit is a version; the history shows what changed. */
export const draftsRoutes = new Hono<AppEnv>()
  .get('/', authorize('drafts.read'), async (c) =>
    c.json({ drafts: await listDrafts(c.get('deps').db) }, 200),
  )
  .post('/', authorize('drafts.write'), validate('json', draftInputSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock().toISOString();
    const actor = signedIn(c);
    const input = c.req.valid('json');
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertDraft(trx, input, actor.id, now);
      await auditByPerson(trx, actor, now, {
        action: 'draft.create',
        recordType: 'draft',
        recordId: newId,
        ...beforeAfter(null, input),
      });
      return newId;
    });
    return c.json({ draft: await findDraft(db, id) }, 201);
  })
  // Before `/:id`: what the draft form offers to tie a draft to.
  .get('/choices', authorize('drafts.read'), async (c) =>
    c.json(await listDraftChoices(c.get('deps').db), 200),
  )
  .get('/:id', authorize('drafts.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const draft = await findDraft(db, c.req.valid('param').id);
    if (!draft) return c.json(notFound(), 404);
    return c.json(
      {
        draft,
        versions: await listDraftVersions(db, draft.id),
        ballots: await listBallotSummaries(db, draft.id),
      },
      200,
    );
  })
  .put(
    '/:id',
    authorize('drafts.write'),
    validate('param', idParamSchema),
    validate('json', draftEditSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const now = clock().toISOString();
      const actor = signedIn(c);
      const draft = await findDraft(db, c.req.valid('param').id);
      if (!draft) return c.json(notFound(), 404);
      const next = c.req.valid('json');
      const decision = decideDraftEdit(
        draft.status,
        { version: draft.currentVersion, title: draft.title, text: draft.text },
        next,
      );
      if (!decision.ok)
        return c.json(
          errorBody(
            decision.error,
            decision.error === 'DraftLocked'
              ? 'The draft is in a ballot or decided: its text can no longer change'
              : 'Nothing changed',
          ),
          409,
        );
      const saved = await db.transaction().execute(async (trx) => {
        if (!(await saveDraftVersion(trx, draft.id, draft.currentVersion, next, actor.id, now))) return false;
        // A request about the version before can no longer be answered: the chairman sees it superseded.
        await supersedeChangedSignOff(trx, 'draft', draft.id, now);
        await auditByPerson(trx, actor, now, {
          action: 'draft.version',
          recordType: 'draft',
          recordId: draft.id,
          ...beforeAfter(
            { version: draft.currentVersion },
            { version: decision.value.version, title: next.title },
          ),
        });
        return true;
      });
      if (!saved)
        return c.json(
          errorBody('EditConflict', 'Someone else saved this draft meanwhile; reload and try again'),
          409,
        );
      return c.json({ draft: await findDraft(db, draft.id) }, 200);
    },
  )
  .get(
    '/:id/diff',
    authorize('drafts.read'),
    validate('param', idParamSchema),
    validate('query', diffQuerySchema),
    async (c) => {
      const { db } = c.get('deps');
      const { from, to } = c.req.valid('query');
      const versions = await listDraftVersions(db, c.req.valid('param').id);
      const a = versions.find((v) => v.version === from);
      const b = versions.find((v) => v.version === to);
      if (!a || !b) return c.json(errorBody('NotFound', 'No such draft or version'), 404);
      return c.json(
        { from, to, titleChanged: a.title !== b.title, parts: diffVersions(a.text, b.text) },
        200,
      );
    },
  )
  .post('/:id/withdraw', authorize('drafts.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock().toISOString();
    const actor = signedIn(c);
    const draft = await findDraft(db, c.req.valid('param').id);
    if (!draft) return c.json(notFound(), 404);
    const decision = decideWithdraw(draft.status);
    if (!decision.ok) return c.json(errorBody('DraftClosed', 'The draft has been decided already'), 409);
    const done = await db.transaction().execute(async (trx) => {
      if (!(await setDraftStatus(trx, draft.id, ['draft', 'voting'], 'withdrawn', now))) return false;
      await auditByPerson(trx, actor, now, {
        action: 'draft.withdraw',
        recordType: 'draft',
        recordId: draft.id,
        ...beforeAfter({ status: draft.status }, { status: 'withdrawn' }),
      });
      return true;
    });
    if (!done) return c.json(errorBody('DraftClosed', 'The draft has been decided already'), 409);
    return c.json({ id: draft.id, status: 'withdrawn' }, 200);
  });
