import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { Api } from 'grammy';
import { type BotConfig, loadBotConfig } from './config';
import { createLogger } from './logger';
import { createTelegramRuntime } from './runtime';

/**
 * What the bot's and the worker's entry points share: validated configuration (a wrong value
 * ends the process with the reason), the migrated database, the bot's identity and the runtime.
 */
export async function bootFromEnvironment(name: 'bot' | 'worker') {
  let config: BotConfig;
  try {
    config = loadBotConfig(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  const logger = createLogger(config.LOG_LEVEL, name);
  const db = openDatabase({ file: config.DATABASE_FILE });
  await migrateToLatestOrThrow(db);
  const apiRoot = config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {};
  const api = new Api(config.TELEGRAM_BOT_TOKEN, apiRoot);
  const me = await api.getMe();
  const runtime = createTelegramRuntime({
    db,
    token: config.TELEGRAM_BOT_TOKEN,
    ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
    botUsername: me.username,
    botInfo: me,
    clock: () => new Date(),
    dashboardUrl: () => config.PUBLIC_URL,
    logger,
    dispatcher: {
      ...(config.WORKER_ID ? { workerId: config.WORKER_ID } : {}),
      pacing: { ratePerSecond: config.DISPATCH_RATE },
    },
  });
  return { config, logger, db, api, me, runtime };
}
