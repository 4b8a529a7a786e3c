import type { SandboxLimits, SandboxStats } from '@accord/telegram-sandbox';
import { type DeliveryCount, DeliveryWatch } from './deliveries';
import { prepareNotice, waitForOutboxSettled } from './fixture';
import { TELEGRAM_SENDS_PER_SECOND } from './report';
import { peakRssMb, startWorker, stopWorker, workerErrorLines } from './worker-process';

export interface NoticeRoundOptions {
  members: number;
  limits?: Partial<SandboxLimits> | false;
  dispatchRate?: number;
  workerId: string;
}

export interface NoticeRound {
  /** False when some member still had nothing at the round's deadline. */
  complete: boolean;
  /** Enqueue commit → the ledger holding every member, seconds (the deadline if incomplete). */
  elapsedS: number;
  /** First ledger entry → the ledger holding every member, seconds. */
  firstToLastS: number;
  /** The ledger's sends ÷ 30/s, seconds. */
  floorS: number;
  count: DeliveryCount;
  stats: SandboxStats;
  peakRssMb: number | null;
  /** Every outbox row reached sent or failed before the worker was stopped. */
  settled: boolean;
  /** Lines the worker logged at error level or above. */
  workerErrors: number;
}

/** Generous enough to see a slow run through, bounded so the script always ends. */
export const roundDeadlineMs = (members: number) => ((members / TELEGRAM_SENDS_PER_SECOND) * 3 + 30) * 1000;

/**
 * One round of the notice broadcast: fresh database and sandbox, the worker started and idle,
 * one notice per member enqueued and committed, then timed until every member has it.
 */
export async function runNoticeRound(options: NoticeRoundOptions): Promise<NoticeRound> {
  const fixture = await prepareNotice({
    members: options.members,
    ...(options.limits === undefined ? {} : { limits: options.limits }),
  });
  try {
    const worker = await startWorker({
      databaseFile: fixture.file,
      sandboxUrl: fixture.sandbox.url,
      token: fixture.sandbox.token,
      workerId: options.workerId,
      ...(options.dispatchRate === undefined ? {} : { dispatchRate: options.dispatchRate }),
    });
    try {
      // Past its first claim and scheduler tick: the dispatcher is in its idle sleep.
      await new Promise((r) => setTimeout(r, 500));
      const watch = new DeliveryWatch(fixture.sandbox, fixture.memberChatIds);
      const committedAt = await fixture.enqueueNotice();
      const deadlineMs = roundDeadlineMs(options.members);
      const completeAt = await watch.waitForEveryMember(deadlineMs);
      const settled = await waitForOutboxSettled(fixture.db, 30_000);
      const rss = peakRssMb(worker.pid);
      const firstAt = fixture.sandbox.driver.ledger()[0]?.at ?? committedAt;
      const count = watch.count();
      return {
        complete: completeAt !== null,
        elapsedS: ((completeAt ?? committedAt + deadlineMs) - committedAt) / 1000,
        firstToLastS: ((completeAt ?? committedAt + deadlineMs) - firstAt) / 1000,
        floorS: count.sends / TELEGRAM_SENDS_PER_SECOND,
        count,
        stats: fixture.sandbox.driver.stats(),
        peakRssMb: rss,
        settled,
        workerErrors: workerErrorLines(worker),
      };
    } finally {
      await stopWorker(worker);
    }
  } finally {
    await fixture.close();
  }
}
