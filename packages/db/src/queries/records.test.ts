import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { recordAudit } from './audit';
import { createInvite, findInviteByToken, markInviteUsed } from './invites';
import { linkTelegram, markUnreachable } from './people';
import { claimUpdate } from './updates';

const now = '2027-01-01T00:00:00.000Z';
let db: Kysely<Database>;
beforeEach(async () => {
  db = await openTestDatabase();
  await db
    .insertInto('people')
    .values(
      [1, 2].map((id) => ({
        id,
        name: `P${id}`,
        roles: '["member"]',
        language: 'en',
        time_zone: 'UTC',
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
});
afterEach(() => db.destroy());

describe('records', () => {
  it('the database refuses to change or delete audit events', async () => {
    await recordAudit(db, {
      at: now,
      actorPersonId: 1,
      actorKind: 'person',
      action: 'meeting.create',
      recordType: 'meeting',
      recordId: 1,
    });
    await expect(db.updateTable('audit_events').set({ action: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
  });

  it('handles an update id once', async () => {
    expect(await claimUpdate(db, 10, now)).toBe(true);
    expect(await claimUpdate(db, 10, now)).toBe(false);
  });

  it('stores only the hash of an invite token, and uses it once', async () => {
    const { id, token } = await createInvite(db, {
      personId: 1,
      createdBy: null,
      now,
      expiresAt: '2027-01-08T00:00:00.000Z',
    });
    const stored = await db.selectFrom('invite_tokens').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);
    expect((await findInviteByToken(db, token))?.personId).toBe(1);
    expect(await markInviteUsed(db, id, now)).toBe(true);
    expect(await markInviteUsed(db, id, now)).toBe(false);
  });

  it('moves a Telegram account to the person it is linked to last', async () => {
    await linkTelegram(db, 1, 777, null, now);
    await linkTelegram(db, 2, 777, 'two', now);
    const people = await db.selectFrom('people').select(['id', 'telegram_user_id']).orderBy('id').execute();
    expect(people).toEqual([
      { id: 1, telegram_user_id: null },
      { id: 2, telegram_user_id: 777 },
    ]);
  });

  it('reports the change to unreachable once', async () => {
    expect(await markUnreachable(db, 1, 'blocked', now)).toBe(true);
    expect(await markUnreachable(db, 1, 'blocked', now)).toBe(false);
  });
});
