import type { Database, Kysely } from '@accord/db';
import type { MessageIntent, Person } from '@accord/domain';
import type { Context } from 'hono';
import type { RateLimitInfo } from 'hono-rate-limiter';
import type { Logger } from 'pino';

/** What the routes need from outside, given once to createApp. */
export interface AppDeps {
  db: Kysely<Database>;
  clock: () => Date;
  logger: Logger;
  /** No real bot token: the development sign-in is offered. */
  sandboxMode: boolean;
  /** For invite links (t.me/<bot>?start=<token>). */
  botUsername: string;
  /** Where drafts' attachments are stored (absolute; backups copy it). */
  attachmentsDir: string;
  /** Cookies get `Secure` when the dashboard is served over HTTPS. */
  secureCookies: boolean;
  /** Called after something was enqueued, so an in-process dispatcher looks at once. */
  onOutboxChange?: () => void;
  /** The bot's webhook handler when Accord runs on a webhook. */
  telegramWebhook?: (c: Context) => Promise<Response>;
  /** Where the built dashboard is, if it should be served. */
  webDist?: string;
  /** The Telegram sandbox's URL in sandbox mode: the Chats page drives it through its HTTP driver. */
  sandboxUrl?: string;
  /**
   * Renders an outbox intent for a person as the bot would send it, sending nothing. Given by the
   * composition root (the bot's own renderer): the API does not import the bot.
   */
  previewMessage?: (intent: MessageIntent, personId: number) => Promise<MessagePreview>;
}

/** An outgoing message as its reader would get it: Telegram HTML, buttons, a document's name and size. */
export type MessagePreview =
  | {
      ok: true;
      html: string;
      buttons: Array<Array<{ text: string; url?: string; callbackData?: string }>>;
      document?: { fileName: string; size: number };
    }
  | { ok: false; reason: string };

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The signed-in person, set by the session middleware. */
    person: Person | undefined;
    sessionToken: string | undefined;
    /** Set by hono-rate-limiter on the paths it limits. */
    rateLimit: RateLimitInfo | undefined;
  };
}
