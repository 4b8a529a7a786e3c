import { Bot, GrammyError, InlineKeyboard, InputFile } from 'grammy';
import type { MessageEntity } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from './sandbox';
import { sandboxPerTest } from './test-support';

const ANN = { id: 42, first_name: 'Ann', language_code: 'ru' };

function createBot(sandbox: Sandbox): Bot {
  const bot = new Bot(sandbox.token, { botInfo: sandbox.botInfo, client: { apiRoot: sandbox.url } });
  bot.catch((error) => {
    throw error.error;
  });
  return bot;
}

describe('a real grammY bot against the sandbox', () => {
  const sandbox = sandboxPerTest({ limits: false });

  it('long-polls a /start, replies with a button, answers the press and edits the message', async () => {
    const { driver } = sandbox();
    const bot = createBot(sandbox());
    const seen: { match?: string; entities?: MessageEntity[] } = {};
    bot.command('start', async (ctx) => {
      seen.match = ctx.match;
      seen.entities = ctx.message?.entities;
      await ctx.reply(`Welcome, <b>${ctx.from?.first_name}</b>`, {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('Confirm', 'confirm:1'),
      });
    });
    bot.callbackQuery('confirm:1', async (ctx) => {
      await ctx.answerCallbackQuery({ text: 'Confirmed' });
      await ctx.editMessageText('Confirmed ✅');
    });
    const running = bot.start({ timeout: 5 });
    try {
      driver.addUser(ANN);
      driver.sendCommand(42, 'start', 'invite-token');
      const reply = await driver.waitFor(() => driver.lastBotMessage(42));
      expect(seen).toEqual({
        match: 'invite-token',
        entities: [{ type: 'bot_command', offset: 0, length: 6 }],
      });
      expect(reply).toMatchObject({
        text: 'Welcome, Ann',
        entities: [{ type: 'bold', offset: 9, length: 3 }],
        buttons: [[{ text: 'Confirm', callback_data: 'confirm:1' }]],
      });

      const { callbackQueryId } = driver.pressButtonByText(42, 42, 'Confirm');
      const edited = await driver.waitFor(() => {
        const message = driver.lastBotMessage(42);
        return message?.edited ? message : undefined;
      });
      expect(edited).toMatchObject({ message_id: reply.message_id, text: 'Confirmed ✅', buttons: [] });
      expect(driver.callbackAnswer(callbackQueryId)).toEqual({ text: 'Confirmed' });
    } finally {
      await bot.stop();
      await running;
    }
  });

  it('confirms the offset on stop, so a restarted bot does not handle an update twice', async () => {
    const { driver } = sandbox();
    driver.addUser(ANN);
    const handled: number[] = [];
    const startBot = () => {
      const bot = createBot(sandbox());
      bot.on('message', (ctx) => {
        handled.push(ctx.update.update_id);
      });
      return { bot, running: bot.start({ timeout: 5 }) };
    };
    const first = startBot();
    driver.sendText(42, 'once');
    await driver.waitFor(() => handled.length === 1);
    await first.bot.stop();
    await first.running;

    const second = startBot();
    driver.sendText(42, 'twice?');
    await driver.waitFor(() => handled.length === 2);
    await second.bot.stop();
    await second.running;
    expect(handled).toEqual([1, 2]);
  });

  it('uploads a document as multipart/form-data, the way grammY sends files', async () => {
    const { driver } = sandbox();
    driver.addUser(ANN);
    const bot = createBot(sandbox());
    const message = await bot.api.sendDocument(
      42,
      new InputFile(Buffer.from('BEGIN:VCALENDAR'), 'meeting 12.ics'),
      {
        caption: '<i>Invitation</i>',
        parse_mode: 'HTML',
      },
    );
    expect(message.document).toMatchObject({
      file_name: 'meeting 12.ics',
      mime_type: 'text/calendar',
      file_size: 15,
    });
    expect(driver.lastBotMessage(42)).toMatchObject({
      caption: 'Invitation',
      html: '<i>Invitation</i>',
      document: { file_name: 'meeting 12.ics', content: Buffer.from('BEGIN:VCALENDAR') },
    });
  });

  it("surfaces Telegram's errors as GrammyError with the code, description and retry_after", async () => {
    const { driver } = sandbox();
    driver.addUser(ANN);
    driver.injectFault({
      method: 'sendMessage',
      error: { error_code: 429, description: 'Too Many Requests: retry after 3', retry_after: 3 },
    });
    const bot = createBot(sandbox());
    const failure = await bot.api.sendMessage(42, 'x').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GrammyError);
    expect(failure).toMatchObject({ error_code: 429, parameters: { retry_after: 3 } });
    driver.blockBot(42);
    await expect(bot.api.sendMessage(42, 'x')).rejects.toMatchObject({
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
  });
});
