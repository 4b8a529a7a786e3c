import { findLoginToken } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

describe('/login', () => {
  it('sends a one-time link bound to the person, valid for ten minutes, without a link preview', async () => {
    const kz = await h.person('KZ-head');
    h.driver.sendCommand(kz.telegramId, '/login');
    const text = await h.driver.waitFor(() => h.driver.lastBotMessage(kz.telegramId)?.text);
    const token = /\/login\?token=([\w-]+)/.exec(text)?.[1] ?? '';
    expect(text).toContain('http://dashboard.test/login?token=');
    const link = await findLoginToken(h.db, token);
    expect(link?.personId).toBe(kz.id);
    expect(Date.parse(link?.expiresAt ?? '') - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    const [call] = h.driver.calls({ method: 'sendMessage', chatId: kz.telegramId });
    expect(call?.params.link_preview_options).toEqual({ is_disabled: true });
  });

  it('tells someone it does not know to ask for an invitation', async () => {
    h.driver.addUser({ id: 6001, first_name: 'Stranger', language_code: 'en' });
    h.driver.sendCommand(6001, '/login');
    expect(await h.driver.waitFor(() => h.driver.lastBotMessage(6001)?.text)).toContain(
      'I do not know you yet',
    );
    expect(await h.db.selectFrom('login_tokens').selectAll().execute()).toEqual([]);
  });
});
