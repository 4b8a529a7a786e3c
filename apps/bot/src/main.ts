import { bootFromEnvironment } from './boot';
import { BOT_COMMANDS } from './bot/index';
import { startPolling } from './polling';

/** The bot on its own, long polling: `npm start -w @accord/bot`. */
const { logger, db, api, me, runtime } = await bootFromEnvironment('bot');
await api.setMyCommands([...BOT_COMMANDS.ru]);
await api.setMyCommands([...BOT_COMMANDS.en], { language_code: 'en' });
// Polling and a webhook exclude each other.
await api.deleteWebhook();
const polling = startPolling(runtime.bot);
const shutdown = async () => {
  // stop() confirms the offset of handled updates, so a restart does not see them again.
  await polling.stop();
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
logger.info({ username: me.username }, 'bot polling');
