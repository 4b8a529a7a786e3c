import type { SandboxContext } from '../context';
import { badRequest, botBlocked } from '../errors';
import { optionalBoolean, optionalInteger, optionalJson, requireChatId } from '../params';
import type { Params } from '../request-params';
import type { ChatRecord, StoredMessage } from '../state';
import type { Message } from '../telegram-types';

/** The chat a call addresses: 400 for a chat the sandbox never saw, 403 when its user blocked the bot. */
export function targetChat(ctx: SandboxContext, params: Params): ChatRecord {
  const chatId = requireChatId(params);
  const record = ctx.state.chats.get(chatId);
  if (record === undefined) throw badRequest('chat not found');
  if (record.chat.type === 'private' && ctx.state.blocked.has(chatId)) throw botBlocked();
  return record;
}

/** The message an edit or delete names, or Telegram's "not found" for that action. */
export function targetMessage(record: ChatRecord, params: Params, action: 'edit' | 'delete'): StoredMessage {
  if (params.inline_message_id !== undefined) {
    throw badRequest('inline messages are not modelled by the sandbox');
  }
  const messageId = optionalInteger(params, 'message_id');
  if (messageId === undefined) throw badRequest('message identifier is not specified');
  const stored = record.messages.get(messageId);
  if (stored === undefined) throw badRequest(`message to ${action} not found`);
  return stored;
}

/** The message a send replies to (reply_parameters or the older reply_to_message_id), as a copy. */
export function replyTarget(record: ChatRecord, params: Params): Message | undefined {
  const parameters = optionalJson(params, 'reply_parameters');
  const reply = typeof parameters === 'object' && parameters !== null ? (parameters as Params) : {};
  const messageId = optionalInteger(reply, 'message_id') ?? optionalInteger(params, 'reply_to_message_id');
  if (messageId === undefined) return undefined;
  const stored = record.messages.get(messageId);
  if (stored !== undefined) {
    const { reply_to_message: _nested, ...message } = structuredClone(stored.message);
    return message;
  }
  const allowWithout =
    optionalBoolean(reply, 'allow_sending_without_reply') ||
    optionalBoolean(params, 'allow_sending_without_reply');
  if (allowWithout) return undefined;
  throw badRequest('message to be replied not found');
}
