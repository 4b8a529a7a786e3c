import type { MeetingKind } from '@accord/domain';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { insertTestCommission } from '../test-fixtures';
import { insertMeeting, meetingRhythm, setMeetingStatus } from './meetings';

const now = '2027-01-10T09:00:00.000Z';
let db: Kysely<Database>;
beforeEach(async () => {
  db = await openTestDatabase();
  await insertTestCommission(db, now);
});
afterEach(() => db.destroy());

const meeting = (kind: MeetingKind, startsAt: string) =>
  insertMeeting(
    db,
    {
      kind,
      title: `${kind} ${startsAt}`,
      startsAt,
      endsAt: startsAt.replace('T09', 'T12'),
      timeZone: 'Europe/Moscow',
      place: 'Moscow',
      link: null,
      agenda: [],
    },
    null,
    now,
  );

describe('meetingRhythm', () => {
  it('counts the year’s sittings, regular and extraordinary, not cancelled ones nor other kinds of meeting', async () => {
    await meeting('regular', '2027-03-01T09:00:00.000Z');
    await meeting('extraordinary', '2027-06-01T09:00:00.000Z');
    const cancelled = await meeting('regular', '2027-09-01T09:00:00.000Z');
    await setMeetingStatus(db, cancelled, 'draft', 'cancelled', 1, now);
    await meeting('working_group', '2027-04-01T09:00:00.000Z');
    await meeting('conference', '2027-05-01T09:00:00.000Z');
    await meeting('regular', '2028-03-01T09:00:00.000Z');
    expect(await meetingRhythm(db, 2027)).toEqual({ year: 2027, count: 2, minimum: 2 });
  });
});
