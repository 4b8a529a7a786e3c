/**
 * The votes benchmark's peer: a bare grammY bot, long polling with grammY's own `bot.start()`
 * (or, with BARE_RUNNER=1, the runner Accord's bot polls with), whose callback handler only
 * answers the press and edits the pressed message — no domain, no database. Run as its own
 * process with TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT; logs 'bot polling' and stops on SIGTERM.
 */
import { run } from '@grammyjs/runner';
import { Bot } from 'grammy';

const token = process.env.TELEGRAM_BOT_TOKEN;
const apiRoot = process.env.TELEGRAM_API_ROOT;
if (!token || !apiRoot) {
  console.error('TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT are required');
  process.exit(2);
}

const bot = new Bot(token, { client: { apiRoot, timeoutSeconds: 30 } });
let lastUpdateId = 0;
bot.use((ctx, next) => {
  lastUpdateId = Math.max(lastUpdateId, ctx.update.update_id);
  return next();
});
bot.on('callback_query:data', async (ctx) => {
  await ctx.answerCallbackQuery({ text: `Pressed ${ctx.callbackQuery.data}` });
  // The update id makes every edit differ, so none fails as "message is not modified".
  await ctx.editMessageText(`<b>Pressed</b> ${ctx.callbackQuery.data} · #${ctx.update.update_id}`, {
    parse_mode: 'HTML',
  });
});
bot.catch((err) =>
  console.error(`bare bot: update ${err.ctx.update.update_id} failed: ${String(err.error)}`),
);

await bot.init();
const runner = process.env.BARE_RUNNER === '1';
if (runner) await bot.api.deleteWebhook();
const handle = runner ? run(bot) : undefined;
const shutdown = async () => {
  if (handle) {
    await handle.stop();
    // The runner does not confirm the last batch: do it, so the next bot does not get it again.
    await bot.api.getUpdates({ offset: lastUpdateId + 1, limit: 1, timeout: 0 });
  } else await bot.stop(); // confirms the offset itself
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
console.log(JSON.stringify({ time: Date.now(), msg: 'bot polling' }));
if (!handle) await bot.start();
