import { describe, expect, it } from 'vitest';
import { callApi, sandboxPerTest } from './test-support';

describe('flood limits over HTTP', () => {
  const sandbox = sandboxPerTest({
    limits: { global: false, privateChat: { perSecond: 0.5, burst: 1 }, group: { perMinute: 2 } },
  });

  it('refuses a send past a private chat’s limit with 429 and the real wait, and performs nothing', async () => {
    const { driver } = sandbox();
    driver.addUser({ id: 1, first_name: 'A' });
    driver.addUser({ id: 2, first_name: 'B' });
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'one' })).ok).toBe(true);
    expect(await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'two' })).toEqual({
      ok: false,
      error_code: 429,
      description: 'Too Many Requests: retry after 2',
      parameters: { retry_after: 2 },
    });
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 2, text: 'other chat' })).ok).toBe(true);
    expect(driver.chat(1).messages.map((message) => message.text)).toEqual(['one']);
    expect(driver.ledger().map((entry) => entry.text)).toEqual(['one', 'other chat']);
  });

  it('counts a retry that comes before the given retry_after has passed as early', async () => {
    const { driver } = sandbox();
    driver.addUser({ id: 1, first_name: 'A' });
    await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'one' });
    await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'two' });
    const early = await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'two again' });
    expect(early.error_code).toBe(429);
    expect(driver.stats()).toEqual({
      accepted: 1,
      rejected429: 2,
      earlyAfter429: 1,
      byMethod: { sendMessage: 3 },
    });
  });

  it('budgets sends and edits in a group together, but not edits in a private chat or callback answers', async () => {
    const { driver } = sandbox();
    driver.addUser({ id: 1, first_name: 'A' });
    driver.addGroup({ id: -100, title: 'Commission', memberIds: [1] });
    const sent = await callApi(sandbox(), 'sendMessage', {
      chat_id: -100,
      text: 'Tally: 0',
      reply_markup: { inline_keyboard: [[{ text: '+1', callback_data: 'p' }]] },
    });
    const edit = (text: string) =>
      callApi(sandbox(), 'editMessageText', {
        chat_id: -100,
        message_id: sent.result.message_id,
        text,
        reply_markup: { inline_keyboard: [[{ text: '+1', callback_data: 'p' }]] },
      });
    expect((await edit('Tally: 1')).ok).toBe(true);
    const refused = await edit('Tally: 2');
    expect(refused.error_code).toBe(429);
    expect(refused.parameters?.retry_after).toBeGreaterThanOrEqual(59);
    expect(driver.chat(-100).messages[0]?.text).toBe('Tally: 1');

    const { callbackQueryId } = driver.pressButton(1, -100, sent.result.message_id, 'p');
    expect((await callApi(sandbox(), 'answerCallbackQuery', { callback_query_id: callbackQueryId })).ok).toBe(
      true,
    );
    const mine = await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'private' });
    for (const text of ['a', 'b', 'c']) {
      const answer = await callApi(sandbox(), 'editMessageText', {
        chat_id: 1,
        message_id: mine.result.message_id,
        text,
      });
      expect(answer.ok).toBe(true);
    }
  });

  it('lifts the limits when the driver switches them off', async () => {
    const { driver } = sandbox();
    driver.addUser({ id: 1, first_name: 'A' });
    driver.setLimits(false);
    for (let i = 0; i < 5; i++) {
      expect((await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: `n${i}` })).ok).toBe(true);
    }
  });
});

describe('the global limit', () => {
  const sandbox = sandboxPerTest({ limits: { global: { perSecond: 1, burst: 2 }, privateChat: false } });

  it('counts sends to every chat together', async () => {
    const { driver } = sandbox();
    for (const id of [1, 2, 3]) driver.addUser({ id, first_name: `U${id}` });
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 1, text: 'x' })).ok).toBe(true);
    expect((await callApi(sandbox(), 'sendMessage', { chat_id: 2, text: 'x' })).ok).toBe(true);
    expect(await callApi(sandbox(), 'sendMessage', { chat_id: 3, text: 'x' })).toMatchObject({
      error_code: 429,
      parameters: { retry_after: 1 },
    });
  });
});
