import { findDraft, findDraftAttachment, listDraftAttachments, readDraftAttachmentFile } from '@accord/db';
import {
  ATTACHMENT_ACCEPT,
  attachmentParamSchema,
  idParamSchema,
  MAX_ATTACHMENT_BYTES,
} from '@accord/domain';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../env';
import { errorBody } from '../errors';
import { authorize, signedIn } from '../middleware/authorize';
import {
  type AttachmentServiceError,
  addDraftAttachment,
  removeAttachmentFromDraft,
} from '../services/draft-attachments';
import { validate } from '../validate';

const megabytes = MAX_ATTACHMENT_BYTES / 1024 / 1024;
const failures: Record<AttachmentServiceError, [string, 400 | 404 | 409 | 413 | 415]> = {
  NotFound: ['No such draft or attachment', 404],
  DraftLocked: ['The draft is in a ballot or decided: its attachments can no longer change', 409],
  EmptyFile: ['The file is empty', 400],
  AttachmentTooLarge: [`The file is larger than ${megabytes} MB`, 413],
  TypeNotAllowed: ['Only PDF, DOCX, XLSX, ODT, PNG, JPEG and plain text files can be attached', 415],
  TypeMismatch: ["The file's content is not what its name says it is", 415],
};
const failure = (error: AttachmentServiceError) =>
  [errorBody(error, failures[error][0]), failures[error][1]] as const;

/** A multipart body carries the file and its part headers: room for them above the file's own limit. */
export const MAX_UPLOAD_BODY_BYTES = MAX_ATTACHMENT_BYTES + 64 * 1024;

const uploadLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BODY_BYTES,
  onError: (c) => c.json(...failure('AttachmentTooLarge')),
});

/** `filename` for old clients (ASCII), `filename*` (RFC 6266, RFC 5987) for the real name in any script. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** Files attached to a draft: everyone signed in reads them, the secretary adds and removes them while it is a draft. */
export const draftAttachmentsRoutes = new Hono<AppEnv>()
  .get('/:id/attachments', authorize('drafts.read'), validate('param', idParamSchema), async (c) => {
    const { db } = c.get('deps');
    const draftId = c.req.valid('param').id;
    if (!(await findDraft(db, draftId))) return c.json(...failure('NotFound'));
    const attachments = (await listDraftAttachments(db, draftId)).map(({ storedName: _, ...a }) => a);
    // The limits come along so the dashboard checks a file before sending it (it does not bundle the domain).
    return c.json({ attachments, maxBytes: MAX_ATTACHMENT_BYTES, accept: ATTACHMENT_ACCEPT }, 200);
  })
  .post(
    '/:id/attachments',
    authorize('drafts.write'),
    uploadLimit,
    validate('param', idParamSchema),
    async (c) => {
      const { db, clock, attachmentsDir } = c.get('deps');
      // A body that is not a form (or a broken one) has no file in it: a 400, not a 500.
      const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
      const file = body.file;
      if (!(file instanceof File))
        return c.json(
          errorBody('FileMissing', 'Send the file as multipart/form-data in a field named "file"'),
          400,
        );
      const added = await addDraftAttachment(
        { db, attachmentsDir },
        c.req.valid('param').id,
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        signedIn(c),
        clock().toISOString(),
      );
      if (!added.ok) return c.json(...failure(added.error));
      const { storedName: _, ...attachment } = added.value;
      return c.json({ attachment }, 201);
    },
  )
  .get(
    '/:id/attachments/:attachmentId',
    authorize('drafts.read'),
    validate('param', attachmentParamSchema),
    async (c) => {
      const { db, attachmentsDir, logger } = c.get('deps');
      const { id, attachmentId } = c.req.valid('param');
      const attachment = await findDraftAttachment(db, id, attachmentId);
      if (!attachment) return c.json(...failure('NotFound'));
      let bytes: Buffer;
      try {
        bytes = await readDraftAttachmentFile(attachmentsDir, id, attachment.storedName);
      } catch (error) {
        // The row is there and the file is not: a restore without its attachments, or a lost disk.
        logger.error({ err: error, draftId: id, attachmentId }, 'attachment file missing');
        return c.json(errorBody('AttachmentFileMissing', 'The file of this attachment is missing'), 404);
      }
      return c.body(new Uint8Array(bytes), 200, {
        'content-type': attachment.contentType,
        'content-length': String(bytes.byteLength),
        'content-disposition': contentDisposition(attachment.fileName),
        // The stored type was checked by content; the browser must not guess another.
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-cache',
      });
    },
  )
  .delete(
    '/:id/attachments/:attachmentId',
    authorize('drafts.write'),
    validate('param', attachmentParamSchema),
    async (c) => {
      const { db, clock } = c.get('deps');
      const { id, attachmentId } = c.req.valid('param');
      const removed = await removeAttachmentFromDraft(
        db,
        id,
        attachmentId,
        signedIn(c),
        clock().toISOString(),
      );
      if (!removed.ok) return c.json(...failure(removed.error));
      return c.json({ id: attachmentId, removed: true }, 200);
    },
  );
