import type { Database, Kysely } from '@accord/db';
import { Api } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Logger } from 'pino';
import { ballotHandlers } from './ballots/scheduling';
import { createBot } from './bot/index';
import { createI18n, translator } from './i18n';
import { createDispatcher, type DispatcherOptions } from './outbox/dispatcher';
import { reminderHandlers, sendAllDueReminders } from './reminders/scheduling';
import { createOutboxRenderer } from './render/outbox-renderer';
import { createScheduler } from './scheduler/scheduler';

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
  const render = createOutboxRenderer({ db, t, botUsername, groupLanguage: 'ru', clock });
  const dispatcher = createDispatcher({ db, api, render, clock, logger, ...options.dispatcher });
  const scheduler = createScheduler({
    db,
    clock,
    logger,
    ...(options.dispatcher?.workerId ? { workerId: options.dispatcher.workerId } : {}),
    handlers: { ...reminderHandlers, ...ballotHandlers },
    sweeps: [sendAllDueReminders],
  });
  return { bot, api, i18n, t, render, dispatcher, scheduler };
}
