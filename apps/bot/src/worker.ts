import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { Api } from 'grammy';
import { loadBotConfig } from './config';
import { createLogger } from './logger';
import { createTelegramRuntime } from './runtime';

/** The worker on its own — the dispatcher and the scheduler: `npm run worker -w @accord/bot`. */
const config = loadBotConfig(process.env);
const logger = createLogger(config.LOG_LEVEL, 'worker');
const db = openDatabase({ file: config.DATABASE_FILE });
await migrateToLatestOrThrow(db);
const me = await new Api(
  config.TELEGRAM_BOT_TOKEN,
  config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {},
).getMe();
const { dispatcher, scheduler } = createTelegramRuntime({
  db,
  token: config.TELEGRAM_BOT_TOKEN,
  ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
  botUsername: me.username,
  clock: () => new Date(),
  logger,
  dispatcher: {
    ...(config.WORKER_ID ? { workerId: config.WORKER_ID } : {}),
    pacing: { ratePerSecond: config.DISPATCH_RATE },
  },
});
await dispatcher.start();
scheduler.start();
logger.info({ owner: dispatcher.owner }, 'worker running');
const shutdown = async () => {
  // In-flight sends finish and are recorded; what is left waits in the outbox for the next start.
  await Promise.all([dispatcher.stop(), scheduler.stop()]);
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
