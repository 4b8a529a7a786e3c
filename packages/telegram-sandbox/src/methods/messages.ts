import type { SandboxContext } from '../context';
import { badRequest } from '../errors';
import { type FormattedContent, formatMessageText } from '../formatting';
import { readInlineKeyboard, sameKeyboard } from '../keyboard';
import type { Params } from '../request-params';
import { type ChatRecord, type StoredMessage, unixTime } from '../state';
import type { Chat, InlineKeyboardMarkup, Message } from '../telegram-types';
import type { BotApiMethod } from './method';
import { replyTarget, targetChat, targetMessage } from './target-chat';

const notModified = () =>
  badRequest(
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  );

export const sendMessage: BotApiMethod = (ctx, params) => {
  const record = targetChat(ctx, params);
  const content = formatMessageText(params);
  const keyboard = readInlineKeyboard(params);
  const replyTo = replyTarget(record, params);
  ctx.limiter.admit('send', record.chat);
  const stored = ctx.state.appendMessage(
    record,
    (base) => ({
      ...botMessageBase(ctx, base),
      text: content.text,
      ...(content.entities.length > 0 ? { entities: content.entities } : {}),
      ...(keyboard === undefined ? {} : { reply_markup: keyboard }),
      ...(replyTo === undefined ? {} : { reply_to_message: replyTo }),
    }),
    { from: 'bot', ...(content.html === undefined ? {} : { html: content.html }) },
  );
  ctx.ledger.record({
    method: 'sendMessage',
    chatId: record.chat.id,
    messageId: stored.message.message_id,
    text: content.text,
  });
  return stored.message;
};

export const editMessageText: BotApiMethod = (ctx, params) => {
  const record = targetChat(ctx, params);
  const stored = editableMessage(record, params);
  const { message } = stored;
  if (message.text === undefined) throw badRequest('there is no text in the message to edit');
  const content = formatMessageText(params);
  // Telegram drops the keyboard when an edit of the text does not repeat it.
  const keyboard = readInlineKeyboard(params);
  const unchanged =
    content.text === message.text &&
    JSON.stringify(content.entities) === JSON.stringify(message.entities ?? []) &&
    sameKeyboard(keyboard, message.reply_markup);
  if (unchanged) throw notModified();
  ctx.limiter.admit('edit', record.chat);
  applyText(stored, content);
  applyKeyboard(stored, keyboard);
  return markEdited(stored);
};

export const editMessageReplyMarkup: BotApiMethod = (ctx, params) => {
  const record = targetChat(ctx, params);
  const stored = editableMessage(record, params);
  const keyboard = readInlineKeyboard(params);
  if (sameKeyboard(keyboard, stored.message.reply_markup)) throw notModified();
  ctx.limiter.admit('edit', record.chat);
  applyKeyboard(stored, keyboard);
  return markEdited(stored);
};

export const deleteMessage: BotApiMethod = (ctx, params) => {
  const record = targetChat(ctx, params);
  const stored = targetMessage(record, params, 'delete');
  record.messages.delete(stored.message.message_id);
  return true;
};

/** The fields every message the bot sends starts with, in Telegram's order. */
export function botMessageBase(
  ctx: SandboxContext,
  base: { message_id: number; date: number; chat: Chat },
): Pick<Message, 'message_id' | 'from' | 'date' | 'chat'> {
  return { message_id: base.message_id, from: ctx.botUser, chat: base.chat, date: base.date };
}

function editableMessage(record: ChatRecord, params: Params): StoredMessage {
  const stored = targetMessage(record, params, 'edit');
  if (stored.from !== 'bot') throw badRequest("message can't be edited");
  return stored;
}

function applyText(stored: StoredMessage, content: FormattedContent): void {
  stored.message.text = content.text;
  if (content.entities.length > 0) stored.message.entities = content.entities;
  else delete stored.message.entities;
  if (content.html === undefined) delete stored.html;
  else stored.html = content.html;
}

function applyKeyboard(stored: StoredMessage, keyboard: InlineKeyboardMarkup | undefined): void {
  if (keyboard === undefined) delete stored.message.reply_markup;
  else stored.message.reply_markup = keyboard;
}

function markEdited(stored: StoredMessage): Message {
  stored.message.edit_date = unixTime();
  stored.edited = true;
  return stored.message;
}
