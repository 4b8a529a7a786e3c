import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  claimDueTasks,
  type Database,
  type Kysely,
  migrateToLatestOrThrow,
  openDatabase,
  openTestDatabase,
  scheduleTask,
} from '@accord/db';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { builtInHandlers, createScheduler, type TaskHandler } from './scheduler';

const logger = createLogger('silent', 'test');
const t0 = Date.parse('2027-01-01T00:00:00.000Z');
const HOUR = 3_600_000;
let clockMs = t0;
const clock = () => new Date(clockMs);
const at = (ms: number) => new Date(t0 + ms).toISOString();
const open: Kysely<Database>[] = [];
afterEach(async () => {
  clockMs = t0;
  await Promise.all(open.splice(0).map((db) => db.destroy()));
});
const freshDb = async () => {
  const db = await openTestDatabase();
  open.push(db);
  return db;
};
const recorder = () => {
  const runs: Array<{ key: string; at: string }> = [];
  const handler: TaskHandler = async (task, { now }) => {
    runs.push({ key: task.task_key, at: now });
  };
  return { runs, handler };
};

describe('the scheduler', () => {
  it('runs a task once when it is due, not before', async () => {
    const db = await freshDb();
    const { runs, handler } = recorder();
    const scheduler = createScheduler({ db, clock, logger, handlers: { note: handler } });
    await scheduleTask(db, { kind: 'note', key: 'note:1', dueAt: at(2 * HOUR), now: at(0) });
    await scheduler.tick();
    expect(runs).toEqual([]);
    clockMs = t0 + 2 * HOUR;
    await scheduler.tick();
    await scheduler.tick();
    expect(runs).toEqual([{ key: 'note:1', at: at(2 * HOUR) }]);
  });

  it('moves a task when it is scheduled again under its key', async () => {
    const db = await freshDb();
    const { runs, handler } = recorder();
    const scheduler = createScheduler({ db, clock, logger, handlers: { note: handler } });
    await scheduleTask(db, { kind: 'note', key: 'note:1', dueAt: at(HOUR), now: at(0) });
    await scheduleTask(db, { kind: 'note', key: 'note:1', dueAt: at(5 * HOUR), now: at(0) });
    clockMs = t0 + 2 * HOUR;
    await scheduler.tick();
    expect(runs).toEqual([]);
    clockMs = t0 + 5 * HOUR;
    await scheduler.tick();
    expect(runs).toHaveLength(1);
  });

  it('after downtime across the due time, runs the task once', async () => {
    const db = await freshDb();
    const { runs, handler } = recorder();
    await scheduleTask(db, { kind: 'note', key: 'note:1', dueAt: at(HOUR), now: at(0) });
    clockMs = t0 + 72 * HOUR;
    const restarted = createScheduler({ db, clock, logger, handlers: { note: handler } });
    await restarted.tick();
    await restarted.tick();
    expect(runs).toEqual([{ key: 'note:1', at: at(72 * HOUR) }]);
  });

  it('keeps its own rhythm over a simulated year: pruning handled updates once a day', async () => {
    const db = await freshDb();
    let ran = 0;
    const prune = builtInHandlers['prune-processed-updates'];
    const scheduler = createScheduler({
      db,
      clock,
      logger,
      handlers: {
        'prune-processed-updates': async (task, context) => {
          ran += 1;
          await prune?.(task, context);
        },
      },
    });
    for (let hour = 0; hour < 365 * 24; hour += 6) {
      clockMs = t0 + hour * HOUR;
      await db
        .insertInto('processed_updates')
        .values({ update_id: hour, processed_at: clock().toISOString() })
        .execute();
      await scheduler.tick();
    }
    expect(ran).toBe(365);
    const kept = await db
      .selectFrom('processed_updates')
      .select('processed_at')
      .orderBy('processed_at')
      .execute();
    expect(Date.parse(kept[0]?.processed_at ?? '')).toBeGreaterThanOrEqual(clockMs - 8 * 24 * HOUR);
  });

  it('retries a failing task with back-off, then gives up and records why', async () => {
    const db = await freshDb();
    const scheduler = createScheduler({
      db,
      clock,
      logger,
      random: () => 0,
      handlers: { broken: async () => Promise.reject(new Error('boom')) },
    });
    await scheduleTask(db, { kind: 'broken', key: 'broken:1', dueAt: at(0), now: at(0) });
    for (let i = 0; i < 10; i++) {
      await scheduler.tick();
      clockMs += HOUR;
    }
    const task = await db
      .selectFrom('scheduled_tasks')
      .selectAll()
      .where('task_key', '=', 'broken:1')
      .executeTakeFirstOrThrow();
    expect(task).toMatchObject({ state: 'failed', attempts: 5, last_error: 'Error: boom' });
  });

  it('gives a crashed scheduler’s tasks to another once the lease runs out', async () => {
    const db = await freshDb();
    const { runs, handler } = recorder();
    await scheduleTask(db, { kind: 'note', key: 'note:1', dueAt: at(0), now: at(0) });
    await claimDueTasks(db, { owner: 'crashed', now: at(0), leaseUntil: at(HOUR), limit: 10 });
    const survivor = createScheduler({ db, clock, logger, handlers: { note: handler } });
    await survivor.tick();
    expect(runs).toEqual([]);
    clockMs = t0 + HOUR;
    await survivor.tick();
    expect(runs).toHaveLength(1);
  });

  it('two schedulers on one database file never run the same task twice', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'accord-scheduler-')), 'race.db');
    const first = openDatabase({ file });
    await migrateToLatestOrThrow(first);
    const second = openDatabase({ file });
    open.push(first, second);
    for (let i = 0; i < 300; i++)
      await scheduleTask(first, { kind: 'note', key: `note:${i}`, dueAt: at(0), now: at(0) });
    const { runs, handler } = recorder();
    const a = createScheduler({ db: first, clock, logger, handlers: { note: handler }, batchSize: 7 });
    const b = createScheduler({ db: second, clock, logger, handlers: { note: handler }, batchSize: 7 });
    while ((await Promise.all([a.tick(), b.tick()])).some((n) => n > 0));
    const notes = runs.filter((r) => r.key.startsWith('note:'));
    expect(notes).toHaveLength(300);
    expect(new Set(notes.map((r) => r.key)).size).toBe(300);
  });
});
