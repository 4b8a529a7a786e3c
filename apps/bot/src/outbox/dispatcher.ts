import { hostname } from 'node:os';
import {
  type ClaimedMessage,
  claimDueMessages,
  type Database,
  type Kysely,
  markMessageFailed,
  markMessageSent,
  markMessageSkipped,
  rescheduleMessage,
} from '@accord/db';
import { addMilliseconds, decideOnFailure, type SendOutcome } from '@accord/domain';
import type { Api } from 'grammy';
import type { Logger } from 'pino';
import { reportUnreachable } from '../reachability';
import type { OutboundMessage, OutboxRenderer } from '../render/outbox-renderer';
import { createPacer, type PacerOptions } from './pacer';
import { sendToTelegram } from './telegram-sender';

export interface DispatcherOptions {
  db: Kysely<Database>;
  api: Api;
  render: OutboxRenderer;
  clock: () => Date;
  logger: Logger;
  /** One id per worker process; rows it leased come back at once when a process with this id restarts. */
  workerId?: string;
  /** Sends in flight at once: also the most rows a crash can leave in doubt. */
  concurrency?: number;
  leaseMs?: number;
  idleMs?: number;
  pacing?: Partial<PacerOptions>;
  random?: () => number;
  /** Replaces the Telegram call, for tests that need a fault between sending and recording. */
  send?: (api: Api, message: OutboundMessage) => Promise<SendOutcome>;
}

/** Telegram allows about 30 messages a second; staying a little under leaves room for jitter. */
export const DEFAULT_PACING: PacerOptions = {
  ratePerSecond: 29,
  burst: 5,
  privateChatIntervalMs: 1000,
  groupChatIntervalMs: 3000,
};

/**
 * Drains the outbox: claims due rows with a lease, renders each at send time, paces sends
 * under Telegram's limits, and settles each row exactly once (sent, rescheduled or failed).
 * A crash leaves at most `concurrency` rows in doubt; their leases bring them back.
 */
export function createDispatcher(options: DispatcherOptions) {
  const { db, api, render, clock, logger } = options;
  const workerId = options.workerId ?? `${hostname()}-${process.pid}`;
  const owner = `${workerId}:${Date.now().toString(36)}`;
  const concurrency = options.concurrency ?? 8;
  const leaseMs = options.leaseMs ?? 30_000;
  const idleMs = options.idleMs ?? 250;
  const random = options.random ?? Math.random;
  const send = options.send ?? sendToTelegram;
  const pacer = createPacer({ ...DEFAULT_PACING, ...options.pacing });
  const inFlight = new Set<Promise<void>>();
  const iso = () => clock().toISOString();
  let running = false;
  let loop: Promise<void> | null = null;
  let wakeUp: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  async function settleFailure(
    row: ClaimedMessage,
    message: OutboundMessage,
    outcome: Exclude<SendOutcome, { ok: true }>,
  ) {
    const now = iso();
    const decision = decideOnFailure(outcome, row.attempts, random());
    const error =
      'network' in outcome ? `network: ${outcome.network}` : `${outcome.errorCode}: ${outcome.description}`;
    switch (decision.kind) {
      case 'retry-after':
        pacer.pauseFor(decision.delayMs);
        await rescheduleMessage(db, row.id, owner, {
          dueAt: addMilliseconds(now, decision.delayMs),
          error,
          countAttempt: false,
        });
        return;
      case 'backoff':
        await rescheduleMessage(db, row.id, owner, {
          dueAt: addMilliseconds(now, decision.delayMs),
          error,
          countAttempt: true,
        });
        return;
      case 'unreachable':
        await markMessageFailed(db, row.id, owner, decision.reason);
        if (message.personId !== null) await reportUnreachable(db, message.personId, decision.reason, now);
        return;
      case 'failed':
        await markMessageFailed(db, row.id, owner, decision.reason);
        return;
    }
  }

  async function deliver(row: ClaimedMessage): Promise<void> {
    try {
      const rendered = await render(row);
      if (!rendered.ok) {
        pacer.refund();
        if (rendered.skip) await markMessageSkipped(db, row.id, owner, rendered.reason, iso());
        else await markMessageFailed(db, row.id, owner, rendered.reason);
        return;
      }
      const message = rendered.message;
      const chatWait = pacer.chatWaitMs(message.chatId);
      if (chatWait > 0) {
        pacer.refund();
        await rescheduleMessage(db, row.id, owner, {
          dueAt: addMilliseconds(iso(), chatWait),
          error: null,
          countAttempt: false,
        });
        return;
      }
      pacer.markChatSent(message.chatId);
      const outcome = await send(api, message);
      if (outcome.ok) await markMessageSent(db, row.id, owner, outcome.messageId, iso());
      else await settleFailure(row, message, outcome);
    } catch (error) {
      logger.error({ err: error, outboxId: row.id }, 'delivering an outbox row failed');
      await rescheduleMessage(db, row.id, owner, {
        dueAt: addMilliseconds(iso(), 5_000),
        error: String(error),
        countAttempt: true,
      }).catch(() => undefined);
    }
  }

  /** Claims what may be sent now and starts sending it; returns how many rows were claimed. */
  async function claimAndSend(): Promise<number> {
    const room = Math.min(concurrency - inFlight.size, pacer.available());
    if (room <= 0) return 0;
    const now = iso();
    const rows = await claimDueMessages(db, {
      owner,
      now,
      leaseUntil: addMilliseconds(now, leaseMs),
      limit: room,
    });
    pacer.take(rows.length);
    for (const row of rows) {
      const task: Promise<void> = deliver(row).finally(() => {
        inFlight.delete(task);
        wakeUp?.();
      });
      inFlight.add(task);
    }
    return rows.length;
  }

  async function run() {
    while (running) {
      const wait = pacer.waitMs();
      if (wait > 0) await sleep(Math.min(wait, idleMs));
      else if (inFlight.size >= concurrency) await sleep(idleMs);
      else if ((await claimAndSend()) === 0) await sleep(idleMs);
    }
    await Promise.allSettled([...inFlight]);
  }

  /** Rows this worker id leased before a restart come back now, not when their leases run out. */
  async function releaseOwnLeases() {
    await db
      .updateTable('outbox')
      .set({ state: 'pending', lease_owner: null, lease_until: null })
      .where('state', '=', 'sending')
      .where('lease_owner', 'like', `${workerId}:%`)
      .where('lease_owner', '!=', owner)
      .execute();
  }

  return {
    owner,
    async start(): Promise<void> {
      if (running) return;
      await releaseOwnLeases();
      running = true;
      loop = run();
    },
    /** Stops claiming, lets the sends in flight finish and be recorded, then resolves. */
    async stop(): Promise<void> {
      running = false;
      wakeUp?.();
      await loop;
      loop = null;
    },
    /** Something was enqueued: look now rather than at the next idle tick. */
    wake(): void {
      wakeUp?.();
    },
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
