import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { claimUpdate, lastClaimedUpdateId, pruneProcessedUpdates } from './updates';

let db: Kysely<Database>;
beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(() => db.destroy());

describe('claimed updates', () => {
  it('claims an update once, and tells the highest id still kept', async () => {
    expect(await lastClaimedUpdateId(db)).toBe(0);
    expect(await claimUpdate(db, 7, '2027-03-01T09:00:00.000Z')).toBe(true);
    expect(await claimUpdate(db, 7, '2027-03-01T09:00:01.000Z')).toBe(false);
    expect(await claimUpdate(db, 12, '2027-03-02T09:00:00.000Z')).toBe(true);
    expect(await lastClaimedUpdateId(db)).toBe(12);
    await pruneProcessedUpdates(db, '2027-03-03T00:00:00.000Z');
    expect(await lastClaimedUpdateId(db)).toBe(0);
  });
});
