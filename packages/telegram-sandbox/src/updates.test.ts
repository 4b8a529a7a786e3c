import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { ApiError } from './errors';
import type { Update } from './telegram-types';
import { type ApiAnswer, callApi, sandboxPerTest } from './test-support';
import { UpdateQueue } from './updates';

const USER = { id: 42, first_name: 'Ann' };

describe('getUpdates', () => {
  const sandbox = sandboxPerTest({ limits: false, firstUpdateId: 500 });
  const poll = (params: Record<string, unknown> = {}) => callApi<Update[]>(sandbox(), 'getUpdates', params);

  it('keeps updates until an offset past them confirms them', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    driver.sendText(42, 'one');
    driver.sendText(42, 'two');
    const first = await poll();
    expect(first.result.map((update) => [update.update_id, update.message?.text])).toEqual([
      [500, 'one'],
      [501, 'two'],
    ]);
    expect((await poll()).result).toHaveLength(2);
    expect((await poll({ offset: 501 })).result.map((update) => update.update_id)).toEqual([501]);
    expect((await poll({ offset: 502 })).result).toEqual([]);
    expect((await poll({ limit: 1 })).result).toEqual([]);
  });

  it('answers a long poll with the update that arrives while it waits', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const pending = poll({ timeout: 10 });
    driver.sendCommand(42, 'start', 'tok');
    const answer = await pending;
    expect(answer.result[0]?.message).toMatchObject({
      text: '/start tok',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });
  });

  it('ends one of two concurrent long polls with 409, as Telegram ends the earlier one', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const settled: Array<ApiAnswer<Update[]>> = [];
    const both = [poll({ timeout: 10 }), poll({ timeout: 10 })].map((request) =>
      request.then((answer) => settled.push(answer)),
    );
    await driver.waitFor(() => settled.length === 1);
    expect(settled[0]).toEqual({
      ok: false,
      error_code: 409,
      description:
        'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    });
    driver.sendText(42, 'hi');
    await Promise.all(both);
    expect(settled[1]?.result.map((update) => update.message?.text)).toEqual(['hi']);
  });

  it('delivers a replayed update again with the same update_id, after it was confirmed', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    const { update_id } = driver.sendText(42, 'vote');
    driver.sendText(42, 'later');
    await poll({ offset: update_id + 2 });
    driver.replayUpdate(update_id);
    const replayed = await poll({ offset: update_id + 2 });
    expect(replayed.result.map((update) => [update.update_id, update.message?.text])).toEqual([
      [update_id, 'vote'],
    ]);
    expect((await poll({ offset: update_id + 1 })).result).toEqual([]);
  });

  it('leaves out the update types allowed_updates does not name', async () => {
    const { driver } = sandbox();
    driver.addUser(USER);
    await poll({ allowed_updates: ['callback_query'] });
    driver.sendText(42, 'ignored');
    expect((await poll()).result).toEqual([]);
    await poll({ allowed_updates: [] });
    driver.sendText(42, 'seen');
    expect((await poll()).result.map((update) => update.message?.text)).toEqual(['seen']);
  });

  it('refuses getUpdates while a webhook is set', async () => {
    await callApi(sandbox(), 'setWebhook', { url: 'http://127.0.0.1:9/hook' });
    expect(await poll()).toEqual({
      ok: false,
      error_code: 409,
      description:
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
    });
    await callApi(sandbox(), 'deleteWebhook');
    expect((await poll()).ok).toBe(true);
  });
});

describe('UpdateQueue', () => {
  it('rejects the earlier of two waiting polls with the conflict', async () => {
    const queue = new UpdateQueue(1);
    const signal = new AbortController().signal;
    const earlier = queue.poll({ limit: 100, timeoutSeconds: 10, signal });
    const later = queue.poll({ limit: 100, timeoutSeconds: 10, signal });
    await expect(earlier).rejects.toMatchObject({ errorCode: 409 } satisfies Partial<ApiError>);
    queue.push({ message: { message_id: 1, date: 0, chat: { id: 1, type: 'private', first_name: 'A' } } });
    expect((await later).map((update) => update.update_id)).toEqual([1]);
  });
});

interface Received {
  headers: IncomingHttpHeaders;
  update: Update;
}

/** A webhook receiver that answers each request with the next status (200 once they run out). */
async function startReceiver(statuses: number[]) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        headers: request.headers,
        update: JSON.parse(Buffer.concat(chunks).toString()) as Update,
      });
      response.statusCode = statuses.shift() ?? 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('webhook delivery', () => {
  const sandbox = sandboxPerTest({ limits: false });

  it('posts each update in order with the secret header, retrying a failed delivery', async () => {
    const receiver = await startReceiver([500, 502]);
    try {
      const { driver } = sandbox();
      driver.addUser(USER);
      const set = await callApi(sandbox(), 'setWebhook', { url: receiver.url, secret_token: 's3cret_-' });
      expect(set).toEqual({ ok: true, result: true });
      driver.sendText(42, 'first');
      driver.sendText(42, 'second');
      await driver.waitFor(() => receiver.received.length === 4);
      expect(receiver.received.map((request) => request.update.message?.text)).toEqual([
        'first',
        'first',
        'first',
        'second',
      ]);
      expect(
        receiver.received.every(
          (request) => request.headers['x-telegram-bot-api-secret-token'] === 's3cret_-',
        ),
      ).toBe(true);
      const info = await callApi<Record<string, unknown>>(sandbox(), 'getWebhookInfo');
      expect(info.result).toMatchObject({
        url: receiver.url,
        pending_update_count: 0,
        last_error_message: 'Wrong response from the webhook: 502 Bad Gateway',
      });
    } finally {
      await receiver.close();
    }
  });

  it('gives up on an update after a bounded number of attempts and moves on', async () => {
    const receiver = await startReceiver([500, 500, 500]);
    try {
      const { driver } = sandbox();
      driver.addUser(USER);
      await callApi(sandbox(), 'setWebhook', { url: receiver.url });
      driver.sendText(42, 'lost');
      driver.sendText(42, 'next');
      await driver.waitFor(() => receiver.received.at(-1)?.update.message?.text === 'next');
      expect(receiver.received.map((request) => request.update.message?.text)).toEqual([
        'lost',
        'lost',
        'lost',
        'next',
      ]);
      expect(receiver.received[0]?.headers['x-telegram-bot-api-secret-token']).toBeUndefined();
    } finally {
      await receiver.close();
    }
  });

  it('posts a replayed update again, and drops pending updates when asked', async () => {
    const receiver = await startReceiver([]);
    try {
      const { driver } = sandbox();
      driver.addUser(USER);
      const { update_id } = driver.sendText(42, 'queued before the webhook');
      await callApi(sandbox(), 'setWebhook', { url: receiver.url, drop_pending_updates: true });
      driver.sendText(42, 'after');
      driver.replayUpdate(update_id + 1);
      await driver.waitFor(() => receiver.received.length === 2);
      expect(receiver.received.map((request) => request.update.update_id)).toEqual([
        update_id + 1,
        update_id + 1,
      ]);
    } finally {
      await receiver.close();
    }
  });
});
