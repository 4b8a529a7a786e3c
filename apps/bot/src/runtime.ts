import type { Database, Kysely } from '@accord/db';
import { Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { createBot } from './bot/index';
import { createI18n, translator } from './i18n';
import { createDispatcher, type DispatcherOptions } from './outbox/dispatcher';
import { planAllReminders, planReminders } from './reminders/planner';
import { sendDueReminders } from './reminders/sender';
import { createOutboxRenderer } from './render/outbox-renderer';
import { createScheduler, type Sweep, type TaskHandler } from './scheduler/scheduler';

/** Sends every due reminder in batches, so a tick after downtime catches up at once. */
const sendAllDueReminders: Sweep = async ({ db, owner, now }) => {
  let total = 0;
  for (
    let sent = await sendDueReminders(db, owner, now);
    sent > 0;
    sent = await sendDueReminders(db, owner, now)
  )
    total += sent;
  return total;
};

/** The scheduler's reminder work: plan one item's reminders after it changed, or every open item's each hour. */
const reminderHandlers: Record<string, TaskHandler> = {
  'plan-reminders': async (task, { db, now }) => {
    const { subjectType, subjectId } = JSON.parse(task.payload) as { subjectType: string; subjectId: number };
    await planReminders(db, subjectType, subjectId, now);
  },
  'plan-all-reminders': async (_task, { db, now }) => {
    await planAllReminders(db, now);
  },
};

export interface TelegramRuntimeOptions {
  db: Kysely<Database>;
  token: string;
  apiRoot?: string;
  botUsername: string;
  /** Known bot identity, so the bot needs no getMe call at start. */
  botInfo?: UserFromGetMe;
  dashboardUrl: () => string;
  clock: () => Date;
  logger: Logger;
  dispatcher?: Partial<Pick<DispatcherOptions, 'workerId' | 'concurrency' | 'leaseMs' | 'idleMs' | 'pacing'>>;
}

/** The bot, the dispatcher and the scheduler, wired to one database; each entry point starts the parts it runs. */
export function createTelegramRuntime(options: TelegramRuntimeOptions) {
  const i18n = createI18n();
  const t = translator(i18n);
  const { db, clock, logger, botUsername } = options;
  const bot = createBot(
    options.token,
    { db, clock, logger, t, botUsername, dashboardUrl: options.dashboardUrl },
    i18n,
    {
      ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
      ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    },
  );
  const api = new Api(options.token, {
    ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}),
    timeoutSeconds: 10,
  });
  const render = createOutboxRenderer({ db, t, botUsername, groupLanguage: 'ru' });
  const dispatcher = createDispatcher({ db, api, render, clock, logger, ...options.dispatcher });
  const scheduler = createScheduler({
    db,
    clock,
    logger,
    ...(options.dispatcher?.workerId ? { workerId: options.dispatcher.workerId } : {}),
    handlers: reminderHandlers,
    sweeps: [sendAllDueReminders],
  });
  return { bot, api, i18n, t, render, dispatcher, scheduler };
}
