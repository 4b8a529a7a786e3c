import { findMeetingById, findMeetingRecord, listMeetings } from '@accord/db';
import {
  attendanceInputSchema,
  idParamSchema,
  type Meeting,
  type MeetingRecordError,
  meetingInputSchema,
  minutesInputSchema,
  utcToLocal,
} from '@accord/domain';
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { meetingAttendance } from '../services/attendance';
import { holdMeeting, publishMinutes, recordAttendance, writeMinutes } from '../services/meeting-records';
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
  SignOffRequired: 'The agenda needs the chairman’s approval before the notices go out',
  SignOffStale: 'The agenda changed after the chairman saw it: send it for approval again',
};
const failure = (error: MeetingServiceError) => errorBody(error, failureMessage[error]);

const recordFailures: Record<MeetingRecordError | 'NotFound' | 'AlreadyHeld', [string, 400 | 404 | 409]> = {
  NotFound: ['No such meeting', 404],
  NotNotified: ['Only an announced meeting can be held', 409],
  NotStartedYet: ['The meeting has not begun yet', 409],
  NotHeld: ['Mark the meeting held first', 409],
  AlreadyHeld: ['The meeting is marked held already', 409],
  MinutesPublished: ['The minutes were sent to the members: they can no longer change', 409],
  UnknownAgendaItem: ['Each item of the minutes must be an item of the agenda', 400],
};
const recordFailure = (error: keyof typeof recordFailures) =>
  [errorBody(error, recordFailures[error][0]), recordFailures[error][1]] as const;

export const meetingsRoutes = new Hono<AppEnv>()
  .get('/', authorize('meetings.read'), async (c) => {
    const meetings = await listMeetings(c.get('deps').db);
    return c.json({ meetings: meetings.map(meetingView) }, 200);
  })
  .post('/', authorize('meetings.write'), validate('json', meetingInputSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const meeting = await createMeeting(db, c.req.valid('json'), signedIn(c), clock().toISOString());
    return c.json({ meeting: meetingView(meeting) }, 201);
  })
  .get('/:id', authorize('meetings.read'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.get('deps');
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
      const { db, clock, onOutboxChange } = c.get('deps');
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
    const { db, clock, onOutboxChange } = c.get('deps');
    const result = await notifyMeeting(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(failure(result.error), failureStatus(result.error));
    onOutboxChange?.();
    return c.json({ meeting: meetingView(result.value.meeting), queued: result.value.queued }, 200);
  })
  .get('/:id/record', authorize('meetings.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const meeting = await findMeetingById(db, c.req.valid('param').id);
    if (!meeting) return c.json(errorBody('NotFound', 'No such meeting'), 404);
    return c.json({ record: await findMeetingRecord(db, meeting.id) }, 200);
  })
  .post('/:id/held', authorize('meetings.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const result = await holdMeeting(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(...recordFailure(result.error));
    return c.json({ held: true }, 200);
  })
  .put(
    '/:id/attendance',
    authorize('meetings.write'),
    validate('param', idParamSchema),
    validate('json', attendanceInputSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const result = await recordAttendance(
        db,
        c.req.valid('param').id,
        c.req.valid('json').entries,
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...recordFailure(result.error));
      return c.json({ record: await findMeetingRecord(db, c.req.valid('param').id) }, 200);
    },
  )
  .put(
    '/:id/minutes',
    authorize('meetings.write'),
    validate('param', idParamSchema),
    validate('json', minutesInputSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const result = await writeMinutes(
        db,
        c.req.valid('param').id,
        c.req.valid('json'),
        signedIn(c),
        clock().toISOString(),
      );
      if (!result.ok) return c.json(...recordFailure(result.error));
      return c.json({ record: await findMeetingRecord(db, c.req.valid('param').id) }, 200);
    },
  )
  .post('/:id/minutes/publish', authorize('meetings.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock } = c.get('deps');
    const result = await publishMinutes(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(...recordFailure(result.error));
    return c.json({ queued: result.value }, 200);
  })
  .post('/:id/cancel', authorize('meetings.write'), validate('param', idParamSchema), async (c) => {
    const { db, clock, onOutboxChange } = c.get('deps');
    const result = await cancelMeeting(db, c.req.valid('param').id, signedIn(c), clock().toISOString());
    if (!result.ok) return c.json(failure(result.error), failureStatus(result.error));
    onOutboxChange?.();
    return c.json({ meeting: meetingView(result.value) }, 200);
  });
