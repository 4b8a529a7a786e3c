import { run, sequentialize } from '@grammyjs/runner';
import type { Bot, BotError, Context } from 'grammy';

/**
 * Keeps one chat's updates, and one person's, in the order they came, while the runner handles
 * everyone else's at the same time (a member pressing twice is recorded in order).
 */
export const oneChatAtATime = sequentialize<Context>((ctx) => [
  ...new Set([ctx.chat?.id, ctx.from?.id].flatMap((id) => (id === undefined ? [] : [String(id)]))),
]);

/**
 * Long polling with updates handled concurrently, as webhook requests are. grammY's own
 * `bot.start()` handles one update at a time, each waiting on its Telegram round trips: at
 * Telegram's latency that is a few presses a second, so a thousand members pressing at once
 * would wait minutes and most answers would come after the 15 s a button press allows.
 */
export function startPolling<C extends Context>(bot: Bot<C>): { stop(): Promise<void> } {
  let lastUpdateId: number | undefined;
  const handle = run({
    init: () => bot.init(),
    api: bot.api,
    // handleUpdate rethrows a middleware's failure as a BotError, as bot.start() hands it to bot.catch.
    errorHandler: (error: BotError<C>) => bot.errorHandler(error),
    handleUpdate: (update) => {
      lastUpdateId = Math.max(lastUpdateId ?? 0, update.update_id);
      return bot.handleUpdate(update);
    },
  });
  return {
    async stop() {
      // Waits for the updates in hand, then confirms the offset as bot.stop() does, so a restart
      // is not handed them again (they would be skipped by update id, but need not come at all).
      await handle.stop();
      if (lastUpdateId !== undefined)
        await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 });
    },
  };
}
