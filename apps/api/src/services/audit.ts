import { type Database, recordAudit, type Transaction } from '@accord/db';
import type { Person } from '@accord/domain';

/** Records what a signed-in person did to a record, in the transaction that did it. */
export const auditByPerson = (
  trx: Transaction<Database>,
  actor: Person,
  now: string,
  change: { action: string; recordType: string; recordId: number; before: unknown; after: unknown },
) => recordAudit(trx, { at: now, actorPersonId: actor.id, actorKind: 'person', ...change });

/** A change's two sides, for `auditByPerson`. */
export const beforeAfter = (before: unknown, after: unknown) => ({ before, after });
