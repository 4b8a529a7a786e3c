import type { SandboxContext } from '../context';
import { badRequest } from '../errors';
import { formatCaption } from '../formatting';
import { readInlineKeyboard } from '../keyboard';
import type { Params } from '../request-params';
import type { StoredFile } from '../state';
import { UploadedFile } from '../uploaded-file';
import { botMessageBase } from './messages';
import type { BotApiMethod } from './method';
import { replyTarget, targetChat } from './target-chat';

// Telegram guesses a document's MIME type from its name; these are the ones a bot is likely to send.
const MIME_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  csv: 'text/csv',
  html: 'text/html',
  json: 'application/json',
  ics: 'text/calendar',
  zip: 'application/zip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  odt: 'application/vnd.oasis.opendocument.text',
};

/** Where a document comes from: an upload, a file_id sent before, or a URL Telegram would fetch. */
type DocumentSource =
  | { kind: 'upload'; file: UploadedFile }
  | { kind: 'stored'; file: StoredFile }
  | { kind: 'url'; fileName: string };

export const sendDocument: BotApiMethod = (ctx, params) => {
  const record = targetChat(ctx, params);
  const source = documentSource(ctx, params);
  const caption = formatCaption(params);
  const keyboard = readInlineKeyboard(params);
  const replyTo = replyTarget(record, params);
  ctx.limiter.admit('send', record.chat);
  const file = storeDocument(ctx, source);
  const stored = ctx.state.appendMessage(
    record,
    (base) => ({
      ...botMessageBase(ctx, base),
      document: {
        file_name: file.fileName,
        ...(file.mimeType === undefined ? {} : { mime_type: file.mimeType }),
        file_id: file.fileId,
        file_unique_id: file.fileUniqueId,
        file_size: file.content.length,
      },
      ...(caption === undefined ? {} : { caption: caption.text }),
      ...(caption === undefined || caption.entities.length === 0
        ? {}
        : { caption_entities: caption.entities }),
      ...(keyboard === undefined ? {} : { reply_markup: keyboard }),
      ...(replyTo === undefined ? {} : { reply_to_message: replyTo }),
    }),
    { from: 'bot', file, ...(caption?.html === undefined ? {} : { html: caption.html }) },
  );
  ctx.ledger.record({
    method: 'sendDocument',
    chatId: record.chat.id,
    messageId: stored.message.message_id,
    ...(caption === undefined ? {} : { text: caption.text }),
  });
  return stored.message;
};

function documentSource(ctx: SandboxContext, params: Params): DocumentSource {
  const document = params.document;
  if (document instanceof UploadedFile) {
    if (document.content.length === 0) throw badRequest('file must be non-empty');
    return { kind: 'upload', file: document };
  }
  if (typeof document !== 'string' || document === '') {
    throw badRequest('there is no document in the request');
  }
  const known = ctx.state.files.get(document);
  if (known !== undefined) return { kind: 'stored', file: known };
  if (/^https?:\/\//i.test(document)) {
    return {
      kind: 'url',
      fileName: decodeURIComponent(new URL(document).pathname.split('/').pop() || 'file'),
    };
  }
  throw badRequest('wrong file identifier/HTTP URL specified');
}

/** A document sent again by file_id keeps its file; the sandbox does not fetch URLs, so theirs is empty. */
function storeDocument(ctx: SandboxContext, source: DocumentSource): StoredFile {
  switch (source.kind) {
    case 'stored':
      return source.file;
    case 'url':
      return ctx.state.storeFile(source.fileName, guessMimeType(source.fileName), Buffer.alloc(0));
    case 'upload': {
      const declared =
        source.file.contentType === 'application/octet-stream' ? undefined : source.file.contentType;
      const mimeType = guessMimeType(source.file.fileName) ?? declared ?? 'application/octet-stream';
      return ctx.state.storeFile(source.file.fileName, mimeType, source.file.content);
    }
  }
}

function guessMimeType(fileName: string): string | undefined {
  const extension = fileName.includes('.') ? fileName.split('.').pop()?.toLowerCase() : undefined;
  return extension === undefined ? undefined : MIME_TYPES[extension];
}
