import { Composer } from 'grammy';
import type { BotContext } from '../context';

/** Installed last: whatever no feature handled, in a private chat, gets a pointer to /help. */
export const fallbackFeature = new Composer<BotContext>();

const privateChats = fallbackFeature.chatType('private');
privateChats.on('message:text', (ctx) => ctx.reply(ctx.t(ctx.person ? 'unknown-command' : 'not-linked')));
privateChats.on('callback_query', (ctx) => ctx.answerCallbackQuery({ text: ctx.t('button-invalid') }));
