import { describe, expect, it } from 'vitest';
import type { Message } from './telegram-types';
import { callApi, sandboxPerTest } from './test-support';

const USER = { id: 42, first_name: 'Ann', username: 'ann' };
const keyboard = (...buttons: Array<{ text: string; callback_data?: string; url?: string }>) => ({
  inline_keyboard: [buttons],
});

describe('sending, editing and deleting messages', () => {
  const sandbox = sandboxPerTest({ limits: false });

  it('answers sendMessage with a real Message: per-chat ids, the bot as sender, entities parsed from HTML', async () => {
    sandbox().driver.addUser(USER);
    const answer = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: '<b>Meeting</b> at <i>10:00</i> &amp; more',
      parse_mode: 'HTML',
      reply_markup: keyboard(
        { text: 'Yes', callback_data: 'v:1' },
        { text: 'Site', url: 'https://example.com' },
      ),
    });
    expect(answer).toMatchObject({
      ok: true,
      result: {
        message_id: 1,
        from: { id: 123456, is_bot: true, username: 'accord_sandbox_bot' },
        chat: { id: 42, type: 'private', first_name: 'Ann', username: 'ann' },
        text: 'Meeting at 10:00 & more',
        entities: [
          { type: 'bold', offset: 0, length: 7 },
          { type: 'italic', offset: 11, length: 5 },
        ],
        reply_markup: keyboard(
          { text: 'Yes', callback_data: 'v:1' },
          { text: 'Site', url: 'https://example.com' },
        ),
      },
    });
    expect(answer.result.date).toBeGreaterThan(1_700_000_000);
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'second' })).result.message_id).toBe(
      2,
    );
    expect(sandbox().driver.lastBotMessage(42)).toMatchObject({ message_id: 2, from: 'bot', text: 'second' });
    expect(sandbox().driver.chat(42).messages[0]).toMatchObject({
      html: '<b>Meeting</b> at <i>10:00</i> &amp; more',
      buttons: [
        [
          { text: 'Yes', callback_data: 'v:1' },
          { text: 'Site', url: 'https://example.com' },
        ],
      ],
      edited: false,
    });
  });

  it('takes urlencoded bodies, GET query strings and case-insensitive method names', async () => {
    sandbox().driver.addUser(USER);
    const base = `${sandbox().url}/bot${sandbox().token}`;
    const form = new URLSearchParams({
      chat_id: '42',
      text: 'form',
      reply_markup: JSON.stringify(keyboard({ text: 'A', callback_data: 'a' })),
    });
    const posted = await fetch(`${base}/sendmessage`, { method: 'POST', body: form });
    expect(await posted.json()).toMatchObject({
      ok: true,
      result: { text: 'form', reply_markup: { inline_keyboard: [[{ text: 'A' }]] } },
    });
    const got = await fetch(`${base}/sendMessage?chat_id=42&text=query`);
    expect(await got.json()).toMatchObject({ ok: true, result: { message_id: 2, text: 'query' } });
  });

  it.each([
    [{ text: 'a'.repeat(4097) }, 'Bad Request: message is too long'],
    [{ text: `<b>${'😀'.repeat(2048)}</b>!`, parse_mode: 'HTML' }, 'Bad Request: message is too long'],
    [{ text: '' }, 'Bad Request: message text is empty'],
    [{ text: ' \n ' }, 'Bad Request: message text is empty'],
    [{ text: '<b></b>', parse_mode: 'HTML' }, 'Bad Request: message text is empty'],
    [
      { text: 'Hello<script>', parse_mode: 'HTML' },
      'Bad Request: can\'t parse entities: Unsupported start tag "script" at byte offset 5',
    ],
    [
      { text: '<b>open', parse_mode: 'HTML' },
      'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"',
    ],
    [
      { text: 'Tom & Jerry', parse_mode: 'HTML' },
      'Bad Request: can\'t parse entities: Character "&" at byte offset 4 must be escaped as "&amp;"',
    ],
    [{ text: 'x', parse_mode: 'MarkdownV2' }, 'Bad Request: unsupported parse_mode'],
    [
      { text: 'x', reply_markup: keyboard({ text: 'B', callback_data: 'é'.repeat(33) }) },
      'Bad Request: BUTTON_DATA_INVALID',
    ],
    [
      { text: 'x', reply_markup: keyboard({ text: 'B' }) },
      "Bad Request: can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard",
    ],
    [{ text: 'x', reply_parameters: { message_id: 99 } }, 'Bad Request: message to be replied not found'],
  ])('refuses %j with 400 %j', async (params, description) => {
    sandbox().driver.addUser(USER);
    expect(await callApi(sandbox(), 'sendMessage', { chat_id: 42, ...params })).toEqual({
      ok: false,
      error_code: 400,
      description,
    });
    expect(sandbox().driver.ledger()).toEqual([]);
  });

  it('counts the 4096-character limit after parsing HTML, in UTF-16 units', async () => {
    sandbox().driver.addUser(USER);
    const answer = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: `<b>${'a'.repeat(4096)}</b>`,
      parse_mode: 'HTML',
    });
    expect(answer.ok).toBe(true);
  });

  it('refuses a chat it never saw, an unknown method and a wrong token', async () => {
    expect(await callApi(sandbox(), 'sendMessage', { chat_id: 7, text: 'x' })).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: chat not found',
    });
    expect(await callApi(sandbox(), 'sendPigeon', { chat_id: 7 })).toEqual({
      ok: false,
      error_code: 404,
      description: 'Not Found',
    });
    const response = await fetch(`${sandbox().url}/bot999:wrong/getMe`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ ok: false, error_code: 401, description: 'Unauthorized' });
  });

  it('edits text and markup; an edit without a keyboard removes it; the chat shows the message as it is now', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    driver.sendText(42, 'hello');
    const sent = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: 'Vote?',
      reply_markup: keyboard({ text: 'Yes', callback_data: 'y' }),
    });
    await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'to delete' });

    const edited = await callApi(sandbox(), 'editMessageText', {
      chat_id: 42,
      message_id: sent.result.message_id,
      text: '<b>Voted</b>',
      parse_mode: 'HTML',
    });
    expect(edited.result).toMatchObject({
      text: 'Voted',
      entities: [{ type: 'bold', offset: 0, length: 5 }],
    });
    expect(edited.result.reply_markup).toBeUndefined();
    expect(edited.result.edit_date).toBeGreaterThan(0);

    const remarked = await callApi(sandbox(), 'editMessageReplyMarkup', {
      chat_id: 42,
      message_id: sent.result.message_id,
      reply_markup: keyboard({ text: 'Undo', callback_data: 'u' }),
    });
    expect(remarked.result.reply_markup).toEqual(keyboard({ text: 'Undo', callback_data: 'u' }));
    expect((await callApi(sandbox(), 'deleteMessage', { chat_id: 42, message_id: 3 })).result).toBe(true);

    expect(driver.chat(42)).toEqual({
      id: 42,
      type: 'private',
      messages: [
        expect.objectContaining({
          message_id: 1,
          from: 'user',
          userId: 42,
          text: 'hello',
          buttons: [],
          edited: false,
        }),
        expect.objectContaining({
          message_id: 2,
          from: 'bot',
          text: 'Voted',
          html: '<b>Voted</b>',
          buttons: [[{ text: 'Undo', callback_data: 'u' }]],
          edited: true,
        }),
      ],
    });
    expect(driver.ledger().map((entry) => entry.method)).toEqual(['sendMessage', 'sendMessage']);
  });

  it("refuses an edit that changes nothing, and edits or deletes of messages that aren't there", async () => {
    sandbox().driver.addUser(USER);
    const markup = keyboard({ text: 'Yes', callback_data: 'y' });
    const sent = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: '<b>Same</b>',
      parse_mode: 'HTML',
      reply_markup: markup,
    });
    const id = sent.result.message_id;
    const notModified =
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';
    const same = {
      chat_id: 42,
      message_id: id,
      text: '<b>Same</b>',
      parse_mode: 'HTML',
      reply_markup: markup,
    };
    expect(await callApi(sandbox(), 'editMessageText', same)).toMatchObject({
      error_code: 400,
      description: notModified,
    });
    expect(
      await callApi(sandbox(), 'editMessageReplyMarkup', {
        chat_id: 42,
        message_id: id,
        reply_markup: markup,
      }),
    ).toMatchObject({
      description: notModified,
    });
    expect(
      (await callApi(sandbox(), 'editMessageText', { ...same, parse_mode: undefined, text: 'Same' })).ok,
    ).toBe(true);
    expect(
      await callApi(sandbox(), 'editMessageText', { chat_id: 42, message_id: 99, text: 'x' }),
    ).toMatchObject({
      description: 'Bad Request: message to edit not found',
    });
    expect(await callApi(sandbox(), 'deleteMessage', { chat_id: 42, message_id: 99 })).toMatchObject({
      description: 'Bad Request: message to delete not found',
    });
    const { message_id: userMessage } = sandbox().driver.sendText(42, 'mine');
    expect(
      await callApi(sandbox(), 'editMessageText', { chat_id: 42, message_id: userMessage, text: 'x' }),
    ).toMatchObject({
      description: "Bad Request: message can't be edited",
    });
  });

  it('sends a multipart document and keeps its content, name, type and caption', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const form = new FormData();
    form.set('chat_id', '42');
    form.set('caption', '<b>Minutes</b>');
    form.set('parse_mode', 'HTML');
    form.set('document', new Blob(['a,b\n1,2\n']), 'minutes.csv');
    const response = await fetch(`${sandbox().url}/bot${sandbox().token}/sendDocument`, {
      method: 'POST',
      body: form,
    });
    const answer = (await response.json()) as { ok: boolean; result: Message };
    expect(answer.result).toMatchObject({
      caption: 'Minutes',
      caption_entities: [{ type: 'bold', offset: 0, length: 7 }],
      document: { file_name: 'minutes.csv', mime_type: 'text/csv', file_size: 8 },
    });
    expect(driver.lastBotMessage(42)?.document).toEqual({
      file_name: 'minutes.csv',
      mime_type: 'text/csv',
      content: Buffer.from('a,b\n1,2\n'),
    });
    expect(driver.ledger()).toEqual([
      expect.objectContaining({ seq: 1, method: 'sendDocument', chatId: 42, messageId: 1, text: 'Minutes' }),
    ]);

    const again = await callApi(sandbox(), 'sendDocument', {
      chat_id: 42,
      document: answer.result.document?.file_id,
    });
    expect(again.result.document?.file_id).toBe(answer.result.document?.file_id);
    expect(await callApi(sandbox(), 'sendDocument', { chat_id: 42, document: 'nonsense' })).toMatchObject({
      description: 'Bad Request: wrong file identifier/HTTP URL specified',
    });
    expect(
      await callApi(sandbox(), 'sendDocument', {
        chat_id: 42,
        document: answer.result.document?.file_id,
        caption: 'c'.repeat(1025),
      }),
    ).toMatchObject({
      description: 'Bad Request: message caption is too long',
    });
  });

  it('answers each callback query once, and not after the timeout', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const sent = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: 'Vote?',
      reply_markup: keyboard({ text: 'Yes', callback_data: 'y' }),
    });
    const { callbackQueryId } = driver.pressButton(42, 42, sent.result.message_id, 'y');
    expect(
      await callApi(sandbox(), 'answerCallbackQuery', {
        callback_query_id: callbackQueryId,
        text: 'Counted',
        show_alert: true,
      }),
    ).toEqual({
      ok: true,
      result: true,
    });
    expect(driver.callbackAnswer(callbackQueryId)).toEqual({ text: 'Counted', show_alert: true });
    expect(await callApi(sandbox(), 'answerCallbackQuery', { callback_query_id: callbackQueryId })).toEqual({
      ok: false,
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
  });

  it('keeps commands per scope and language, answers getChat, and accepts chat actions and a menu button', async () => {
    sandbox().driver.addUser(USER);
    const commands = [{ command: 'start', description: 'Start' }];
    await callApi(sandbox(), 'setMyCommands', { commands, language_code: 'ru' });
    expect((await callApi(sandbox(), 'getMyCommands', { language_code: 'ru' })).result).toEqual(commands);
    expect((await callApi(sandbox(), 'getMyCommands')).result).toEqual([]);
    await callApi(sandbox(), 'deleteMyCommands', { language_code: 'ru' });
    expect((await callApi(sandbox(), 'getMyCommands', { language_code: 'ru' })).result).toEqual([]);
    expect((await callApi(sandbox(), 'getChat', { chat_id: 42 })).result).toMatchObject({
      id: 42,
      type: 'private',
      first_name: 'Ann',
    });
    expect((await callApi(sandbox(), 'sendChatAction', { chat_id: 42, action: 'typing' })).result).toBe(true);
    expect(
      (await callApi(sandbox(), 'setChatMenuButton', { menu_button: { type: 'commands' } })).result,
    ).toBe(true);
  });
});

describe('a late answer to a callback query', () => {
  const sandbox = sandboxPerTest({ limits: false, callbackAnswerTimeoutMs: 20 });

  it('fails with "query is too old" once the timeout has passed', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const sent = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: 'Vote?',
      reply_markup: keyboard({ text: 'Yes', callback_data: 'y' }),
    });
    const pressedAt = Date.now();
    const { callbackQueryId } = driver.pressButton(42, 42, sent.result.message_id, 'y');
    await driver.waitFor(() => Date.now() - pressedAt > 25);
    expect(
      await callApi(sandbox(), 'answerCallbackQuery', { callback_query_id: callbackQueryId }),
    ).toMatchObject({
      error_code: 400,
      description: 'Bad Request: query is too old and response timeout expired or query ID is invalid',
    });
  });
});
