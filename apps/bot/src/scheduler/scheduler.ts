import { hostname } from 'node:os';
import {
  claimDueTasks,
  completeTask,
  type Database,
  ensureTask,
  failTask,
  type Kysely,
  pruneProcessedUpdates,
  rescheduleTask,
  type ScheduledTask,
} from '@accord/db';
import {
  addMilliseconds,
  decideTaskFailure,
  PROCESSED_UPDATES_KEEP_MS,
  RECURRING_TASKS,
} from '@accord/domain';
import type { Logger } from 'pino';

export interface TaskContext {
  db: Kysely<Database>;
  now: string;
}

/** What a kind of task does; the reminder, voting and report engines add theirs. */
export type TaskHandler = (task: ScheduledTask, context: TaskContext) => Promise<void>;

/** Work every tick does besides due tasks (e.g. sending due reminders); returns how much it did. */
export type Sweep = (context: TaskContext & { owner: string }) => Promise<number>;

export interface SchedulerOptions {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  handlers?: Record<string, TaskHandler>;
  sweeps?: readonly Sweep[];
  workerId?: string;
  intervalMs?: number;
  leaseMs?: number;
  batchSize?: number;
  random?: () => number;
}

export const builtInHandlers: Record<string, TaskHandler> = {
  'prune-processed-updates': async (_task, { db, now }) =>
    pruneProcessedUpdates(db, addMilliseconds(now, -PROCESSED_UPDATES_KEEP_MS)),
};

const recurring = new Map<string, number>(RECURRING_TASKS.map((t) => [t.key, t.everyMs]));

/**
 * Runs time-driven work from durable rows (`scheduled_tasks`), never from in-memory timers:
 * each tick claims due tasks with a lease — the same claim as the outbox's — so any number of
 * schedulers can run, a crashed one's tasks come back, and work due while the process was down
 * runs once on the next tick.
 */
export function createScheduler(options: SchedulerOptions) {
  const { db, clock, logger } = options;
  const owner = `${options.workerId ?? `${hostname()}-${process.pid}`}:scheduler:${Date.now().toString(36)}`;
  const handlers = { ...builtInHandlers, ...options.handlers };
  const leaseMs = options.leaseMs ?? 60_000;
  const random = options.random ?? Math.random;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;

  async function run(task: ScheduledTask): Promise<void> {
    const now = clock().toISOString();
    const handler = handlers[task.kind];
    try {
      if (!handler) throw new Error(`no handler for task kind ${task.kind}`);
      await handler(task, { db, now });
      const every = recurring.get(task.task_key);
      if (every === undefined) await completeTask(db, task.id, owner, now);
      else
        await rescheduleTask(db, task.id, owner, {
          dueAt: addMilliseconds(now, every),
          error: null,
          resetAttempts: true,
        });
    } catch (error) {
      logger.error({ err: error, taskId: task.id, kind: task.kind }, 'scheduled task failed');
      const decision = decideTaskFailure(task.attempts, random());
      if ('fail' in decision) await failTask(db, task.id, owner, String(error));
      else
        await rescheduleTask(db, task.id, owner, {
          dueAt: addMilliseconds(now, decision.retryInMs),
          error: String(error),
          resetAttempts: false,
        });
    }
  }

  /** Claims the tasks due now and runs them; returns how many ran. */
  async function tick(): Promise<number> {
    const now = clock().toISOString();
    for (const task of RECURRING_TASKS)
      await ensureTask(db, { kind: task.kind, key: task.key, dueAt: now, now });
    const tasks = await claimDueTasks(db, {
      owner,
      now,
      leaseUntil: addMilliseconds(now, leaseMs),
      limit: options.batchSize ?? 100,
    });
    for (const task of tasks) await run(task);
    let swept = 0;
    for (const sweep of options.sweeps ?? []) swept += await sweep({ db, now: clock().toISOString(), owner });
    return tasks.length + swept;
  }

  const safeTick = () => {
    running = tick().catch((err: unknown) => logger.error({ err }, 'scheduler tick failed'));
  };

  return {
    owner,
    tick,
    start(): void {
      safeTick();
      timer = setInterval(safeTick, options.intervalMs ?? 15_000);
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type Scheduler = ReturnType<typeof createScheduler>;
