import { createHash, randomBytes } from 'node:crypto';
import type { Invite } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

/** Secrets (invite tokens, session ids) are stored as hashes: a leaked database opens nothing. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret).digest('hex');

/** 32 url-safe characters: fits a Telegram deep link (`/start <token>`, at most 64). */
export const newSecret = (): string => randomBytes(24).toString('base64url');

export async function createInvite(
  db: Kysely<Database>,
  input: { personId: number; createdBy: number | null; now: string; expiresAt: string },
): Promise<{ id: number; token: string }> {
  const token = newSecret();
  const row = await db
    .insertInto('invite_tokens')
    .values({
      person_id: input.personId,
      token_hash: hashSecret(token),
      created_by: input.createdBy,
      created_at: input.now,
      expires_at: input.expiresAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

export async function findInviteByToken(
  db: Kysely<Database>,
  token: string,
): Promise<(Invite & { id: number }) | undefined> {
  const row = await db
    .selectFrom('invite_tokens')
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

/** Uses an invite exactly once: false if it was used meanwhile (two presses racing). */
export async function markInviteUsed(db: Kysely<Database>, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('invite_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The newest invite of each person, for the people page. */
export async function latestInvites(db: Kysely<Database>) {
  return db
    .selectFrom('invite_tokens')
    .select(['person_id', 'created_at', 'expires_at', 'used_at', 'revoked_at'])
    .where('id', 'in', (qb) =>
      qb
        .selectFrom('invite_tokens')
        .select((eb) => eb.fn.max('id').as('id'))
        .groupBy('person_id'),
    )
    .execute();
}
