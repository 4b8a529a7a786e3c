import { findMeetingById, listMeetings } from '@accord/db';
import { idParamSchema, type Meeting, meetingInputSchema, utcToLocal } from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { meetingAttendance } from '../services/attendance';
import {
  cancelMeeting,
  createMeeting,
  editMeeting,
  type MeetingServiceError,
  notifyMeeting,
} from '../services/meetings';
import { validate } from '../validate';

/** A meeting as the dashboard shows and edits it: UTC instants plus the wall-clock times in its zone. */
const meetingView = (m: Meeting) => ({
  ...m,
  startsLocal: utcToLocal(m.startsAt, m.timeZone),
  endsLocal: utcToLocal(m.endsAt, m.timeZone),
});

const failureStatus = (error: MeetingServiceError) =>
  error === 'NotFound' ? 404 : error === 'EndsBeforeStart' ? 400 : 409;
const failureMessage: Record<MeetingServiceError, string> = {
  NotFound: 'No such meeting',
  EditConflict: 'Someone else changed this meeting meanwhile; reload and try again',
  EndsBeforeStart: 'The meeting must end after it starts',
  MeetingCancelled: 'The meeting is cancelled',
  AlreadyNotified: 'The notice has already been sent',
  NotNotified: 'The notice has not been sent yet',
  MeetingInPast: 'The meeting is over',
  MeetingOver: 'The meeting is over',
  NothingChanged: 'Nothing changed',
};
const failure = (error: MeetingServiceError) => errorBody(error, failureMessage[error]);

export const meetingsRoutes = new Hono<AppEnv>()
  .get('/', authorize('meetings.read'), async (c) => {
    const meetings = await listMeetings(c.var.deps.db);
    return c.json({ meetings: meetings.map(meetingView) }, 200);
  })
  .post('/', authorize('meetings.write'), validate('json', meetingInputSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const meeting = await createMeeting(db, c.req.valid('json'), signedIn(c), clock().toISOString());
    return c.json({ meeting: meetingView(meeting) }, 201);
  })
  .get('/:id', authorize('meetings.read'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.var.deps;
    const meeting = await findMeetingById(db, c.req.valid('param').id);
    if (!meeting) return c.json(failure('NotFound'), 404);
    const attendance = await meetingAttendance(db, meeting.id, clock().toISOString());
    return c.json({ meeting: meetingView(meeting), attendance }, 200);
  })
  .put(
    '/:id',
    authorize('meetings.write'),
    validate('param', idParamSchema),
    validate('json', meetingInputSchema),
    async (c) => {
      const { db, clock, onOutboxChange } = c.var.deps;
      const result = await editMeeting(
        db,
        c.req.valid('param').id,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(failure(result.error), failureStatus(result.error));
      onOutboxChange?.();
      return c.json({ meeting: meetingView(result.value) }, 200);
    },
  )
  .post('/:id/notify', authorize('meetings.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock, onOutboxChange } = c.var.deps;
    const result = await notifyMeeting(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(failure(result.error), failureStatus(result.error));
    onOutboxChange?.();
    return c.json({ meeting: meetingView(result.value.meeting), queued: result.value.queued }, 200);
  })
  .post('/:id/cancel', authorize('meetings.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock, onOutboxChange } = c.var.deps;
    const result = await cancelMeeting(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(failure(result.error), failureStatus(result.error));
    onOutboxChange?.();
    return c.json({ meeting: meetingView(result.value) }, 200);
  });
