import type { Person } from '@accord/domain';
import type { BotContext } from './context';

/**
 * The person behind a command that needs one. Someone the bot does not know is told to ask for an
 * invitation, and gets `undefined`: the command then stops.
 */
export async function linkedPersonOrReply(ctx: BotContext): Promise<Person | undefined> {
  if (!ctx.person) await ctx.reply(ctx.t('not-linked'));
  return ctx.person;
}
