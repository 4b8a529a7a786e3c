import type { Sandbox } from '@accord/telegram-sandbox';
import type { RunningProcess } from '../../support/processes';
import { startPinnedEntry } from './worker-process';

export type BotKind = 'accord' | 'bare' | 'bare-runner';

const ENTRIES: Record<BotKind, { entry: string; env?: Record<string, string> }> = {
  accord: { entry: 'apps/bot/src/main.ts' },
  bare: { entry: 'tests/bench/support/bare-bot.ts' },
  'bare-runner': { entry: 'tests/bench/support/bare-bot.ts', env: { BARE_RUNNER: '1' } },
};

const POLL_SETTLE_MS = 200;

export interface StartedBot {
  kind: BotKind;
  process: RunningProcess;
  pid: number;
}

/**
 * Starts Accord's bot entry point (long polling, as `npm start -w @accord/bot`) or the bare
 * grammY peer (grammY's own polling, or the runner) as its own pinned process, and resolves once
 * it long polls: each deletes any webhook right before its first getUpdates (grammY's `start()`
 * does it itself), and the sandbox logs a long poll only when it returns, so the deleteWebhook
 * call and a short settle stand for it.
 */
export async function startBot(kind: BotKind, sandbox: Sandbox, databaseFile: string): Promise<StartedBot> {
  const polls = () => sandbox.driver.stats().byMethod.deleteWebhook ?? 0;
  const before = polls();
  const { process: running, pid } = startPinnedEntry(ENTRIES[kind].entry, {
    ...ENTRIES[kind].env,
    DATABASE_FILE: databaseFile,
    TELEGRAM_BOT_TOKEN: sandbox.token,
    TELEGRAM_API_ROOT: sandbox.url,
    LOG_LEVEL: 'info',
  });
  await running.waitForOutput(/"msg":"bot polling"/, 60_000);
  const deadline = Date.now() + 10_000;
  while (polls() === before) {
    if (Date.now() > deadline) throw new Error(`the ${kind} bot never polled:\n${running.output()}`);
    await new Promise((r) => setTimeout(r, 5));
  }
  await new Promise((r) => setTimeout(r, POLL_SETTLE_MS));
  return { kind, process: running, pid };
}

/** SIGTERM: the bot confirms its offset and exits; SIGKILL if it is not gone within `graceMs`. */
export async function stopBot(bot: StartedBot, graceMs = 10_000): Promise<void> {
  const exited = bot.process.stop('SIGTERM');
  const timer = setTimeout(() => bot.process.child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/** Lines the process logged at error level or above (pino 50/60), or the bare bot's failures. */
const errorLines = (bot: StartedBot): string[] =>
  bot.process
    .output()
    .split('\n')
    .filter((line) => /"level":(50|60)\b|^bare bot: /.test(line));

export const botErrorLines = (bot: StartedBot): number => errorLines(bot).length;

/** The first error the bot logged, shortened, to say what failed; null when none. */
export const firstBotError = (bot: StartedBot): string | null => errorLines(bot)[0]?.slice(0, 400) ?? null;
