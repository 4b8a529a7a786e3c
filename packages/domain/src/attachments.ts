import { fileTypeFromBuffer } from 'file-type/core';
import type { DraftStatus } from './drafts';
import { err, ok, type Result } from './result';
import { idParamSchema } from './schemas';

/** The largest attachment a draft takes: a scanned, signed 30-page PDF fits with room to spare. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * What a commission's draft is sent with, and why each: PDF for signed or final texts and scans;
 * DOCX and ODT for texts the states edit (some governments' offices work in LibreOffice); XLSX for
 * tables (budgets, lists of a program's activities); PNG and JPEG for scans, photos and diagrams;
 * plain text for notes. Left out on purpose: legacy binary and macro-enabled Office files (DOC, XLS,
 * DOCM, XLSM — macros), HTML and SVG (scripts that a browser would run), archives (they hide what
 * they hold) and executables.
 */
export const ATTACHMENT_TYPES = [
  { contentType: 'application/pdf', extensions: ['pdf'] },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
  },
  { contentType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
  { contentType: 'image/png', extensions: ['png'] },
  { contentType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  { contentType: 'text/plain', extensions: ['txt'] },
] as const;

/** `/:id/attachments/:attachmentId`: both positive whole numbers. */
export const attachmentParamSchema = idParamSchema.extend({
  attachmentId: idParamSchema.shape.id,
});

export type AttachmentContentType = (typeof ATTACHMENT_TYPES)[number]['contentType'];

/** For a file input's `accept`: the extensions and types above. */
export const ATTACHMENT_ACCEPT = ATTACHMENT_TYPES.flatMap((t) => [
  ...t.extensions.map((e) => `.${e}`),
  t.contentType,
]).join(',');

export type AttachmentError =
  | 'EmptyFile'
  | 'AttachmentTooLarge'
  | 'TypeNotAllowed'
  | 'TypeMismatch'
  | 'DraftLocked';

export interface CheckedAttachment {
  /** The type the content proved to be: stored and served, whatever the browser declared. */
  contentType: AttachmentContentType;
  /** The client's name made safe to show and to offer for download (never used as a path). */
  fileName: string;
}

/** Attachments change only while the draft is a draft: a ballot is bound to the exact version it was opened on. */
export const decideAttachmentChange = (status: DraftStatus): Result<true, AttachmentError> =>
  status === 'draft' ? ok(true) : err('DraftLocked');

/** A file's last path segment, without control characters, at most 200 characters; `file` when nothing is left. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).at(-1) ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return 'file';
  if (cleaned.length <= 200) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return cleaned.slice(0, 200 - extension.length) + extension;
}

const extensionOf = (name: string): string => {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
};

/** UTF-8 that decodes, with no NUL and no control characters but tab, line breaks and form feed. */
function isPlainText(bytes: Uint8Array): boolean {
  for (const byte of bytes)
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks an upload by its content, not by what the client says it is: the type comes from the
 * file's own signature (the `file-type` library reads magic bytes, and looks inside ZIP containers
 * to tell DOCX, XLSX and ODT from any ZIP); text is text when it has no signature and reads as
 * UTF-8. The name's extension must agree with the content, so a file opens in the program its name
 * promises.
 */
export async function checkAttachment(file: {
  name: string;
  bytes: Uint8Array;
}): Promise<Result<CheckedAttachment, AttachmentError>> {
  if (file.bytes.byteLength === 0) return err('EmptyFile');
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) return err('AttachmentTooLarge');
  const detected = await fileTypeFromBuffer(file.bytes);
  const contentType = detected ? detected.mime : isPlainText(file.bytes) ? 'text/plain' : undefined;
  const allowed = ATTACHMENT_TYPES.find((t) => t.contentType === contentType);
  if (!allowed) return err('TypeNotAllowed');
  const fileName = cleanFileName(file.name);
  if (!(allowed.extensions as readonly string[]).includes(extensionOf(fileName))) return err('TypeMismatch');
  return ok({ contentType: allowed.contentType, fileName });
}
