import type { Database, Kysely } from '@accord/db';
import type { Person } from '@accord/domain';
import type { Context } from 'hono';
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
}

export interface AppEnv {
  Variables: {
    deps: AppDeps;
    /** The signed-in person, set by the session middleware. */
    person: Person | undefined;
    sessionToken: string | undefined;
  };
}
