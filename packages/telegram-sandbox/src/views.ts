import type { ChatRecord, StoredMessage } from './state';
import type { InlineKeyboardMarkup } from './telegram-types';
import type { ButtonView, ChatMessageView, ChatSummary, ChatView } from './types';

/** A chat as it looks now: edits applied, deleted messages gone, in order. */
export function toChatView(record: ChatRecord): ChatView {
  const { chat } = record;
  return {
    id: chat.id,
    type: chat.type,
    ...(chat.type === 'group' ? { title: chat.title } : {}),
    messages: [...record.messages.values()].map(toMessageView),
  };
}

export function toChatSummary(record: ChatRecord): ChatSummary {
  const { chat } = record;
  const title =
    chat.type === 'group' ? chat.title : [chat.first_name, chat.last_name].filter(Boolean).join(' ');
  return { id: chat.id, type: chat.type, title, messageCount: record.messages.size };
}

export function toMessageView(stored: StoredMessage): ChatMessageView {
  const { message, file } = stored;
  const entities = message.entities ?? message.caption_entities;
  return {
    message_id: message.message_id,
    from: stored.from,
    ...(stored.userId === undefined ? {} : { userId: stored.userId }),
    ...(message.text === undefined ? {} : { text: message.text }),
    ...(message.caption === undefined ? {} : { caption: message.caption }),
    ...(entities === undefined ? {} : { entities: entities.map((entity) => ({ ...entity })) }),
    ...(stored.html === undefined ? {} : { html: stored.html }),
    buttons: buttonViews(message.reply_markup),
    ...(file === undefined
      ? {}
      : {
          document: {
            file_name: file.fileName,
            ...(file.mimeType === undefined ? {} : { mime_type: file.mimeType }),
            content: file.content,
          },
        }),
    edited: stored.edited,
    date: message.date,
  };
}

function buttonViews(markup: InlineKeyboardMarkup | undefined): ButtonView[][] {
  return (markup?.inline_keyboard ?? []).map((row) =>
    row.map((button) => ({
      text: button.text,
      ...(button.callback_data === undefined ? {} : { callback_data: button.callback_data }),
      ...(button.url === undefined ? {} : { url: button.url }),
    })),
  );
}
