import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { Api } from 'grammy';
import { BOT_COMMANDS } from './bot/index';
import { loadBotConfig } from './config';
import { createLogger } from './logger';
import { createTelegramRuntime } from './runtime';

/** The bot on its own, long polling: `npm start -w @accord/bot`. */
const config = loadBotConfig(process.env);
const logger = createLogger(config.LOG_LEVEL, 'bot');
const db = openDatabase({ file: config.DATABASE_FILE });
await migrateToLatestOrThrow(db);
const api = new Api(
  config.TELEGRAM_BOT_TOKEN,
  config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {},
);
const me = await api.getMe();
const { bot } = createTelegramRuntime({
  db,
  token: config.TELEGRAM_BOT_TOKEN,
  ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
  botUsername: me.username,
  clock: () => new Date(),
  logger,
});
bot.botInfo = me;
await api.setMyCommands([...BOT_COMMANDS.ru]);
await api.setMyCommands([...BOT_COMMANDS.en], { language_code: 'en' });
const shutdown = async () => {
  // stop() confirms the offset of handled updates, so a restart does not see them again.
  await bot.stop();
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
logger.info({ username: me.username }, 'bot polling');
await bot.start({ drop_pending_updates: false });
