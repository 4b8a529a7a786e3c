import { openTestDatabase } from '@accord/db';
import { DEFAULT_HOURS, isQuietTime } from '@accord/domain';
import { seedDemoPeople, seedReference } from '@accord/seeds';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { createScheduler } from '../scheduler/scheduler';
import { reminderHandlers, sendAllDueReminders } from './scheduling';

const HOUR = 3_600_000;

describe('the scheduler over a simulated year', () => {
  it('sends every reminder once, never before it is due, never planned in quiet hours, and leaves nothing behind', {
    timeout: 60_000,
  }, async () => {
    const db = await openTestDatabase();
    let nowMs = Date.parse('2099-01-01T00:00:00.000Z');
    const iso = () => new Date(nowMs).toISOString();
    await seedReference(db, iso());
    await seedDemoPeople(db, iso(), { linkSandboxTelegram: true });
    const scheduler = createScheduler({
      db,
      clock: () => new Date(nowMs),
      logger: createLogger('silent', 'test'),
      handlers: reminderHandlers,
      sweeps: [sendAllDueReminders],
    });
    const secretary = await db
      .selectFrom('people')
      .select('id')
      .where('seed_key', '=', 'secretary')
      .executeTakeFirstOrThrow();
    const member = await db
      .selectFrom('people')
      .select('id')
      .where('seed_key', '=', 'KZ-alternate')
      .executeTakeFirstOrThrow();
    const { id: groupId } = await db
      .insertInto('working_groups')
      .values({ name: 'G', mandate: 'm', created_at: iso(), updated_at: iso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const month of [2, 5, 8, 11]) {
      const mm = String(month).padStart(2, '0');
      await db
        .insertInto('meetings')
        .values({
          kind: 'regular',
          title: `Session ${month}`,
          starts_at: `2099-${mm}-20T07:00:00.000Z`,
          ends_at: `2099-${mm}-20T10:00:00.000Z`,
          time_zone: 'UTC',
          status: 'notified',
          version: 1,
          notified_at: iso(),
          created_by: secretary.id,
          created_at: iso(),
          updated_at: iso(),
        })
        .execute();
      await db
        .insertInto('tasks')
        .values({
          group_id: groupId,
          title: `Report ${month}`,
          responsible_person_id: member.id,
          due_date: `2099-${mm}-10`,
          status: 'open',
          created_at: iso(),
          updated_at: iso(),
        })
        .execute();
    }
    const end = Date.parse('2100-01-01T00:00:00.000Z');
    // A tick a day, an hour later each time, so ticks fall at every hour of the day over the year.
    for (; nowMs < end; nowMs += 25 * HOUR) {
      await scheduler.tick();
      // Half the tasks are finished a week after their deadline; the rest stay overdue.
      await db
        .updateTable('tasks')
        .set({ status: 'done', updated_at: iso() })
        .where('due_date', '<', new Date(nowMs - 7 * 24 * HOUR).toISOString().slice(0, 10))
        .where('title', 'in', ['Report 2', 'Report 8'])
        .execute();
    }
    const reminders = await db
      .selectFrom('reminders')
      .innerJoin('people', 'people.id', 'reminders.recipient_person_id')
      .select([
        'reminders.id',
        'rule',
        'state',
        'due_at',
        'sent_at',
        'reminders.reminder_key',
        'people.time_zone',
      ])
      .execute();
    const sent = reminders.filter((r) => r.state === 'sent' || r.state === 'folded');
    expect(sent.length).toBeGreaterThan(100);
    expect(new Set(sent.map((r) => r.reminder_key)).size).toBe(sent.length);
    for (const r of sent) {
      expect(Date.parse(r.sent_at ?? '')).toBeGreaterThanOrEqual(Date.parse(r.due_at));
      expect(isQuietTime(r.due_at, { timeZone: r.time_zone, ...DEFAULT_HOURS })).toBe(false);
    }
    expect(
      reminders.filter((r) => r.state !== 'sent' && r.state !== 'folded' && Date.parse(r.due_at) < end),
    ).toEqual([]);
    const outboxIds = (
      await db.selectFrom('outbox').select('intent').where('kind', '=', 'reminder-digest').execute()
    ).flatMap((o) => {
      const intent = JSON.parse(o.intent) as { reminderIds: number[]; foldedIds: number[] };
      return [...intent.reminderIds, ...intent.foldedIds];
    });
    expect(outboxIds.length).toBe(new Set(outboxIds).size);
    // Every sent reminder went out in a digest; a folded one rides along with a fresh one, or quietly ends.
    const settled = new Set(sent.map((r) => r.id));
    expect(outboxIds.every((id) => settled.has(id))).toBe(true);
    const inDigests = new Set(outboxIds);
    expect(sent.filter((r) => r.state === 'sent' && !inDigests.has(r.id))).toEqual([]);
    const rules = new Set(sent.map((r) => r.rule));
    for (const rule of [
      'meeting-7d',
      'meeting-1d',
      'deadline-14d',
      'deadline-day',
      'overdue',
      'escalation-1',
      'escalation-2',
      'unanswered-1',
      'report-due-30d',
      'weekly-overdue',
    ]) {
      expect(rules, rule).toContain(rule);
    }
    await db.destroy();
  });
});
