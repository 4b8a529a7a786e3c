import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n, translator } from '../i18n';
import { startBotHarness } from '../testing/harness';
import { createOutboxRenderer } from './outbox-renderer';
import { createMessagePreview } from './preview';

let h: Awaited<ReturnType<typeof startBotHarness>>;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h.close());

describe('a preview of an outgoing message', () => {
  it('shows a ballot to a voter as the dispatcher would send it, with its buttons, and sends and writes nothing', async () => {
    const ballotId = await h.openBallot({ text: 'Article 1. <script>&' });
    // Nothing is dispatched while looking: the dispatcher here is the harness's, stopped for this.
    await h.runtime.dispatcher.stop();
    const outboxBefore = await h.db.selectFrom('outbox').selectAll().execute();
    const sends = () => h.driver.calls().filter((c) => c.method !== 'getUpdates').length;
    const callsBefore = sends();
    const render = createOutboxRenderer({
      db: h.db,
      t: translator(createI18n()),
      botUsername: 'accord_test_bot',
      groupLanguage: 'ru',
      clock: () => new Date(),
    });
    const preview = createMessagePreview(render);
    const voter = await h.person('AM-head');
    const shown = await preview({ kind: 'ballot-opened', ballotId }, voter.id);
    expect(shown.ok).toBe(true);
    if (!shown.ok) return;
    expect(shown.html).toContain('On a single exhibition field');
    expect(shown.html).not.toContain('<script>');
    expect(shown.buttons.flat().some((b) => b.callbackData !== undefined)).toBe(true);
    expect(await h.db.selectFrom('outbox').selectAll().execute()).toEqual(outboxBefore);
    expect(sends()).toBe(callsBefore);
  });

  it('says why there would be no message', async () => {
    const render = createOutboxRenderer({
      db: h.db,
      t: translator(createI18n()),
      botUsername: 'accord_test_bot',
      groupLanguage: 'ru',
      clock: () => new Date(),
    });
    const shown = await createMessagePreview(render)({ kind: 'ballot-opened', ballotId: 999_999 }, 1);
    expect(shown).toEqual({ ok: false, reason: 'ballot 999999 no longer exists' });
  });
});
