import { z } from 'zod';

const schema = z.object({
  DATABASE_FILE: z.string().min(1).default('data/accord.db'),
  TELEGRAM_BOT_TOKEN: z
    .string({
      error:
        'is required for the bot and worker entry points (run the sandbox and use its token to try them locally)',
    })
    .regex(/^\d+:[\w-]+$/, 'does not look like a bot token (digits, a colon, then letters)'),
  TELEGRAM_API_ROOT: z.url({ error: 'must be a URL such as http://127.0.0.1:8081' }).optional(),
  PUBLIC_URL: z
    .url({ error: 'must be the address the dashboard is reached at' })
    .default('http://127.0.0.1:3000'),
  WORKER_ID: z
    .string()
    .regex(/^[\w.-]{1,64}$/, 'letters, digits, dots and dashes only')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISPATCH_RATE: z.coerce.number().positive().max(1000).default(29),
});

export type BotConfig = z.infer<typeof schema>;

/** The bot's and worker's configuration, validated; a wrong value names itself and says why. */
export function loadBotConfig(env: NodeJS.ProcessEnv): BotConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
