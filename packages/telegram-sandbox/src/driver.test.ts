import { describe, expect, it } from 'vitest';
import type { Update } from './telegram-types';
import { callApi, sandboxPerTest } from './test-support';

const USER = { id: 42, first_name: 'Ann', language_code: 'ru' };
const voteKeyboard = {
  inline_keyboard: [
    [
      { text: 'Yes (0)', callback_data: 'v:1:y' },
      { text: 'No', callback_data: 'v:1:n' },
    ],
  ],
};

describe('the driver', () => {
  const sandbox = sandboxPerTest({ limits: false });
  const poll = async () => (await callApi<Update[]>(sandbox(), 'getUpdates')).result;

  it('presses a button with the message as it is now, and refuses a button the message does not have', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const sent = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: 'Vote',
      reply_markup: voteKeyboard,
    });
    await callApi(sandbox(), 'editMessageText', {
      chat_id: 42,
      message_id: sent.result.message_id,
      text: 'Vote (edited)',
      reply_markup: voteKeyboard,
    });
    const pressed = driver.pressButton(42, 42, sent.result.message_id, 'v:1:y');
    const [update] = await poll();
    expect(update).toMatchObject({
      update_id: pressed.update_id,
      callback_query: {
        id: pressed.callbackQueryId,
        from: { id: 42, first_name: 'Ann', language_code: 'ru' },
        data: 'v:1:y',
        message: { message_id: sent.result.message_id, text: 'Vote (edited)' },
      },
    });
    expect(() => driver.pressButton(42, 42, sent.result.message_id, 'v:9:y')).toThrow(
      /no button with callback_data "v:9:y"/,
    );
    expect(() => driver.pressButtonByText(42, 42, 'Maybe')).toThrow(/no message in chat 42/);
  });

  it('presses by button text on the newest message, or forges any payload', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'old', reply_markup: voteKeyboard });
    const newer = await callApi(sandbox(), 'sendMessage', {
      chat_id: 42,
      text: 'new',
      reply_markup: voteKeyboard,
    });
    driver.pressButtonByText(42, 42, 'Yes');
    driver.forgeCallback(42, 42, 1, 'admin:delete-all');
    const updates = await poll();
    expect(
      updates.map((update) => [update.callback_query?.message?.message_id, update.callback_query?.data]),
    ).toEqual([
      [newer.result.message_id, 'v:1:y'],
      [1, 'admin:delete-all'],
    ]);
  });

  it('lets a user in a group write commands addressed to the bot', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    driver.addGroup({ id: -5, title: 'Commission' });
    driver.sendCommand(42, '/vote@accord_sandbox_bot', undefined, { chatId: -5 });
    const [update] = await poll();
    expect(update?.message).toMatchObject({
      chat: { id: -5, type: 'group', title: 'Commission' },
      text: '/vote@accord_sandbox_bot',
      entities: [{ type: 'bot_command', offset: 0, length: 24 }],
    });
    expect(driver.chats()).toEqual([
      { id: 42, type: 'private', title: 'Ann', messageCount: 0 },
      { id: -5, type: 'group', title: 'Commission', messageCount: 1 },
    ]);
  });

  it('blocks the bot: sends fail with 403 and the bot hears my_chat_member; unblocking lets sends through', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    driver.blockBot(42);
    expect(await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' })).toEqual({
      ok: false,
      error_code: 403,
      description: 'Forbidden: bot was blocked by the user',
    });
    const [update] = await poll();
    expect(update?.my_chat_member).toMatchObject({
      chat: { id: 42, type: 'private' },
      from: { id: 42 },
      old_chat_member: { user: { id: 123456, is_bot: true }, status: 'member' },
      new_chat_member: { user: { id: 123456, is_bot: true }, status: 'kicked' },
    });
    expect(() => driver.sendText(42, 'hi')).toThrow(/blocked the bot/);
    driver.unblockBot(42);
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' })).ok).toBe(true);
  });

  it('fails the next calls of a method with an injected error, counting down its times', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    driver.addUser({ id: 43, first_name: 'Bob' });
    driver.injectFault({
      method: 'sendMessage',
      times: 2,
      error: { error_code: 502, description: 'Bad Gateway' },
    });
    driver.injectFault({
      method: 'sendMessage',
      chatId: 43,
      error: { error_code: 429, description: 'Too Many Requests: retry after 7', retry_after: 7 },
    });
    const answers = [];
    for (const chatId of [42, 42, 43, 42])
      answers.push(await callApi(sandbox(), 'sendMessage', { chat_id: chatId, text: 'x' }));
    expect(answers.map((answer) => [answer.ok, answer.error_code, answer.parameters?.retry_after])).toEqual([
      [false, 502, undefined],
      [false, 502, undefined],
      [false, 429, 7],
      [true, undefined, undefined],
    ]);
    expect(
      driver.calls({ method: 'sendMessage', chatId: 42 }).map((call) => [call.ok, call.errorCode]),
    ).toEqual([
      [false, 502],
      [false, 502],
      [true, undefined],
    ]);
    expect(driver.stats().rejected429).toBe(0);
  });

  it('drops a connection without performing the call, or after performing it', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    driver.injectFault({ method: 'sendMessage', drop: true });
    await expect(callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'lost' })).rejects.toThrow();
    expect(driver.ledger()).toEqual([]);

    driver.injectFault({ method: 'sendMessage', acceptThenDrop: true, delayMs: 5 });
    await expect(
      callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'sent, answer lost' }),
    ).rejects.toThrow();
    expect(driver.ledger()).toEqual([
      expect.objectContaining({ seq: 1, chatId: 42, messageId: 1, text: 'sent, answer lost' }),
    ]);
    expect(driver.chat(42).messages.map((message) => message.text)).toEqual(['sent, answer lost']);
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'fine' })).ok).toBe(true);
  });

  it('forgets everything on reset, while update ids keep counting up', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const { update_id } = driver.sendText(42, 'before');
    await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' });
    driver.injectFault({ method: 'getMe', error: { error_code: 500, description: 'Internal Server Error' } });
    driver.reset();
    expect(driver.chats()).toEqual([]);
    expect(driver.ledger()).toEqual([]);
    expect(driver.calls()).toEqual([]);
    expect(await poll()).toEqual([]);
    expect((await callApi(sandbox(), 'getMe')).ok).toBe(true);
    expect(() => driver.chat(42)).toThrow(/unknown chat 42/);
    expect(() => driver.replayUpdate(update_id)).toThrow(/no update/);
    driver.addUser(USER);
    expect(driver.sendText(42, 'after').update_id).toBe(update_id + 1);
  });

  it('waits for a condition and says what it waited for when it times out', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    setTimeout(() => driver.sendText(42, 'soon'), 20);
    await expect(driver.waitFor(() => driver.chat(42).messages[0]?.text)).resolves.toBe('soon');
    await expect(driver.waitFor(() => driver.lastBotMessage(42), 30)).rejects.toThrow(
      /waitFor timed out after 30 ms waiting for \(\) => driver\.lastBotMessage\(42\)/,
    );
  });
});

