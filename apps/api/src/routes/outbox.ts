import {
  countOutboxByState,
  findOutboxMessage,
  findPersonById,
  listOutbox,
  recordAudit,
  resendFailedMessage,
} from '@accord/db';
import { idParamSchema, outboxListQuerySchema } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { validate } from '../validate';

/** The secretary's view of delivery: what is queued, and what failed for good and why, with a resend. */
export const outboxRoutes = new Hono<AppEnv>()
  .get('/', authorize('outbox.read'), validate('query', outboxListQuerySchema), async (c) => {
    const { db } = c.get('deps');
    const { state } = c.req.valid('query');
    const [rows, counts] = await Promise.all([
      listOutbox(db, state ? { state } : {}),
      countOutboxByState(db),
    ]);
    const names = new Map<number, string>();
    for (const id of new Set(
      rows.map((r) => r.recipient_person_id).filter((id): id is number => id !== null),
    )) {
      names.set(id, (await findPersonById(db, id))?.name ?? '');
    }
    return c.json(
      {
        counts,
        messages: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          state: r.state,
          recipient:
            r.recipient_person_id === null
              ? `chat ${r.recipient_chat_id}`
              : (names.get(r.recipient_person_id) ?? ''),
          attempts: r.attempts,
          lastError: r.last_error,
          dueAt: r.due_at,
          sentAt: r.sent_at,
          subject: r.subject_type ? { type: r.subject_type, id: r.subject_id } : null,
        })),
      },
      200,
    );
  })
  .post('/:id/resend', authorize('outbox.resend'), validate('param', idParamSchema), async (c) => {
    const { db, clock, onOutboxChange } = c.get('deps');
    const id = c.req.valid('param').id;
    const now = clock().toISOString();
    if (!(await findOutboxMessage(db, id))) return c.json(errorBody('NotFound', 'No such message'), 404);
    const resent = await db.transaction().execute(async (trx) => {
      if (!(await resendFailedMessage(trx, id, now))) return false;
      await recordAudit(trx, {
        at: now,
        actorPersonId: signedIn(c).id,
        actorKind: 'person',
        action: 'outbox.resend',
        recordType: 'outbox',
        recordId: id,
        before: { state: 'failed' },
        after: { state: 'pending' },
      });
      return true;
    });
    if (!resent) return c.json(errorBody('NotFailed', 'Only a message that failed can be resent'), 409);
    onOutboxChange?.();
    return c.json({ id, state: 'pending' }, 200);
  });
