import type { Kysely } from 'kysely';
import type { Database } from '../schema';

export interface AuditEvent {
  at: string;
  actorPersonId: number | null;
  actorKind: 'person' | 'telegram' | 'system';
  action: string;
  recordType: string;
  recordId: string | number;
  before?: unknown;
  after?: unknown;
}

/** Appends to the audit log; call it in the same transaction as the change it records. */
export async function recordAudit(db: Kysely<Database>, event: AuditEvent): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: event.at,
      actor_person_id: event.actorPersonId,
      actor_kind: event.actorKind,
      action: event.action,
      record_type: event.recordType,
      record_id: String(event.recordId),
      before: event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === undefined ? null : JSON.stringify(event.after),
    })
    .execute();
}

export interface AuditFilter {
  recordType?: string;
  recordId?: string;
  action?: string;
  actorId?: number;
  from?: string;
  to?: string;
  limit?: number;
}

/** The newest events first, filtered, with the actor's name. */
export async function listAuditEvents(db: Kysely<Database>, filter: AuditFilter) {
  let query = db
    .selectFrom('audit_events')
    .leftJoin('people', 'people.id', 'audit_events.actor_person_id')
    .selectAll('audit_events')
    .select('people.name as actor_name')
    .orderBy('audit_events.id', 'desc')
    .limit(filter.limit ?? 200);
  if (filter.recordType) query = query.where('record_type', '=', filter.recordType);
  if (filter.recordId) query = query.where('record_id', '=', filter.recordId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.actorId) query = query.where('actor_person_id', '=', filter.actorId);
  if (filter.from) query = query.where('at', '>=', new Date(filter.from).toISOString());
  if (filter.to) query = query.where('at', '<', new Date(filter.to).toISOString());
  return query.execute();
}
