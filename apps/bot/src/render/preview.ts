import type { MessageIntent } from '@accord/domain';
import type { OutboxRenderer } from './outbox-renderer';

/** An outgoing message as its reader would get it, or why there would be none. */
export type MessagePreview =
  | {
      ok: true;
      /** Telegram HTML, exactly as it would be sent (the text, or a document's caption). */
      html: string;
      buttons: Array<Array<{ text: string; url?: string; callbackData?: string }>>;
      document?: { fileName: string; size: number };
    }
  | { ok: false; reason: string };

/**
 * Previews what the outbox would send: the dispatcher's own renderer, on a row that is never
 * written, for one person's private chat. Reads the records, writes nothing, sends nothing. The
 * composition root hands it to the API, which must not import the bot.
 */
export function createMessagePreview(render: OutboxRenderer) {
  return async (intent: MessageIntent, personId: number): Promise<MessagePreview> => {
    const outcome = await render({
      id: 0,
      recipientPersonId: personId,
      recipientChatId: null,
      intent,
      attempts: 0,
      priority: 0,
    });
    if (!outcome.ok) return { ok: false, reason: outcome.reason };
    const { message } = outcome;
    return {
      ok: true,
      html: message.text,
      buttons: message.keyboard.map((row) =>
        row.map((button) => ({
          text: button.text,
          ...('url' in button && typeof button.url === 'string' ? { url: button.url } : {}),
          ...('callback_data' in button && typeof button.callback_data === 'string'
            ? { callbackData: button.callback_data }
            : {}),
        })),
      ),
      ...(message.document
        ? {
            document: {
              fileName: message.document.fileName,
              size: Buffer.byteLength(message.document.content, 'utf8'),
            },
          }
        : {}),
    };
  };
}
