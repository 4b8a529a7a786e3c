import type { Kysely } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

/** Ends every live session of a person (sign out everywhere; deactivation). Returns how many ended. */
export async function revokeSessionsOf(db: Db, personId: number, now: string): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Withdraws a person's unused invites and sign-in links, and their calendar address. */
export async function revokeCredentialsOf(db: Db, personId: number, now: string): Promise<void> {
  await db
    .updateTable('invite_tokens')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  await db
    .updateTable('login_tokens')
    .set({ revoked_at: now })
    .where('person_id', '=', personId)
    .where('used_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
  await db.deleteFrom('calendar_feeds').where('person_id', '=', personId).execute();
}
