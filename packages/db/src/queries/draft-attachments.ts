import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

export interface DraftAttachment {
  id: number;
  draftId: number;
  storedName: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: number | null;
  uploadedAt: string;
}

export type NewDraftAttachment = Omit<DraftAttachment, 'id' | 'uploadedAt'>;

const columns = [
  'id',
  'draft_id',
  'stored_name',
  'file_name',
  'content_type',
  'size',
  'sha256',
  'uploaded_by',
  'uploaded_at',
] as const;

const toAttachment = (r: {
  id: number;
  draft_id: number;
  stored_name: string;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  uploaded_by: number | null;
  uploaded_at: string;
}): DraftAttachment => ({
  id: r.id,
  draftId: r.draft_id,
  storedName: r.stored_name,
  fileName: r.file_name,
  contentType: r.content_type,
  size: r.size,
  sha256: r.sha256,
  uploadedBy: r.uploaded_by,
  uploadedAt: r.uploaded_at,
});

/** A draft's attachments that were not removed, oldest first. */
export async function listDraftAttachments(db: Db, draftId: number): Promise<DraftAttachment[]> {
  const rows = await db
    .selectFrom('draft_attachments')
    .select(columns)
    .where('draft_id', '=', draftId)
    .where('removed_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toAttachment);
}

/** One attachment of a draft, unless it was removed. */
export async function findDraftAttachment(
  db: Db,
  draftId: number,
  id: number,
): Promise<DraftAttachment | undefined> {
  const row = await db
    .selectFrom('draft_attachments')
    .select(columns)
    .where('id', '=', id)
    .where('draft_id', '=', draftId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row && toAttachment(row);
}

/** Only a draft still being written takes changes: the guard is in the same statement as the write. */
const openDraft = (db: Db, draftId: number) =>
  db.selectFrom('drafts').where('id', '=', draftId).where('status', '=', 'draft');

/** Adds an attachment row if the draft is still a draft (one guarded statement); null if it is not. */
export async function insertDraftAttachment(
  db: Db,
  a: NewDraftAttachment,
  now: string,
): Promise<number | null> {
  const row = await db
    .insertInto('draft_attachments')
    .columns([
      'draft_id',
      'stored_name',
      'file_name',
      'content_type',
      'size',
      'sha256',
      'uploaded_by',
      'uploaded_at',
    ])
    .expression(
      openDraft(db, a.draftId).select([
        sql.val(a.draftId).as('draft_id'),
        sql.val(a.storedName).as('stored_name'),
        sql.val(a.fileName).as('file_name'),
        sql.val(a.contentType).as('content_type'),
        sql.val(a.size).as('size'),
        sql.val(a.sha256).as('sha256'),
        sql.val(a.uploadedBy).as('uploaded_by'),
        sql.val(now).as('uploaded_at'),
      ]),
    )
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Marks an attachment removed if it is live and its draft is still a draft; false otherwise. The file stays. */
export async function removeDraftAttachment(
  db: Db,
  draftId: number,
  id: number,
  by: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('draft_attachments')
    .set({ removed_at: now, removed_by: by })
    .where('id', '=', id)
    .where('draft_id', '=', draftId)
    .where('removed_at', 'is', null)
    .where((eb) => eb.exists(openDraft(db, draftId).select(sql<number>`1`.as('open'))))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
