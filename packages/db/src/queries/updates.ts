import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/**
 * Claims an incoming Telegram update by id: true the first time, false for a replay
 * (long polling re-delivers after a crash; a slow webhook is retried).
 */
export async function claimUpdate(db: Kysely<Database>, updateId: number, now: string): Promise<boolean> {
  const result = await db
    .insertInto('processed_updates')
    .values({ update_id: updateId, processed_at: now })
    .onConflict((oc) => oc.column('update_id').doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

/** Telegram keeps updates for a day and may restart ids after a week of silence: older ids can go. */
export async function pruneProcessedUpdates(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('processed_updates').where('processed_at', '<', before).execute();
}

/**
 * The highest update id claimed and still kept, or 0. The bundled Telegram sandbox numbers its
 * updates afresh at every start; it goes on from here, as Telegram's own numbering would, so a
 * restart on the same database does not have its first messages taken for replays and dropped.
 */
export async function lastClaimedUpdateId(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('processed_updates')
    .select((eb) => eb.fn.max('update_id').as('last'))
    .executeTakeFirst();
  return Number(row?.last ?? 0);
}
