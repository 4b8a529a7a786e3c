import { claimUpdate } from '@accord/db';
import type { NextFunction } from 'grammy';
import type { BotContext } from '../context';

/** Handles each update_id once: a replayed or re-delivered update stops here. */
export async function dedupeUpdates(ctx: BotContext, next: NextFunction): Promise<void> {
  if (await claimUpdate(ctx.deps.db, ctx.update.update_id, ctx.now())) await next();
  else ctx.deps.logger.debug({ updateId: ctx.update.update_id }, 'update already handled');
}
