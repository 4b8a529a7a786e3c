import type { SendOutcome } from '@accord/domain';
import { type Api, GrammyError, HttpError } from 'grammy';
import type { OutboundMessage } from '../render/outbox-renderer';

/** Sends one rendered message and reports what Telegram said, without throwing. */
export async function sendToTelegram(api: Api, message: OutboundMessage): Promise<SendOutcome> {
  try {
    const sent = await api.sendMessage(message.chatId, message.text, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(message.keyboard.length > 0 ? { reply_markup: { inline_keyboard: message.keyboard } } : {}),
    });
    return { ok: true, messageId: sent.message_id };
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
