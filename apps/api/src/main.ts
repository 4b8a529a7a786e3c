import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger } from '@accord/bot';
import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { seedReference } from '@accord/seeds';
import { Api } from 'grammy';
import { createApp } from './app';
import { loadApiConfig } from './config';
import { serveAccord } from './http-server';

/**
 * The API and dashboard on their own (`npm start -w @accord/api`), for running the parts as
 * separate processes: the bot and the worker run beside it on the same database.
 */
const config = loadApiConfig(process.env);
if (!config.TELEGRAM_BOT_TOKEN) {
  console.error(
    'The API alone needs TELEGRAM_BOT_TOKEN (and TELEGRAM_API_ROOT for a sandbox); `npm start` runs everything at once.',
  );
  process.exit(2);
}
const logger = createLogger(config.LOG_LEVEL, 'api');
const db = openDatabase({ file: config.DATABASE_FILE });
await migrateToLatestOrThrow(db);
await seedReference(db, new Date().toISOString());
const me = await new Api(
  config.TELEGRAM_BOT_TOKEN,
  config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {},
).getMe();
const webDist = resolve(config.WEB_DIST);
const app = createApp({
  db,
  clock: () => new Date(),
  logger,
  sandboxMode: config.sandboxMode,
  attachmentsDir: config.attachmentsDir,
  botUsername: me.username,
  secureCookies: config.PUBLIC_URL?.startsWith('https:') ?? false,
  // A separately started sandbox (TELEGRAM_SANDBOX=1): the Chats page drives it at the same root.
  ...(config.sandboxMode && config.TELEGRAM_API_ROOT ? { sandboxUrl: config.TELEGRAM_API_ROOT } : {}),
  ...(existsSync(webDist) ? { webDist } : {}),
});
const { server, port } = await serveAccord(app, {
  port: config.PORT,
  hostname: config.HOST,
  ...(existsSync(webDist) ? { webDist } : {}),
});
console.log(`Accord API: http://${config.HOST}:${port}/`);
const shutdown = async () => {
  server.close();
  await db.destroy();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
