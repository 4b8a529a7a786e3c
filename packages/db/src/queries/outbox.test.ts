import { outboxDrafts } from '@accord/domain';
import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import {
  claimDueMessages,
  enqueueMessages,
  markMessageFailed,
  markMessageSent,
  rescheduleMessage,
  resendFailedMessage,
} from './outbox';

const t0 = '2027-01-01T00:00:00.000Z';
const at = (s: number) => new Date(Date.parse(t0) + s * 1000).toISOString();
let db: Kysely<Database>;

beforeEach(async () => {
  db = await openTestDatabase();
  await db
    .insertInto('people')
    .values(
      [1, 2, 3].map((id) => ({
        id,
        name: `P${id}`,
        roles: '["member"]',
        language: 'en',
        time_zone: 'UTC',
        created_at: t0,
        updated_at: t0,
      })),
    )
    .execute();
});
afterEach(() => db.destroy());

const intent = { kind: 'meeting-notice', meetingId: 1, version: 1 } as const;
const enqueueThree = () =>
  enqueueMessages(
    db,
    outboxDrafts(intent, [{ personId: 1 }, { personId: 2 }, { personId: 3 }], t0),
    null,
    t0,
  );

describe('the outbox', () => {
  it('keeps one row per idempotency key however often it is enqueued', async () => {
    expect(await enqueueThree()).toBe(3);
    expect(await enqueueThree()).toBe(0);
    const count = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('never gives one row to two claimers', async () => {
    await enqueueThree();
    const a = await claimDueMessages(db, { owner: 'a', now: t0, leaseUntil: at(30), limit: 2 });
    const b = await claimDueMessages(db, { owner: 'b', now: t0, leaseUntil: at(30), limit: 2 });
    expect(a).toHaveLength(2);
    expect(b).toHaveLength(1);
    expect(new Set([...a, ...b].map((m) => m.id)).size).toBe(3);
  });

  it('gives a crashed worker’s rows to another once the lease runs out, and the late worker cannot settle them', async () => {
    await enqueueThree();
    const [row] = await claimDueMessages(db, { owner: 'crashed', now: t0, leaseUntil: at(10), limit: 1 });
    expect(await claimDueMessages(db, { owner: 'b', now: at(5), leaseUntil: at(40), limit: 5 })).toHaveLength(
      2,
    );
    const again = await claimDueMessages(db, { owner: 'b', now: at(11), leaseUntil: at(40), limit: 5 });
    expect(again.map((m) => m.id)).toEqual([row?.id]);
    expect(again[0]?.attempts).toBe(2);
    expect(await markMessageSent(db, row?.id ?? 0, 'crashed', 1, at(12))).toBe(false);
    expect(await markMessageSent(db, row?.id ?? 0, 'b', 1, at(12))).toBe(true);
  });

  it('a sent row is never claimed again', async () => {
    await enqueueThree();
    for (const m of await claimDueMessages(db, { owner: 'a', now: t0, leaseUntil: at(10), limit: 5 })) {
      await markMessageSent(db, m.id, 'a', m.id, t0);
    }
    expect(await claimDueMessages(db, { owner: 'a', now: at(3600), leaseUntil: at(3700), limit: 5 })).toEqual(
      [],
    );
  });

  it('waits until a rescheduled row is due, and gives back the attempt when asked', async () => {
    await enqueueThree();
    const [m] = await claimDueMessages(db, { owner: 'a', now: t0, leaseUntil: at(10), limit: 1 });
    await rescheduleMessage(db, m?.id ?? 0, 'a', { dueAt: at(5), error: '429', countAttempt: false });
    const before = await claimDueMessages(db, { owner: 'a', now: at(4), leaseUntil: at(10), limit: 5 });
    expect(before.map((x) => x.id)).not.toContain(m?.id);
    const after = await claimDueMessages(db, { owner: 'a', now: at(5), leaseUntil: at(10), limit: 5 });
    expect(after.find((x) => x.id === m?.id)?.attempts).toBe(1);
  });

  it('resends a failed row from scratch, and only a failed one', async () => {
    await enqueueThree();
    const [m] = await claimDueMessages(db, { owner: 'a', now: t0, leaseUntil: at(10), limit: 1 });
    expect(await resendFailedMessage(db, m?.id ?? 0, t0)).toBe(false);
    await markMessageFailed(db, m?.id ?? 0, 'a', '400: Bad Request: chat not found');
    expect(await resendFailedMessage(db, m?.id ?? 0, at(1))).toBe(true);
    const row = await db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', m?.id ?? 0)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'pending', attempts: 0, last_error: null });
  });

  it('claims interactive rows before bulk ones', async () => {
    await enqueueMessages(db, outboxDrafts(intent, [{ personId: 1 }, { personId: 2 }], t0, 9), null, t0);
    await enqueueMessages(db, outboxDrafts({ ...intent, version: 2 }, [{ personId: 3 }], at(1), 0), null, t0);
    const [first] = await claimDueMessages(db, { owner: 'a', now: at(2), leaseUntil: at(10), limit: 1 });
    expect(first?.recipientPersonId).toBe(3);
  });
});
