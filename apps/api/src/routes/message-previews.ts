import { findBallot, findMeetingById, findPersonById, findRemindersByIds } from '@accord/db';
import { type MessageIntent, type MessagePreviewQuery, messagePreviewQuerySchema } from '@accord/domain';
import { type Context, Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize } from '../middleware/authorize';
import { validate } from '../validate';

/** The outbox intent a preview stands for, built from the records as they are now; undefined if the subject is gone. */
async function intentFor(c: Context<AppEnv>, query: MessagePreviewQuery): Promise<MessageIntent | undefined> {
  const { db, clock } = c.get('deps');
  const { kind, subjectId } = query;
  switch (kind) {
    case 'meeting-notice':
    case 'meeting-updated':
    case 'meeting-cancelled': {
      const meeting = await findMeetingById(db, subjectId);
      return meeting && { kind, meetingId: meeting.id, version: meeting.version };
    }
    case 'meeting-minutes':
      return (await findMeetingById(db, subjectId)) && { kind, meetingId: subjectId };
    case 'ballot-opened':
    case 'ballot-closed':
      return (await findBallot(db, subjectId)) && { kind, ballotId: subjectId };
    case 'ballot-nudge':
      return (await findBallot(db, subjectId)) && { kind, ballotId: subjectId, at: clock().toISOString() };
    case 'reminder-digest':
      return (await findRemindersByIds(db, [subjectId])).length > 0
        ? { kind, reminderIds: [subjectId], foldedIds: [] }
        : undefined;
  }
}

/**
 * `GET /api/message-previews?personId=&kind=&subjectId=`: how a notice, a ballot or a reminder
 * would look to that person, rendered now by the bot's own renderer; nothing is sent or queued.
 */
export const messagePreviewsRoutes = new Hono<AppEnv>().get(
  '/',
  authorize('sandbox.chats'),
  validate('query', messagePreviewQuerySchema),
  async (c) => {
    const { db, previewMessage } = c.get('deps');
    if (!previewMessage)
      return c.json(
        errorBody('not_found', 'Previews need the bot’s renderers (they run with npm start)'),
        404,
      );
    const query = c.req.valid('query');
    const person = await findPersonById(db, query.personId);
    if (!person) return c.json(errorBody('NotFound', 'No such person'), 404);
    const intent = await intentFor(c, query);
    if (!intent) return c.json(errorBody('NotFound', `No ${query.kind} subject ${query.subjectId}`), 404);
    const preview = await previewMessage(intent, person.id);
    if (!preview.ok) return c.json(errorBody('NotRendered', preview.reason), 409);
    return c.json(
      {
        html: preview.html,
        buttons: preview.buttons,
        document: preview.document ?? null,
      },
      200,
    );
  },
);
