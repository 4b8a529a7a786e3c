import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { insertTestSecretary } from '../test-fixtures';
import { findCalendarFeedOwner, rotateCalendarFeed } from './calendar-feeds';

const now = '2027-03-01T09:00:00.000Z';
let db: Kysely<Database>;

beforeEach(async () => {
  db = await openTestDatabase();
  await insertTestSecretary(db, now);
});
afterEach(() => db.destroy());

describe('a calendar address', () => {
  it('belongs to its person until a new one is asked for, and each asking is audited without the address', async () => {
    const first = await rotateCalendarFeed(db, 1, 'person', now);
    expect(await findCalendarFeedOwner(db, first)).toBe(1);
    const second = await rotateCalendarFeed(db, 1, 'telegram', now);
    expect(await findCalendarFeedOwner(db, first)).toBeNull();
    expect(await findCalendarFeedOwner(db, second)).toBe(1);
    const audit = await db
      .selectFrom('audit_events')
      .select(['actor_person_id', 'actor_kind', 'action', 'record_type', 'record_id', 'after'])
      .orderBy('id')
      .execute();
    expect(audit).toEqual(
      (['person', 'telegram'] as const).map((kind) => ({
        actor_person_id: 1,
        actor_kind: kind,
        action: 'calendar.feed',
        record_type: 'person',
        record_id: '1',
        after: '{"rotated":true}',
      })),
    );
    expect(JSON.stringify(audit)).not.toContain(first);
    expect(JSON.stringify(audit)).not.toContain(second);
  });

  it('belongs to no one once its person is deactivated', async () => {
    const token = await rotateCalendarFeed(db, 1, 'person', now);
    await db.updateTable('people').set({ active: 0 }).where('id', '=', 1).execute();
    expect(await findCalendarFeedOwner(db, token)).toBeNull();
  });
});
