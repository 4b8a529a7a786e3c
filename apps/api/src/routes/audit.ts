import { listAuditEvents } from '@accord/db';
import { auditQuerySchema } from '@accord/domain';
import { Hono } from 'hono';
import { csvCell } from '../csv';
import type { AppEnv } from '../env';
import { authorize } from '../middleware/authorize';
import { validate } from '../validate';

const CSV_COLUMNS = [
  'id',
  'at',
  'actor_person_id',
  'actor_kind',
  'action',
  'record_type',
  'record_id',
  'before',
  'after',
] as const;

/** The audit log: read and export only. There is no route that changes or deletes an event. */
export const auditRoutes = new Hono<AppEnv>()
  .get('/', authorize('audit.read'), validate('query', auditQuerySchema), async (c) => {
    const events = await listAuditEvents(c.get('deps').db, c.req.valid('query'));
    return c.json(
      {
        events: events.map((e) => ({
          id: e.id,
          at: e.at,
          actorPersonId: e.actor_person_id,
          actorName: e.actor_name,
          actorKind: e.actor_kind,
          action: e.action,
          recordType: e.record_type,
          recordId: e.record_id,
          before: e.before === null ? null : (JSON.parse(e.before) as unknown),
          after: e.after === null ? null : (JSON.parse(e.after) as unknown),
        })),
      },
      200,
    );
  })
  .get('/export', authorize('audit.read'), validate('query', auditQuerySchema), async (c) => {
    const events = await listAuditEvents(c.get('deps').db, { limit: 10_000, ...c.req.valid('query') });
    const lines = [
      CSV_COLUMNS.join(','),
      ...events.map((e) => CSV_COLUMNS.map((k) => csvCell(e[k])).join(',')),
    ];
    return c.body(`${lines.join('\r\n')}\r\n`, 200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="accord-audit.csv"',
    });
  });
