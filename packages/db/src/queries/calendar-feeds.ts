import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';
import { type AuditEvent, recordAudit } from './audit';
import { hashSecret } from './invites';

type Db = Kysely<Database>;

/**
 * Gives a person a new calendar address (the old one stops working) and records in the audit log
 * that they asked for one, in one transaction; the log never holds the address, a credential.
 * `actorKind` says where they asked: on the dashboard (`person`) or in Telegram. Returns the secret,
 * shown once.
 */
export async function rotateCalendarFeed(
  db: Db,
  personId: number,
  actorKind: AuditEvent['actorKind'],
  now: string,
): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  const values = { token_hash: hashSecret(token), created_at: now };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_feeds')
      .values({ person_id: personId, ...values })
      .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      at: now,
      actorPersonId: personId,
      actorKind,
      action: 'calendar.feed',
      recordType: 'person',
      recordId: personId,
      after: { rotated: true },
    });
  });
  return token;
}

/** The active person a calendar address belongs to, if any. */
export async function findCalendarFeedOwner(db: Db, token: string): Promise<number | null> {
  const row = await db
    .selectFrom('calendar_feeds')
    .innerJoin('people', 'people.id', 'calendar_feeds.person_id')
    .select('people.id')
    .where('calendar_feeds.token_hash', '=', hashSecret(token))
    .where('people.active', '=', 1)
    .executeTakeFirst();
  return row?.id ?? null;
}
