import { findCalendarFeedOwner } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const tokenIn = (text: string) => /\/api\/calendar\/([\w-]{32})\.ics/.exec(text)?.[1] ?? '';

describe('/calendar', () => {
  it('sends the address of the person’s own calendar; asking again ends the old one', async () => {
    const kz = await h.person('KZ-head');
    h.driver.sendCommand(kz.telegramId, '/calendar');
    const first = await h.driver.waitFor(() => h.driver.lastBotMessage(kz.telegramId)?.text);
    expect(first).toContain('http://dashboard.test/api/calendar/');
    expect(await findCalendarFeedOwner(h.db, tokenIn(first))).toBe(kz.id);
    const [call] = h.driver.calls({ method: 'sendMessage', chatId: kz.telegramId });
    expect(call?.params.link_preview_options).toEqual({ is_disabled: true });

    h.driver.sendCommand(kz.telegramId, '/calendar');
    const second = await h.driver.waitFor(() => {
      const text = h.driver.lastBotMessage(kz.telegramId)?.text;
      return text !== first ? text : undefined;
    });
    expect(await findCalendarFeedOwner(h.db, tokenIn(second))).toBe(kz.id);
    expect(await findCalendarFeedOwner(h.db, tokenIn(first))).toBeNull();
    // Audited twice, the address itself nowhere in the log.
    const audit = await h.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .where('action', '=', 'calendar.feed')
      .execute();
    expect(audit).toHaveLength(2);
    expect(JSON.stringify(audit)).not.toContain(tokenIn(second));
  });

  it('tells someone it does not know to ask for an invitation, and makes no address', async () => {
    h.driver.addUser({ id: 6002, first_name: 'Stranger', language_code: 'en' });
    h.driver.sendCommand(6002, '/calendar');
    expect(await h.driver.waitFor(() => h.driver.lastBotMessage(6002)?.text)).toContain(
      'I do not know you yet',
    );
    expect(await h.db.selectFrom('calendar_feeds').selectAll().execute()).toEqual([]);
  });
});
