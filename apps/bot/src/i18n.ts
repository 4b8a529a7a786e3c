import { fileURLToPath } from 'node:url';
import type { Language } from '@accord/domain';
import { I18n } from '@grammyjs/i18n';
import type { BotContext } from './bot/context';

export type Translate = (
  language: Language,
  key: string,
  variables?: Record<string, string | number>,
) => string;

/**
 * The bot's texts, from the Fluent files in `locales/`. The same instance renders replies
 * (through ctx.t) and outbox messages (through `translate`), so a text has one source.
 */
export function createI18n(): I18n<BotContext> {
  const i18n = new I18n<BotContext>({
    defaultLocale: 'ru',
    useSession: false,
    // Isolation marks would end up inside Telegram messages as invisible characters.
    fluentBundleOptions: { useIsolating: false },
    localeNegotiator: (ctx) => ctx.person?.language ?? ctx.from?.language_code?.slice(0, 2),
  });
  for (const language of ['ru', 'en'] as const) {
    i18n.loadLocaleSync(language, {
      filePath: fileURLToPath(new URL(`../locales/${language}.ftl`, import.meta.url)),
    });
  }
  return i18n;
}

export const translator =
  (i18n: I18n<BotContext>): Translate =>
  (language, key, variables) =>
    i18n.t(language, key, variables);
