import type { Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../schema';
import { openTestDatabase } from '../test-database';
import { insertTestSecretary } from '../test-fixtures';
import {
  findDraftAttachment,
  insertDraftAttachment,
  listDraftAttachments,
  removeDraftAttachment,
} from './draft-attachments';
import { insertDraft, setDraftStatus } from './drafts';

const now = '2027-01-01T00:00:00.000Z';
let db: Kysely<Database>;
let draftId: number;
beforeEach(async () => {
  db = await openTestDatabase();
  await insertTestSecretary(db, now);
  draftId = await insertDraft(
    db,
    { kind: 'decision', title: 'On standards', text: 'Text.', directionIds: [], agendaItemId: null },
    1,
    now,
  );
});
afterEach(() => db.destroy());

const annex = (storedName: string) => ({
  draftId,
  storedName,
  fileName: 'Annex.pdf',
  contentType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  uploadedBy: 1,
});

describe('draft attachment rows', () => {
  it('are added and softly removed only while the draft is a draft, each guard in its own statement', async () => {
    const id = await insertDraftAttachment(db, annex('00000000-0000-4000-8000-000000000001'), now);
    expect(id).not.toBeNull();
    await setDraftStatus(db, draftId, ['draft'], 'voting', now);
    expect(await insertDraftAttachment(db, annex('00000000-0000-4000-8000-000000000002'), now)).toBeNull();
    expect(await removeDraftAttachment(db, draftId, id ?? 0, 1, now)).toBe(false);
    expect(await listDraftAttachments(db, draftId)).toHaveLength(1);

    await setDraftStatus(db, draftId, ['voting'], 'draft', now);
    expect(await removeDraftAttachment(db, draftId, id ?? 0, 1, now)).toBe(true);
    expect(await removeDraftAttachment(db, draftId, id ?? 0, 1, now)).toBe(false);
    expect(await findDraftAttachment(db, draftId, id ?? 0)).toBeUndefined();
    expect(await db.selectFrom('draft_attachments').select(['removed_at', 'removed_by']).execute()).toEqual([
      { removed_at: now, removed_by: 1 },
    ]);
  });

  it('are not found through another draft', async () => {
    const id = (await insertDraftAttachment(db, annex('00000000-0000-4000-8000-000000000003'), now)) ?? 0;
    expect(await findDraftAttachment(db, draftId + 1, id)).toBeUndefined();
    expect(await removeDraftAttachment(db, draftId + 1, id, 1, now)).toBe(false);
  });
});
