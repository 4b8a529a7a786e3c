import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { hashSecret, newSecret } from './invites';

type Db = Kysely<Database>;

export async function createLoginToken(
  db: Db,
  input: { personId: number; now: string; expiresAt: string },
): Promise<string> {
  const token = newSecret();
  await db
    .insertInto('login_tokens')
    .values({
      person_id: input.personId,
      token_hash: hashSecret(token),
      created_at: input.now,
      expires_at: input.expiresAt,
    })
    .execute();
  return token;
}

export async function findLoginToken(db: Db, token: string) {
  const row = await db
    .selectFrom('login_tokens')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      personId: row.person_id,
      expiresAt: row.expires_at,
      usedAt: row.used_at,
      revokedAt: row.revoked_at,
    }
  );
}

/** Uses a sign-in link exactly once: false when another request used it first. */
export async function markLoginTokenUsed(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('login_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
