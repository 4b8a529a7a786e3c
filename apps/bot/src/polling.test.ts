import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { Bot } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { oneChatAtATime, startPolling } from './polling';

let sandbox: Sandbox;
beforeEach(async () => {
  sandbox = await startSandbox({ limits: false });
  for (const id of [1, 2]) sandbox.driver.addUser({ id, first_name: `User ${id}` });
});
afterEach(() => sandbox.close());

describe('long polling', () => {
  it('handles two chats at once and one chat in order; once stopped, nothing handled is handed out again', async () => {
    const { driver } = sandbox;
    const bot = new Bot(sandbox.token, { botInfo: sandbox.botInfo, client: { apiRoot: sandbox.url } });
    const handled: string[] = [];
    let release = () => {};
    const slow = new Promise<void>((done) => {
      release = done;
    });
    bot.use(oneChatAtATime);
    bot.on('message:text', async (ctx) => {
      if (ctx.message.text === 'slow') await slow;
      handled.push(ctx.message.text);
    });
    const polling = startPolling(bot);
    try {
      driver.sendText(1, 'slow');
      driver.sendText(1, 'after slow');
      driver.sendText(2, 'other chat');
      // The other chat is not held up by the slow one; the slow chat's next message waits for it.
      await driver.waitFor(() => handled.includes('other chat'));
      expect(handled).toEqual(['other chat']);
      release();
      await driver.waitFor(() => handled.length === 3);
      expect(handled).toEqual(['other chat', 'slow', 'after slow']);
    } finally {
      release();
      await polling.stop();
    }
    // Nothing handled is handed out again after a restart.
    expect(await bot.api.getUpdates({ offset: 0, timeout: 0 })).toEqual([]);
  });
});
