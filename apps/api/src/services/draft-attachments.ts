import { createHash } from 'node:crypto';
import {
  type Database,
  type DraftAttachment,
  discardDraftAttachmentFile,
  findDraft,
  findDraftAttachment,
  insertDraftAttachment,
  type Kysely,
  removeDraftAttachment,
  writeDraftAttachmentFile,
} from '@accord/db';
import {
  type AttachmentError,
  checkAttachment,
  decideAttachmentChange,
  err,
  ok,
  type Person,
  type Result,
} from '@accord/domain';
import { auditByPerson, beforeAfter } from './audit';

type Db = Kysely<Database>;
export type AttachmentServiceError = AttachmentError | 'NotFound';

/** What the audit log keeps of an attachment: enough to tell which file it was, byte for byte. */
const audited = (a: Pick<DraftAttachment, 'fileName' | 'contentType' | 'size' | 'sha256'>, id: number) => ({
  attachmentId: id,
  fileName: a.fileName,
  contentType: a.contentType,
  size: a.size,
  sha256: a.sha256,
});

/**
 * Attaches a file to a draft still being written: checked by its content, written into place
 * (never half a file), then its row and audit event in one transaction. If the draft was put to a
 * vote meanwhile, the guarded insert refuses and the file is deleted again.
 */
export async function addDraftAttachment(
  deps: { db: Db; attachmentsDir: string },
  draftId: number,
  file: { name: string; bytes: Uint8Array },
  actor: Person,
  now: string,
): Promise<Result<DraftAttachment, AttachmentServiceError>> {
  const { db, attachmentsDir } = deps;
  const draft = await findDraft(db, draftId);
  if (!draft) return err('NotFound');
  const open = decideAttachmentChange(draft.status);
  if (!open.ok) return open;
  const checked = await checkAttachment(file);
  if (!checked.ok) return checked;

  const storedName = await writeDraftAttachmentFile(attachmentsDir, draftId, file.bytes);
  const attachment = {
    draftId,
    storedName,
    fileName: checked.value.fileName,
    contentType: checked.value.contentType,
    size: file.bytes.byteLength,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
    uploadedBy: actor.id,
  };
  try {
    const id = await db.transaction().execute(async (trx) => {
      const newId = await insertDraftAttachment(trx, attachment, now);
      if (newId === null) return null;
      await auditByPerson(trx, actor, now, {
        action: 'draft.attachment.add',
        recordType: 'draft',
        recordId: draftId,
        ...beforeAfter(null, audited(attachment, newId)),
      });
      return newId;
    });
    if (id === null) {
      await discardDraftAttachmentFile(attachmentsDir, draftId, storedName);
      return err('DraftLocked');
    }
    return ok({ id, ...attachment, uploadedAt: now });
  } catch (error) {
    await discardDraftAttachmentFile(attachmentsDir, draftId, storedName);
    throw error;
  }
}

/** Removes an attachment from a draft still being written; the row and the file are kept for the record. */
export async function removeAttachmentFromDraft(
  db: Db,
  draftId: number,
  attachmentId: number,
  actor: Person,
  now: string,
): Promise<Result<true, AttachmentServiceError>> {
  const draft = await findDraft(db, draftId);
  if (!draft) return err('NotFound');
  const attachment = await findDraftAttachment(db, draftId, attachmentId);
  if (!attachment) return err('NotFound');
  const open = decideAttachmentChange(draft.status);
  if (!open.ok) return open;
  const removed = await db.transaction().execute(async (trx) => {
    if (!(await removeDraftAttachment(trx, draftId, attachmentId, actor.id, now))) return false;
    await auditByPerson(trx, actor, now, {
      action: 'draft.attachment.remove',
      recordType: 'draft',
      recordId: draftId,
      ...beforeAfter(audited(attachment, attachmentId), null),
    });
    return true;
  });
  // Lost a race: removed by someone else, or the draft was locked meanwhile.
  if (!removed)
    return err((await findDraftAttachment(db, draftId, attachmentId)) ? 'DraftLocked' : 'NotFound');
  return ok(true);
}
