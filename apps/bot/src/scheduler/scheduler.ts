import { type Database, type Kysely, pruneProcessedUpdates } from '@accord/db';
import { addMilliseconds } from '@accord/domain';
import type { Logger } from 'pino';

export interface SchedulerOptions {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  intervalMs?: number;
}

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Runs the time-driven work on a durable basis: every tick looks at the database as it is
 * (never at in-memory timers), so work due while the process was down is done on the next tick.
 * Today it keeps the processed-updates set to the span Telegram can re-deliver in.
 */
export function createScheduler({ db, clock, logger, intervalMs = 60_000 }: SchedulerOptions) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;

  async function tick(): Promise<void> {
    // Update ids may restart after a week of silence, so an older id is no longer a duplicate.
    await pruneProcessedUpdates(db, addMilliseconds(clock().toISOString(), -WEEK_MS));
  }

  const safeTick = () => {
    running = tick().catch((err: unknown) => logger.error({ err }, 'scheduler tick failed'));
  };

  return {
    tick,
    start(): void {
      safeTick();
      timer = setInterval(safeTick, intervalMs);
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
