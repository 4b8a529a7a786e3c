import type { Database, Kysely } from '@accord/db';
import type { Person } from '@accord/domain';
import type { I18nFlavor } from '@grammyjs/i18n';
import type { Context } from 'grammy';
import type { Logger } from 'pino';
import type { Translate } from '../i18n';

/** What the bot's features need from outside; set once by createBot. */
export interface BotDeps {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  t: Translate;
  botUsername: string;
  /** Where the dashboard is reached, for sign-in links; known only once the server listens. */
  dashboardUrl: () => string;
}

interface AccordFlavor {
  deps: BotDeps;
  /** The active person behind this Telegram account, if it is linked. */
  person: Person | undefined;
  now: () => string;
}

/** The one Context type every feature sees. */
export type BotContext = Context & I18nFlavor & AccordFlavor;
