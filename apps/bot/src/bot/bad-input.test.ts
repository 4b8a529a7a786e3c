import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../testing/harness';

let h: BotHarness;
beforeAll(async () => {
  // This is about what the bot makes of odd input, not about pacing: no send limits here.
  h = await startBotHarness({ sandbox: { limits: false } });
});
afterAll(() => h.close());

const records = async () =>
  JSON.stringify([
    await h.db.selectFrom('rsvps').selectAll().execute(),
    await h.db.selectFrom('people').selectAll().orderBy('id').execute(),
    await h.db.selectFrom('audit_events').selectAll().execute(),
  ]);

describe('bad input to the bot', { timeout: 60_000 }, () => {
  it('answers every forged or malformed button press, and changes nothing', async () => {
    const meetingId = await h.announceMeeting();
    const tj = await h.person('TJ-alternate');
    const notice = await h.driver.waitFor(() =>
      h.driver.chat(tj.telegramId).messages.find((m) => m.buttons.length > 0),
    );
    const before = await records();
    const payload = fc.oneof(
      fc.string({ maxLength: 64 }),
      fc.constantFrom(
        `r:${meetingId}:x`,
        `r:${meetingId + 1000}:y`,
        `ics:${meetingId}:y`,
        `r::y`,
        `r:${meetingId}`,
        'r:-1:y',
        'ics:0',
      ),
      fc
        .tuple(
          fc.constantFrom('r', 'ics', 'v', ''),
          fc.string({ maxLength: 20 }),
          fc.string({ maxLength: 5 }),
        )
        .map((p) => p.join(':')),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (data) => {
        const data64 = Buffer.from(data).subarray(0, 64).toString();
        const { callbackQueryId } = h.driver.forgeCallback(
          tj.telegramId,
          tj.telegramId,
          notice.message_id,
          data64,
        );
        const answer = await h.driver.waitFor(() => h.driver.callbackAnswer(callbackQueryId), 5_000);
        expect(answer.text?.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
    expect(await records()).toBe(before);
  });

  it('replies to unknown commands and any text, however long or odd, without a crash', async () => {
    const kg = await h.person('KG-head');
    const before = await records();
    const text = fc.oneof(
      fc.string({ minLength: 1, maxLength: 300 }),
      fc.string({ minLength: 1, maxLength: 30 }).map((s) => `/${s.replace(/\s/g, '')}x`),
      fc.constantFrom(
        'x'.repeat(4096),
        '<script>alert(1)</script>',
        '/start',
        '/start ../../',
        '/meetings@other_bot',
        '&amp; <b>',
      ),
    );
    await fc.assert(
      fc.asyncProperty(text, async (message) => {
        const replies = h.driver.chat(kg.telegramId).messages.filter((m) => m.from === 'bot').length;
        h.driver.sendText(kg.telegramId, message);
        await h.driver.waitFor(
          () =>
            h.driver.chat(kg.telegramId).messages.filter((m) => m.from === 'bot').length > replies ||
            undefined,
          5_000,
        );
      }),
      { numRuns: 40 },
    );
    expect(await records()).toBe(before);
  });
});
