import {
  type Database,
  enqueueMessages,
  type Kysely,
  listPeopleWithRole,
  markUnreachable,
  recordAudit,
} from '@accord/db';
import { outboxDrafts, PRIORITY } from '@accord/domain';

/**
 * Marks a person unreachable (they blocked the bot) and, only when that is news, records it
 * and tells the secretaries, in one transaction. Repeated refusals change nothing: no storms.
 */
export async function reportUnreachable(
  db: Kysely<Database>,
  personId: number,
  reason: string,
  now: string,
): Promise<boolean> {
  const secretaries = (await listPeopleWithRole(db, 'secretary')).filter(
    (s) => s.telegramUserId !== null && s.id !== personId,
  );
  return db.transaction().execute(async (trx) => {
    if (!(await markUnreachable(trx, personId, reason, now))) return false;
    await recordAudit(trx, {
      at: now,
      actorPersonId: null,
      actorKind: 'system',
      action: 'person.unreachable',
      recordType: 'person',
      recordId: personId,
      before: { reachable: true },
      after: { reachable: false, reason },
    });
    const intent = { kind: 'person-unreachable', personId, since: now } as const;
    const drafts = outboxDrafts(
      intent,
      secretaries.map((s) => ({ personId: s.id })),
      now,
      PRIORITY.interactive,
    );
    await enqueueMessages(trx, drafts, { type: 'person', id: personId }, now);
    return true;
  });
}
