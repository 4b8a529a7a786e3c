import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDir, fsyncFile, INCOMING_ATTACHMENTS } from './backup/manifest';

const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Where a draft's attachment lives: `<attachmentsDir>/drafts/<draftId>/<storedName>`; nothing of the client's is in it. */
export function draftAttachmentPath(attachmentsDir: string, draftId: number, storedName: string): string {
  if (!Number.isSafeInteger(draftId) || draftId <= 0 || !STORED_NAME.test(storedName))
    throw new Error(`not an attachment's place: draft ${draftId}, name ${storedName}`);
  return join(attachmentsDir, 'drafts', String(draftId), storedName);
}

/**
 * Writes a draft's attachment and returns its stored name (random). The bytes go to a temporary
 * file under `.incoming/` (which backups skip), are flushed, then renamed into place: a backup
 * copying the folder meanwhile sees the whole file or none of it.
 */
export async function writeDraftAttachmentFile(
  attachmentsDir: string,
  draftId: number,
  bytes: Uint8Array,
): Promise<string> {
  const storedName = randomUUID();
  const target = draftAttachmentPath(attachmentsDir, draftId, storedName);
  const incoming = join(attachmentsDir, INCOMING_ATTACHMENTS, storedName);
  await mkdir(dirname(incoming), { recursive: true });
  try {
    await writeFile(incoming, bytes, { flag: 'wx' });
    await fsyncFile(incoming);
    await mkdir(dirname(target), { recursive: true });
    await rename(incoming, target);
    await fsyncDir(dirname(target));
  } catch (error) {
    await rm(incoming, { force: true });
    throw error;
  }
  return storedName;
}

export const readDraftAttachmentFile = (attachmentsDir: string, draftId: number, storedName: string) =>
  readFile(draftAttachmentPath(attachmentsDir, draftId, storedName));

/** Deletes a file whose row was never written (the draft was locked meanwhile, or the insert failed). */
export const discardDraftAttachmentFile = (attachmentsDir: string, draftId: number, storedName: string) =>
  rm(draftAttachmentPath(attachmentsDir, draftId, storedName), { force: true });
