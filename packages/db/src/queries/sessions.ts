import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { hashSecret, newSecret } from './invites';

export async function createSession(
  db: Kysely<Database>,
  input: { personId: number; now: string; expiresAt: string },
) {
  const token = newSecret();
  await db
    .insertInto('sessions')
    .values({
      id_hash: hashSecret(token),
      person_id: input.personId,
      created_at: input.now,
      last_seen_at: input.now,
      expires_at: input.expiresAt,
    })
    .execute();
  return token;
}

/** The live session behind a cookie, if any: not revoked, not expired. */
export async function findLiveSession(db: Kysely<Database>, token: string, now: string) {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
}

export async function touchSession(db: Kysely<Database>, token: string, now: string, expiresAt: string) {
  await db
    .updateTable('sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id_hash', '=', hashSecret(token))
    .execute();
}

export async function revokeSession(db: Kysely<Database>, token: string, now: string) {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id_hash', '=', hashSecret(token))
    .where('revoked_at', 'is', null)
    .execute();
}
