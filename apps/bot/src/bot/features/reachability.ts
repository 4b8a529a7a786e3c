import { markReachable } from '@accord/db';
import { Composer } from 'grammy';
import { reportUnreachable } from '../../reachability';
import type { BotContext } from '../context';

/** Telegram tells the bot when someone blocks or unblocks it; writing to the bot also shows it is unblocked. */
export const reachabilityFeature = new Composer<BotContext>();

reachabilityFeature.on('my_chat_member', async (ctx, next) => {
  const person = ctx.person;
  if (person && ctx.myChatMember.chat.type === 'private') {
    const status = ctx.myChatMember.new_chat_member.status;
    if (status === 'kicked')
      await reportUnreachable(ctx.deps.db, person.id, '403: bot was blocked by the user', ctx.now());
    else if (status === 'member' && !person.reachable) await markReachable(ctx.deps.db, person.id, ctx.now());
  }
  await next();
});

reachabilityFeature.chatType('private').on('message', async (ctx, next) => {
  if (ctx.person && !ctx.person.reachable) await markReachable(ctx.deps.db, ctx.person.id, ctx.now());
  await next();
});
