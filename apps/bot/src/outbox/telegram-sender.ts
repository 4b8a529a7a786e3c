import type { SendOutcome } from '@accord/domain';
import { type Api, GrammyError, HttpError, InputFile } from 'grammy';
import type { OutboundMessage } from '../render/outbox-renderer';
import { isMessageNotModified } from '../telegram-errors';

async function deliver(api: Api, message: OutboundMessage): Promise<number> {
  const markup = { reply_markup: { inline_keyboard: message.keyboard } };
  if (message.editMessageId !== undefined) {
    try {
      await api.editMessageText(message.chatId, message.editMessageId, message.text, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...markup,
      });
    } catch (error) {
      // The message shows this already: the edit's work is done.
      if (!isMessageNotModified(error)) throw error;
    }
    return message.editMessageId;
  }
  if (message.document) {
    const { content, fileName } = message.document;
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
    const sent = await api.sendDocument(message.chatId, new InputFile(bytes, fileName), {
      caption: message.text,
      parse_mode: 'HTML',
      ...(message.keyboard.length > 0 ? markup : {}),
    });
    return sent.message_id;
  }
  const sent = await api.sendMessage(message.chatId, message.text, {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(message.keyboard.length > 0 ? markup : {}),
  });
  return sent.message_id;
}

/** Sends (or edits) one rendered message and reports what Telegram said, without throwing. */
export async function sendToTelegram(api: Api, message: OutboundMessage): Promise<SendOutcome> {
  try {
    return { ok: true, messageId: await deliver(api, message) };
  } catch (error) {
    if (error instanceof GrammyError) {
      return {
        ok: false,
        errorCode: error.error_code,
        description: error.description,
        ...(error.parameters.retry_after !== undefined ? { retryAfter: error.parameters.retry_after } : {}),
      };
    }
    if (error instanceof HttpError) return { ok: false, network: error.message };
    throw error;
  }
}
