import { findPersonByTelegramId } from '@accord/db';
import type { NextFunction } from 'grammy';
import type { BotContext } from '../context';

/** Finds the active person linked to the sender, so features and the locale know who is talking. */
export async function loadPerson(ctx: BotContext, next: NextFunction): Promise<void> {
  const person = ctx.from ? await findPersonByTelegramId(ctx.deps.db, ctx.from.id) : undefined;
  ctx.person = person?.active ? person : undefined;
  await next();
}
