import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { meetingReminders } from '@accord/domain';
import { sandboxDemoUsers, seedDemoPeople, seedReference } from '@accord/seeds';
import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

let sandbox: Sandbox | undefined;
afterAll(() => sandbox?.close());

describe('two scheduler processes on one database', () => {
  it('put every due reminder into the outbox exactly once, and members get each digest once', async () => {
    sandbox = await startSandbox({ limits: false });
    for (const u of sandboxDemoUsers()) sandbox.driver.addUser({ id: u.id, first_name: u.first_name });
    const file = tempDatabaseFile();
    const db = openDatabase({ file });
    await migrateToLatestOrThrow(db);
    const now = new Date().toISOString();
    await seedReference(db, now);
    await seedDemoPeople(db, now, { linkSandboxTelegram: true });
    const people = (
      await db
        .selectFrom('people')
        .select(['id', 'time_zone', 'roles'])
        .where('telegram_user_id', 'is not', null)
        .execute()
    ).filter((p) => !p.roles.includes('observer'));
    const announced = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const startsAt = new Date(Date.now() + 30 * 60_000).toISOString();
    let planned = 0;
    for (let i = 0; i < 30; i++) {
      const { id } = await db
        .insertInto('meetings')
        .values({
          kind: 'regular',
          title: `Session ${i}`,
          starts_at: startsAt,
          ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(),
          time_zone: 'UTC',
          status: 'notified',
          version: 1,
          notified_at: announced,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // Every invitee's hour-before reminder is due now, with quiet hours switched off for the race.
      const recipients = people.map((p) => ({
        personId: p.id,
        hours: {
          timeZone: p.time_zone,
          workStart: '00:00',
          workEnd: '23:59',
          quietStart: '00:00',
          quietEnd: '00:00',
        },
        optedOut: [],
      }));
      const plans = meetingReminders(
        { id, startsAt, status: 'notified', notifiedAt: announced },
        recipients,
        now,
      ).filter((p) => p.rule === 'meeting-1h');
      await db
        .insertInto('reminders')
        .values(
          plans.map((p) => ({
            reminder_key: p.key,
            subject_type: 'meeting',
            subject_id: id,
            recipient_person_id: p.recipientId,
            rule: p.rule,
            due_at: now,
            stale_at: p.staleAt,
            state: 'pending',
            created_at: now,
          })),
        )
        .execute();
      planned += plans.length;
    }
    // The workers plan reminders too; with no quiet hours their plan keeps the same reminders due, whatever the hour.
    await db
      .updateTable('people')
      .set({ work_start: '00:00', work_end: '23:59', quiet_start: '00:00', quiet_end: '00:00' })
      .execute();
    const env = {
      DATABASE_FILE: file,
      TELEGRAM_BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.url,
      DISPATCH_RATE: '200',
    };
    const a = startEntry('apps/bot/src/worker.ts', { ...env, WORKER_ID: 'race-a' });
    const b = startEntry('apps/bot/src/worker.ts', { ...env, WORKER_ID: 'race-b' });
    await waitUntil(async () => {
      const open = await db
        .selectFrom('reminders')
        .select('id')
        .where('state', 'in', ['pending', 'claimed'])
        .where('rule', '=', 'meeting-1h')
        .execute();
      const unsent = await db.selectFrom('outbox').select('id').where('state', '!=', 'sent').execute();
      return open.length === 0 && unsent.length === 0;
    }, 90_000);
    await Promise.all([a.stop(), b.stop()]);

    const outbox = await db
      .selectFrom('outbox')
      .select(['intent', 'recipient_person_id'])
      .where('kind', '=', 'reminder-digest')
      .execute();
    const ids = outbox.flatMap((o) => {
      const intent = JSON.parse(o.intent) as { reminderIds: number[]; foldedIds: number[] };
      return [...intent.reminderIds, ...intent.foldedIds];
    });
    // The workers also plan the year's own reminders (the report's due date, say): count only the race's.
    const raced = new Set(
      (await db.selectFrom('reminders').select('id').where('rule', '=', 'meeting-1h').execute()).map(
        (r) => r.id,
      ),
    );
    const racedIds = ids.filter((id) => raced.has(id));
    expect(racedIds).toHaveLength(planned);
    expect(new Set(racedIds).size).toBe(planned);
    expect(ids.length).toBe(new Set(ids).size);
    const digests = sandbox.driver.ledger().filter((l) => l.text?.startsWith('🔔'));
    expect(digests).toHaveLength(outbox.length);
    await db.destroy();
  });
});
