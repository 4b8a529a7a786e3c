import type { MessageIntent, OutboxDraft, OutboxState } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database, OutboxRow } from '../schema';
import { claimWithLease } from './leases';

type Db = Kysely<Database>;

export interface Subject {
  type: string;
  id: number;
}

/** Writes outbox rows; a row whose idempotency key exists already is skipped. Use the change's transaction. */
export async function enqueueMessages(
  db: Db,
  drafts: readonly OutboxDraft[],
  subject: Subject | null,
  now: string,
): Promise<number> {
  if (drafts.length === 0) return 0;
  let inserted = 0;
  // SQLite allows 32,766 variables a statement: 14 columns × 500 rows stays well inside.
  for (let i = 0; i < drafts.length; i += 500) {
    const result = await db
      .insertInto('outbox')
      .values(
        drafts.slice(i, i + 500).map((d) => ({
          idempotency_key: d.idempotencyKey,
          recipient_person_id: 'personId' in d.recipient ? d.recipient.personId : null,
          recipient_chat_id: 'chatId' in d.recipient ? d.recipient.chatId : null,
          kind: d.intent.kind,
          intent: JSON.stringify(d.intent),
          subject_type: subject?.type ?? null,
          subject_id: subject?.id ?? null,
          priority: d.priority,
          due_at: d.dueAt,
          state: 'pending',
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.column('idempotency_key').doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0n);
  }
  return inserted;
}

export interface ClaimedMessage {
  id: number;
  recipientPersonId: number | null;
  recipientChatId: number | null;
  intent: MessageIntent;
  attempts: number;
  priority: number;
}

/**
 * Claims up to `limit` due messages for `owner` until `leaseUntil`: pending rows that are due,
 * and rows whose lease ran out (their worker crashed); interactive ones first.
 */
export async function claimDueMessages(
  db: Db,
  input: { owner: string; now: string; leaseUntil: string; limit: number },
): Promise<ClaimedMessage[]> {
  const rows = await claimWithLease<OutboxRow>(
    db,
    'outbox',
    { waiting: 'pending', leased: 'sending' },
    ['priority', 'due_at', 'id'],
    input,
  );
  return rows
    .map((r) => ({
      id: r.id,
      recipientPersonId: r.recipient_person_id,
      recipientChatId: r.recipient_chat_id,
      intent: JSON.parse(r.intent) as MessageIntent,
      attempts: r.attempts,
      priority: r.priority,
    }))
    .sort((a, b) => a.priority - b.priority || a.id - b.id);
}

/** The guard every settle uses: only the lease holder may settle a row. */
const settle = (db: Db, id: number, owner: string) =>
  db
    .updateTable('outbox')
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('state', '=', 'sending');

/** Records Telegram's acknowledgement. False if the lease was lost meanwhile (the row went to another worker). */
export async function markMessageSent(
  db: Db,
  id: number,
  owner: string,
  telegramMessageId: number | null,
  now: string,
) {
  const result = await settle(db, id, owner)
    .set({
      state: 'sent',
      sent_at: now,
      telegram_message_id: telegramMessageId,
      lease_owner: null,
      lease_until: null,
      last_error: null,
    })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Puts a row back to wait until `dueAt`; `countAttempt` false gives back the attempt (a 429 or a paced chat is not a failure). */
export async function rescheduleMessage(
  db: Db,
  id: number,
  owner: string,
  input: { dueAt: string; error: string | null; countAttempt: boolean },
) {
  await settle(db, id, owner)
    .set((eb) => ({
      state: 'pending',
      due_at: input.dueAt,
      last_error: input.error,
      lease_owner: null,
      lease_until: null,
      attempts: input.countAttempt ? eb.ref('attempts') : eb('attempts', '-', 1),
    }))
    .execute();
}

export async function markMessageFailed(db: Db, id: number, owner: string, reason: string) {
  await settle(db, id, owner)
    .set({ state: 'failed', last_error: reason, lease_owner: null, lease_until: null })
    .execute();
}

/** Sends a failed row again, from scratch; false unless it had failed. */
export async function resendFailedMessage(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({ state: 'pending', due_at: now, attempts: 0, last_error: null })
    .where('id', '=', id)
    .where('state', '=', 'failed')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listOutbox(db: Db, filter: { state?: OutboxState; limit?: number } = {}) {
  let query = db
    .selectFrom('outbox')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 200);
  if (filter.state) query = query.where('state', '=', filter.state);
  return query.execute();
}

export async function findOutboxMessage(db: Db, id: number) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Each person's latest delivery state for a subject's messages of some kinds. */
export async function deliveriesFor(db: Db, subject: Subject, kinds: readonly string[]) {
  const rows = await db
    .selectFrom('outbox')
    .select(['recipient_person_id', 'state', 'id'])
    .where('subject_type', '=', subject.type)
    .where('subject_id', '=', subject.id)
    .where('kind', 'in', kinds)
    .where('recipient_person_id', 'is not', null)
    .orderBy('id')
    .execute();
  const byPerson = new Map<number, 'pending' | 'sending' | 'sent' | 'failed'>();
  for (const row of rows) {
    if (row.recipient_person_id !== null) byPerson.set(row.recipient_person_id, row.state as OutboxState);
  }
  return byPerson;
}

export async function countOutboxByState(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select((eb) => ['state', eb.fn.countAll<number>().as('count')])
    .groupBy('state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.state, Number(r.count)]));
}

/** The Telegram id of the latest sent message of a kind about a subject to one recipient, to edit it. */
export async function findSentMessageId(
  db: Db,
  query: { kind: string; subject: Subject; personId: number | null; chatId: number | null },
): Promise<number | null> {
  let select = db
    .selectFrom('outbox')
    .select('telegram_message_id')
    .where('kind', '=', query.kind)
    .where('subject_type', '=', query.subject.type)
    .where('subject_id', '=', query.subject.id)
    .where('state', '=', 'sent')
    .where('telegram_message_id', 'is not', null);
  select =
    query.personId !== null
      ? select.where('recipient_person_id', '=', query.personId)
      : select.where('recipient_chat_id', '=', query.chatId);
  const row = await select.orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.telegram_message_id ?? null;
}

/** Settles a row that turned out to have nothing to send (an edit of a message that never went out). */
export async function markMessageSkipped(db: Db, id: number, owner: string, reason: string, now: string) {
  await settle(db, id, owner)
    .set({
      state: 'sent',
      sent_at: now,
      last_error: `skipped: ${reason}`,
      lease_owner: null,
      lease_until: null,
    })
    .execute();
}
