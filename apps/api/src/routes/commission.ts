import {
  findPersonById,
  getCommissionOrThrow,
  meetingRhythm,
  readSignOffSettings,
  recordAudit,
  scheduleTask,
  setDeputy,
  writeSignOffSettings,
} from '@accord/db';
import { deputySchema, ladderSchema, rhythmQuerySchema, signOffSettingsSchema } from '@accord/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import { validate } from '../validate';

/**
 * The commission's settings as everyone may read them, the chairman naming a deputy and choosing
 * what needs the chairman's sign-off.
 */
export const commissionRoutes = new Hono<AppEnv>()
  .get('/', authorize('commission.read'), async (c) => {
    const row = await getCommissionOrThrow(c.get('deps').db);
    return c.json(
      {
        nameRu: row.name_ru,
        nameEn: row.name_en,
        decisionRule: row.decision_rule,
        quorum: { numerator: row.quorum_numerator, denominator: row.quorum_denominator },
        minMeetingsPerYear: row.min_meetings_per_year,
        reportDueMonthDay: row.report_due_month_day,
        hasGroupChat: row.group_chat_id !== null,
        deputyPersonId: row.deputy_person_id,
        escalationLadder: JSON.parse(row.escalation_ladder) as unknown,
        signOffs: { agenda: row.sign_off_agendas === 1, draft: row.sign_off_drafts === 1 },
      },
      200,
    );
  })
  .get('/rhythm', authorize('commission.read'), validate('query', rhythmQuerySchema), async (c) => {
    const year = c.req.valid('query').year ?? c.get('deps').clock().getUTCFullYear();
    return c.json(await meetingRhythm(c.get('deps').db, year), 200);
  })
  .put(
    '/escalation',
    authorize('commission.settings'),
    validate('json', z.object({ steps: ladderSchema })),
    async (c) => {
      const { db, clock } = c.get('deps');
      const now = clock().toISOString();
      const { steps } = c.req.valid('json');
      const before = await getCommissionOrThrow(db);
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('commission')
          .set({ escalation_ladder: JSON.stringify(steps), updated_at: now })
          .where('id', '=', 1)
          .execute();
        await recordAudit(trx, {
          at: now,
          actorPersonId: signedIn(c).id,
          actorKind: 'person',
          action: 'commission.escalation',
          recordType: 'commission',
          recordId: 1,
          before: JSON.parse(before.escalation_ladder),
          after: steps,
        });
        // Every open task's escalations follow the new ladder at the next planning pass.
        await scheduleTask(trx, { kind: 'plan-all-reminders', key: 'plan-all-reminders', dueAt: now, now });
      });
      return c.json({ escalationLadder: steps }, 200);
    },
  )
  // The chairman's own call, not the admin's: what needs the chairman's signature is the chairman's
  // responsibility under the statute, as naming a deputy is; an admin keeps the system, not the rules.
  .put(
    '/sign-offs',
    authorize('commission.sign-offs'),
    validate('json', signOffSettingsSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const now = clock().toISOString();
      const settings = c.req.valid('json');
      const before = await readSignOffSettings(db);
      await db.transaction().execute(async (trx) => {
        await writeSignOffSettings(trx, settings, now);
        await recordAudit(trx, {
          at: now,
          actorPersonId: signedIn(c).id,
          actorKind: 'person',
          action: 'commission.sign-offs',
          recordType: 'commission',
          recordId: 1,
          before,
          after: settings,
        });
      });
      return c.json({ signOffs: settings }, 200);
    },
  )
  .put('/deputy', authorize('commission.deputy'), validate('json', deputySchema), async (c) => {
    const { db, clock } = c.get('deps');
    const chairman = signedIn(c);
    const { personId } = c.req.valid('json');
    const now = clock().toISOString();
    if (personId !== null) {
      const deputy = await findPersonById(db, personId);
      if (!deputy?.active) return c.json(errorBody('NotFound', 'No such active person'), 404);
      if (deputy.id === chairman.id)
        return c.json(errorBody('DeputyIsChairman', 'The chairman cannot be their own deputy'), 400);
    }
    const before = await getCommissionOrThrow(db);
    await db.transaction().execute(async (trx) => {
      await setDeputy(trx, personId, now);
      await recordAudit(trx, {
        at: now,
        actorPersonId: chairman.id,
        actorKind: 'person',
        action: 'commission.deputy',
        recordType: 'commission',
        recordId: 1,
        before: { deputyPersonId: before.deputy_person_id },
        after: { deputyPersonId: personId },
      });
    });
    return c.json({ deputyPersonId: personId }, 200);
  });
