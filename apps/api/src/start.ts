import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createLogger, createMessagePreview, createTelegramRuntime, startPolling } from '@accord/bot';
import { lastClaimedUpdateId, migrateToLatestOrThrow, openDatabase } from '@accord/db';
import {
  linkSandboxCommissionGroup,
  sandboxDemoUsers,
  seedDemoPeople,
  seedDemoRegister,
  seedReference,
} from '@accord/seeds';
import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { Api, webhookCallback } from 'grammy';
import { createApp } from './app';
import { loadApiConfig } from './config';
import { serveAccord } from './http-server';

/**
 * The one-process composition root (`npm start`): API and dashboard, bot, dispatcher and
 * scheduler on one SQLite file. With no TELEGRAM_BOT_TOKEN it starts the Telegram sandbox,
 * seeds the demo commission linked to sandbox users, and points the bot at it.
 * This is the only module where the API sees the bot and the sandbox.
 */
let config: ReturnType<typeof loadApiConfig>;
try {
  config = loadApiConfig(process.env);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
const logger = createLogger(config.LOG_LEVEL, 'accord');
const clock = () => new Date();
const db = openDatabase({ file: config.DATABASE_FILE });
await migrateToLatestOrThrow(db);
await seedReference(db, clock().toISOString());

/** Real Telegram when a token is set; otherwise the bundled sandbox with the demo commission in it. */
async function connectTelegram(): Promise<{
  token: string;
  apiRoot: string | undefined;
  sandbox: Sandbox | null;
}> {
  if (config.TELEGRAM_BOT_TOKEN) {
    if (config.SEED_DEMO) await seedDemoPeople(db, clock().toISOString(), { linkSandboxTelegram: false });
    return { token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, sandbox: null };
  }
  // A database used before has claimed update ids: the sandbox goes on numbering after them.
  const started = await startSandbox({
    port: config.SANDBOX_PORT,
    firstUpdateId: (await lastClaimedUpdateId(db)) + 1,
  });
  await seedDemoPeople(db, clock().toISOString(), { linkSandboxTelegram: true });
  await seedDemoRegister(db, clock().toISOString());
  for (const user of sandboxDemoUsers())
    started.driver.addUser({ id: user.id, first_name: user.first_name, language_code: user.language_code });
  started.driver.addGroup(await linkSandboxCommissionGroup(db, clock().toISOString()));
  logger.warn(
    { sandbox: started.url },
    'No TELEGRAM_BOT_TOKEN: the bot talks to the bundled Telegram sandbox, with the demo commission',
  );
  return { token: started.token, apiRoot: started.url, sandbox: started };
}
const { token, apiRoot, sandbox } = await connectTelegram();

const telegramApi = new Api(token, apiRoot ? { apiRoot } : {});
const me = await telegramApi.getMe();
// The dashboard's address is known once the server listens (PORT=0 picks one).
let dashboardUrl = config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`;
const runtime = createTelegramRuntime({
  db,
  token,
  ...(apiRoot ? { apiRoot } : {}),
  botUsername: me.username,
  dashboardUrl: () => dashboardUrl,
  clock,
  logger,
});
runtime.bot.botInfo = me;
const useWebhook = Boolean(config.PUBLIC_URL && !sandbox);
const webDist = resolve(config.WEB_DIST);
const app = createApp({
  db,
  clock,
  logger,
  sandboxMode: config.sandboxMode,
  attachmentsDir: config.attachmentsDir,
  botUsername: me.username,
  secureCookies: config.PUBLIC_URL?.startsWith('https:') ?? false,
  onOutboxChange: () => runtime.dispatcher.wake(),
  previewMessage: createMessagePreview(runtime.render),
  ...(sandbox ? { sandboxUrl: sandbox.url } : {}),
  ...(existsSync(webDist) ? { webDist } : {}),
  ...(config.PUBLIC_URL ? { publicOrigin: new URL(config.PUBLIC_URL).origin } : {}),
  ...(useWebhook
    ? {
        telegramWebhook: webhookCallback(runtime.bot, 'hono', {
          secretToken: config.TELEGRAM_WEBHOOK_SECRET,
        }),
      }
    : {}),
});
if (!existsSync(webDist))
  logger.warn({ webDist }, 'The dashboard is not built (npm run build): only the API is served');

const { server, port } = await serveAccord(app, {
  port: config.PORT,
  hostname: config.HOST,
  ...(existsSync(webDist) ? { webDist } : {}),
});
if (!config.PUBLIC_URL) dashboardUrl = `http://${config.HOST}:${port}`;
console.log(`Accord is running: http://${config.HOST}:${port}/`);
if (sandbox) console.log(`Telegram sandbox: ${sandbox.url} (sign in on the dashboard as any demo person)`);

let polling: { stop(): Promise<void> } | undefined;
if (useWebhook && config.PUBLIC_URL) {
  await telegramApi.setWebhook(new URL('/telegram/webhook', config.PUBLIC_URL).href, {
    ...(config.TELEGRAM_WEBHOOK_SECRET ? { secret_token: config.TELEGRAM_WEBHOOK_SECRET } : {}),
  });
} else {
  await telegramApi.deleteWebhook();
  polling = startPolling(runtime.bot);
  logger.info({ username: me.username }, 'bot polling');
}
await runtime.dispatcher.start();
runtime.scheduler.start();

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  logger.info('shutting down');
  server.close();
  // The bot confirms the offset of handled updates; in-flight sends finish and are recorded.
  await Promise.all([polling?.stop(), runtime.dispatcher.stop(), runtime.scheduler.stop()]);
  await sandbox?.close();
  await db.destroy();
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
