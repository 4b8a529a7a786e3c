import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { publicRoute } from '../middleware/authorize';

/** Telegram's webhook calls; the bot's handler checks the secret token header (401 without it). */
export const telegramWebhookRoutes = new Hono<AppEnv>().post(
  '/',
  publicRoute('Telegram calls it; the bot checks the secret token header'),
  async (c) => {
    const handler = c.get('deps').telegramWebhook;
    if (!handler) return c.json(errorBody('not_found', 'The webhook is not enabled'), 404);
    return handler(c);
  },
);
