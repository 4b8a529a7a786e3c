import { resolve } from 'node:path';
import { defaultAttachmentsDir } from '@accord/db';
import { z } from 'zod';

const flag = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === '1' || v === 'true' || v === 'yes');

const schema = z
  .object({
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_FILE: z.string().min(1).default('data/accord.db'),
    /** Default: `attachments` beside the database file (where backups look too). */
    ATTACHMENTS_DIR: z.string().min(1).optional(),
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d+:[\w-]+$/, 'does not look like a bot token (digits, a colon, then letters)')
      .optional(),
    TELEGRAM_API_ROOT: z.url({ error: 'must be a URL such as https://api.telegram.org' }).optional(),
    PUBLIC_URL: z.url({ error: 'must be the public https URL Accord is reached at' }).optional(),
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16 to 256 letters, digits, _ or -')
      .optional(),
    SEED_DEMO: flag.optional(),
    /** Set when TELEGRAM_API_ROOT points at a separately started sandbox. */
    TELEGRAM_SANDBOX: flag.optional(),
    SANDBOX_PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WEB_DIST: z.string().min(1).default('apps/web/dist'),
  })
  .refine((c) => !(c.PUBLIC_URL && c.TELEGRAM_BOT_TOKEN && !c.TELEGRAM_WEBHOOK_SECRET), {
    path: ['TELEGRAM_WEBHOOK_SECRET'],
    message: 'is required when PUBLIC_URL is set (Telegram sends it with every webhook call)',
  });

export type ApiConfig = z.infer<typeof schema> & {
  /** No bot token: Telegram is the bundled sandbox, and the development sign-in exists. */
  sandboxMode: boolean;
  /** Absolute: where drafts' attachments are stored. */
  attachmentsDir: string;
};

/** The server's configuration, validated at start; every wrong value is named with the reason. */
export function loadApiConfig(env: NodeJS.ProcessEnv): ApiConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return {
    ...parsed.data,
    sandboxMode: parsed.data.TELEGRAM_BOT_TOKEN === undefined || parsed.data.TELEGRAM_SANDBOX === true,
    attachmentsDir: resolve(parsed.data.ATTACHMENTS_DIR ?? defaultAttachmentsDir(parsed.data.DATABASE_FILE)),
  };
}