describe('the driver over HTTP', () => {
  const sandbox = sandboxPerTest({ limits: false });
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${sandbox().url}/sandbox/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const get = async (path: string) => (await fetch(`${sandbox().url}/sandbox/${path}`)).json();

  it('adds users, writes, presses, blocks, and shows chats with documents as base64', async () => {
    expect((await post('users', { id: 42, first_name: 'Ann' })).status).toBe(200);
    expect((await post('messages', { userId: 42, text: '/start' })).body).toEqual({
      update_id: 1,
      message_id: 1,
    });
    const form = new FormData();
    form.set('chat_id', '42');
    form.set('reply_markup', JSON.stringify(voteKeyboard));
    form.set('document', new Blob(['%PDF']), 'notice.pdf');
    await fetch(`${sandbox().url}/bot${sandbox().token}/sendDocument`, { method: 'POST', body: form });
    expect(
      (await post('press', { userId: 42, chatId: 42, messageId: 2, callbackData: 'v:1:n' })).body,
    ).toMatchObject({
      update_id: 2,
    });
    expect(await get('chats/42')).toMatchObject({
      id: 42,
      messages: [
        { message_id: 1, from: 'user', text: '/start' },
        {
          message_id: 2,
          from: 'bot',
          document: { file_name: 'notice.pdf', mime_type: 'application/pdf', content: 'JVBERg==' },
        },
      ],
    });
    expect(await get('ledger')).toEqual([expect.objectContaining({ method: 'sendDocument', chatId: 42 })]);
    expect(await get('calls?method=sendDocument')).toEqual([
      expect.objectContaining({
        method: 'sendDocument',
        ok: true,
        params: expect.objectContaining({ document: { file_name: 'notice.pdf', size: 4 } }),
      }),
    ]);
    await post('block', { userId: 42 });
    expect(sandbox().driver.calls()).toHaveLength(1);
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' })).error_code).toBe(403);
  });

  it('injects faults, sets limits, reports stats and resets', async () => {
    await post('users', { id: 42, first_name: 'Ann' });
    await post('faults', {
      method: 'sendMessage',
      error: { error_code: 500, description: 'Internal Server Error' },
    });
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' })).error_code).toBe(500);
    await post('limits', { global: false, privateChat: { perSecond: 1, burst: 1 }, group: false });
    await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' });
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 42, text: 'x' })).error_code).toBe(429);
    expect(await get('stats')).toEqual({
      accepted: 1,
      rejected429: 1,
      earlyAfter429: 0,
      byMethod: { sendMessage: 3 },
    });
    await post('reset', {});
    expect(await get('chats')).toEqual([]);
  });

  it('answers bad input with 400 and an unknown chat with 404', async () => {
    expect(await post('messages', { userId: 'x', text: 'hi' })).toEqual({
      status: 400,
      body: { error: '"userId" must be an integer' },
    });
    expect(await post('messages', { userId: 7, text: 'hi' })).toEqual({
      status: 400,
      body: { error: 'telegram-sandbox: unknown chat 7' },
    });
    const response = await fetch(`${sandbox().url}/sandbox/chats/7`);
    expect(response.status).toBe(404);
  });
});
