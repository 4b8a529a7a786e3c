import { autoRetry } from '@grammyjs/auto-retry';
import type { I18n } from '@grammyjs/i18n';
import { Bot, type BotConfig } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { oneChatAtATime } from '../polling';
import type { BotContext, BotDeps } from './context';
import { calendarFeature } from './features/calendar';
import { deadlinesFeature } from './features/deadlines';
import { fallbackFeature } from './features/fallback';
import { helpFeature } from './features/help';
import { loginFeature } from './features/login';
import { meetingsFeature } from './features/meetings';
import { reachabilityFeature } from './features/reachability';
import { rsvpFeature } from './features/rsvp';
import { settingsFeature } from './features/settings';
import { signOffsFeature } from './features/sign-offs';
import { startFeature } from './features/start';
import { votesFeature } from './features/votes';
import { dedupeUpdates } from './middleware/dedupe-updates';
import { loadPerson } from './middleware/load-person';

export interface CreateBotOptions {
  /** Telegram's Bot API, or the sandbox's address. */
  apiRoot?: string;
  botInfo?: UserFromGetMe;
}

/** The bot's commands, as Telegram's menu shows them. */
export const BOT_COMMANDS = {
  en: [
    { command: 'meetings', description: 'Upcoming meetings and your answers' },
    { command: 'votes', description: "Open ballots and your state's vote" },
    { command: 'deadlines', description: 'Your tasks and their deadlines' },
    { command: 'calendar', description: 'Your deadlines in your calendar app' },
    { command: 'login', description: 'A sign-in link for the dashboard' },
    { command: 'settings', description: 'Language, time zone, hours and reminders' },
    { command: 'help', description: 'What the bot can do' },
  ],
  ru: [
    { command: 'meetings', description: 'Ближайшие заседания и ваши ответы' },
    { command: 'votes', description: 'Открытые голосования и голос вашего государства' },
    { command: 'deadlines', description: 'Ваши задачи и их сроки' },
    { command: 'calendar', description: 'Ваши сроки в приложении-календаре' },
    { command: 'login', description: 'Ссылка для входа в веб-кабинет' },
    { command: 'settings', description: 'Язык, часовой пояс, часы и напоминания' },
    { command: 'help', description: 'Что умеет бот' },
  ],
} as const;

/** Builds the bot: dedupe, who is talking, their language, then one Composer per feature, the fallback last. */
export function createBot(
  token: string,
  deps: BotDeps,
  i18n: I18n<BotContext>,
  options: CreateBotOptions = {},
): Bot<BotContext> {
  const config: BotConfig<BotContext> = {
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), timeoutSeconds: 30 },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  };
  const bot = new Bot<BotContext>(token, config);
  // Direct answers (replies, edits, button answers) wait out a short 429 or a 5xx instead of being lost;
  // capped, so a press is never answered minutes late. Outbox sends pace and retry on their own.
  bot.api.config.use(autoRetry({ maxDelaySeconds: 5, maxRetryAttempts: 3 }));
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.now = () => deps.clock().toISOString();
    return next();
  });
  bot.use(oneChatAtATime, dedupeUpdates, loadPerson, i18n);
  const onFeatureError = (err: { error: unknown; ctx: BotContext }) =>
    deps.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'bot feature failed');
  bot.errorBoundary(
    onFeatureError,
    reachabilityFeature,
    votesFeature,
    signOffsFeature,
    startFeature,
    loginFeature,
    helpFeature,
    meetingsFeature,
    rsvpFeature,
    deadlinesFeature,
    calendarFeature,
    settingsFeature,
    fallbackFeature,
  );
  bot.catch((err) =>
    deps.logger.error({ err: err.error, updateId: err.ctx.update.update_id }, 'bot update failed'),
  );
  return bot;
}
