import { afterEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../testing/harness';

let h: BotHarness;
afterEach(() => h.close());

const outbox = () => h.db.selectFrom('outbox').selectAll().orderBy('id').execute();

describe('the dispatcher against Telegram', () => {
  it('delivers every notice once, each in its reader’s language', async () => {
    h = await startBotHarness();
    await h.announceMeeting();
    await h.driver.waitFor(() => h.driver.ledger().length === 13 || undefined, 10_000);
    const rows = await h.eventually(async () => {
      const r = await outbox();
      return r.every((x) => x.state === 'sent') && r;
    });
    expect(rows).toHaveLength(13);
    const chats = h.driver.ledger().map((l) => l.chatId);
    expect(new Set(chats).size).toBe(13);
    const am = await h.person('AM-head');
    expect(h.driver.lastBotMessage(am.telegramId)?.text).toContain('Meeting notice');
  });

  it('waits out a 429 for as long as Telegram says, then sends', async () => {
    h = await startBotHarness();
    h.driver.injectFault({
      method: 'sendMessage',
      times: 1,
      error: { error_code: 429, description: 'Too Many Requests: retry after 1', retry_after: 1 },
    });
    const started = Date.now();
    await h.announceMeeting();
    await h.driver.waitFor(() => h.driver.ledger().length === 13 || undefined, 10_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(h.driver.stats().earlyAfter429).toBe(0);
    const rows = await h.eventually(async () => {
      const r = await outbox();
      return r.every((x) => x.state === 'sent') && r;
    });
    expect(rows.some((r) => r.last_error === null && r.attempts === 1)).toBe(true);
  });

  it('backs off on a 5xx and succeeds on the next attempt', async () => {
    h = await startBotHarness();
    h.driver.injectFault({
      method: 'sendMessage',
      times: 2,
      error: { error_code: 502, description: 'Bad Gateway' },
    });
    await h.announceMeeting();
    await h.driver.waitFor(() => h.driver.ledger().length === 13 || undefined, 15_000);
    const retried = await h.eventually(async () => {
      const rows = await outbox();
      return rows.every((r) => r.state === 'sent') ? rows.filter((r) => r.attempts > 1) : undefined;
    });
    expect(retried).toHaveLength(2);
  });

  it('marks a person who blocked the bot unreachable, tells the secretary once, and still reaches the others', async () => {
    h = await startBotHarness();
    const kg = await h.person('KG-alternate');
    const secretary = await h.person('secretary');
    h.driver.blockBot(kg.telegramId);
    await h.announceMeeting();
    const warned = await h.driver.waitFor(
      () =>
        h.driver.chat(secretary.telegramId).messages.find((m) => m.text?.includes('недоступен в Telegram'))
          ?.text,
      10_000,
    );
    expect(warned).toContain(kg.name);
    await h.driver.waitFor(() => h.driver.ledger().length === 13 || undefined, 10_000);
    const person = await h.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', kg.id)
      .executeTakeFirstOrThrow();
    expect(person.reachable).toBe(0);
    const failed = (await outbox()).filter((r) => r.state === 'failed');
    expect(failed).toEqual([
      expect.objectContaining({ recipient_person_id: kg.id, last_error: expect.stringContaining('403') }),
    ]);
    expect(h.driver.calls({ method: 'sendMessage', chatId: kg.telegramId })).toHaveLength(1);
  });

  it('renders a row as the records are at send time', async () => {
    h = await startBotHarness();
    await h.runtime.dispatcher.stop();
    const id = await h.announceMeeting();
    await h.db
      .updateTable('meetings')
      .set({ title: 'Renamed before sending' })
      .where('id', '=', id)
      .execute();
    await h.runtime.dispatcher.start();
    const kz = await h.person('KZ-head');
    expect(await h.driver.waitFor(() => h.driver.lastBotMessage(kz.telegramId)?.text)).toContain(
      'Renamed before sending',
    );
  });
});
