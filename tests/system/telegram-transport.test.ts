import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '@accord/api';
import { createLogger, createTelegramRuntime } from '@accord/bot';
import { type Database, type Kysely, openTestDatabase } from '@accord/db';
import { sandboxDemoUsers, seedDemoPeople, seedReference } from '@accord/seeds';
import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { webhookCallback } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/processes';

const SECRET = 'webhook-secret-0123456789';
let sandbox: Sandbox;
let db: Kysely<Database>;
const logger = createLogger('silent', 'test');

beforeEach(async () => {
  sandbox = await startSandbox();
  db = await openTestDatabase();
  const now = new Date().toISOString();
  await seedReference(db, now);
  await seedDemoPeople(db, now, { linkSandboxTelegram: true });
  for (const u of sandboxDemoUsers())
    sandbox.driver.addUser({ id: u.id, first_name: u.first_name, language_code: u.language_code });
});
afterEach(async () => {
  await sandbox.close();
  await db.destroy();
});

const runtime = () =>
  createTelegramRuntime({
    db,
    token: sandbox.token,
    apiRoot: sandbox.url,
    botUsername: sandbox.botInfo.username,
    botInfo: sandbox.botInfo,
    dashboardUrl: () => 'http://dashboard.test',
    clock: () => new Date(),
    logger,
  });
const helpUpdate = (updateId: number, userId: number) => ({
  update_id: updateId,
  message: {
    message_id: 1,
    date: Math.floor(Date.now() / 1000),
    chat: { id: userId, type: 'private', first_name: 'X' },
    from: { id: userId, is_bot: false, first_name: 'X' },
    text: '/help',
    entities: [{ type: 'bot_command', offset: 0, length: 5 }],
  },
});

describe('the webhook', () => {
  it('refuses a call without the secret token, and handles the same update once', async () => {
    const { bot } = runtime();
    const app = createApp({
      db,
      clock: () => new Date(),
      logger,
      sandboxMode: true,
      botUsername: 'b',
      // Nothing is uploaded here: the folder is never created.
      attachmentsDir: join(tmpdir(), 'accord-webhook-test-attachments'),
      secureCookies: false,
      telegramWebhook: webhookCallback(bot, 'hono', { secretToken: SECRET }),
    });
    const user = sandboxDemoUsers()[3]?.id ?? 0;
    const post = (headers: Record<string, string>) =>
      app.request('/telegram/webhook', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(helpUpdate(1_000_001, user)),
      });
    expect((await post({})).status).toBe(401);
    expect((await post({ 'x-telegram-bot-api-secret-token': 'wrong-secret-0123456789' })).status).toBe(401);
    expect(sandbox.driver.calls({ method: 'sendMessage' })).toHaveLength(0);
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
    expect((await post({ 'x-telegram-bot-api-secret-token': SECRET })).status).toBe(200);
    expect(sandbox.driver.calls({ method: 'sendMessage', chatId: user })).toHaveLength(1);
  });
});

describe('long polling', () => {
  it('confirms the offset on stop, so a restarted bot does not handle the same updates again', async () => {
    const user = sandboxDemoUsers()[4]?.id ?? 0;
    const first = runtime().bot;
    const polling = first.start({ timeout: 1 });
    sandbox.driver.sendCommand(user, '/help');
    await waitUntil(() => sandbox.driver.calls({ method: 'sendMessage', chatId: user }).length === 1);
    await first.stop();
    await polling;
    await db.deleteFrom('processed_updates').execute(); // only the offset may keep the update from coming back
    const second = runtime().bot;
    const again = second.start({ timeout: 1 });
    sandbox.driver.sendCommand(user, '/meetings');
    await waitUntil(() => sandbox.driver.calls({ method: 'sendMessage', chatId: user }).length === 2);
    await second.stop();
    await again;
    const texts = sandbox.driver
      .chat(user)
      .messages.filter((m) => m.from === 'bot')
      .map((m) => m.text ?? '');
    expect(texts).toHaveLength(2);
    expect(texts[1]).not.toContain('/meetings —');
  });
});
