import { createInvite } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const invite = async (seedKey: string, expiresAt = '2099-01-01T00:00:00.000Z') => {
  const p = await h.person(seedKey);
  await h.db.updateTable('people').set({ telegram_user_id: null }).where('id', '=', p.id).execute();
  return (
    await createInvite(h.db, { personId: p.id, createdBy: null, now: new Date().toISOString(), expiresAt })
  ).token;
};
const lastText = (chatId: number) => h.driver.waitFor(() => h.driver.lastBotMessage(chatId)?.text);

describe('/start with an invite', () => {
  it('links the Telegram account to the invited person once, and greets them in their language', async () => {
    const token = await invite('KZ-alternate');
    h.driver.addUser({ id: 5001, first_name: 'Aigerim', language_code: 'en' });
    h.driver.sendCommand(5001, '/start', token);
    expect(await lastText(5001)).toContain('Добро пожаловать, Айгерим Сатпаева');
    const row = await h.db
      .selectFrom('people')
      .select('telegram_user_id')
      .where('seed_key', '=', 'KZ-alternate')
      .executeTakeFirstOrThrow();
    expect(row.telegram_user_id).toBe(5001);
    const audit = await h.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'person.link-telegram')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('tells someone reusing a token that it was used, in their Telegram language', async () => {
    const token = await invite('AM-alternate');
    h.driver.addUser({ id: 5002, first_name: 'Lilit', language_code: 'en' });
    h.driver.addUser({ id: 5003, first_name: 'Other', language_code: 'en' });
    h.driver.sendCommand(5002, '/start', token);
    await lastText(5002);
    h.driver.sendCommand(5003, '/start', token);
    expect(await lastText(5003)).toContain('already been used');
    const row = await h.db
      .selectFrom('people')
      .select('telegram_user_id')
      .where('seed_key', '=', 'AM-alternate')
      .executeTakeFirstOrThrow();
    expect(row.telegram_user_id).toBe(5002);
  });

  it('explains an expired, a garbled and an unknown token, and how to get access without one', async () => {
    const expired = await invite('BY-alternate', '2000-01-01T00:00:00.000Z');
    h.driver.addUser({ id: 5004, first_name: 'Olga', language_code: 'ru' });
    h.driver.sendCommand(5004, '/start', expired);
    expect(await lastText(5004)).toContain('Срок действия ссылки-приглашения истёк');
    h.driver.sendCommand(5004, '/start', 'not a token!');
    expect(
      await h.driver.waitFor(() =>
        h.driver
          .chat(5004)
          .messages.filter((m) => m.from === 'bot')
          .at(-1)
          ?.text?.includes('повреждена'),
      ),
    ).toBe(true);
    h.driver.sendCommand(5004, '/start', 'A'.repeat(32));
    expect(
      await h.driver.waitFor(() =>
        h.driver
          .chat(5004)
          .messages.filter((m) => m.from === 'bot')
          .at(-1)
          ?.text?.includes('недействительна'),
      ),
    ).toBe(true);
    h.driver.addUser({ id: 5005, first_name: 'New', language_code: 'en' });
    h.driver.sendCommand(5005, '/start');
    expect(await lastText(5005)).toContain('ask the commission');
  });
});

describe('/help and unknown commands', () => {
  it('answers /help with the commands and an unknown command with a pointer to /help', async () => {
    const kz = await h.person('KZ-head');
    h.driver.sendCommand(kz.telegramId, '/help');
    expect(await lastText(kz.telegramId)).toContain('/meetings');
    h.driver.sendCommand(kz.telegramId, '/frobnicate');
    expect(
      await h.driver.waitFor(() =>
        h.driver.lastBotMessage(kz.telegramId)?.text?.includes('не знаю такой команды'),
      ),
    ).toBe(true);
  });

  it('survives an oversized text', async () => {
    const kz = await h.person('KZ-head');
    h.driver.sendText(kz.telegramId, 'x'.repeat(4096));
    expect(await lastText(kz.telegramId)).toContain('/help');
  });
});
