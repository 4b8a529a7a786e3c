import type { DraftInput, DraftKind, DraftStatus, DraftVersion } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../schema';

type Db = Kysely<Database>;

export interface Draft {
  id: number;
  kind: DraftKind;
  status: DraftStatus;
  currentVersion: number;
  directionIds: number[];
  agendaItemId: number | null;
  updatedAt: string;
  title: string;
  text: string;
}

/** Drafts with their current version's title and text, newest first. */
export async function listDrafts(db: Db, id?: number): Promise<Draft[]> {
  let query = db
    .selectFrom('drafts')
    .innerJoin('draft_versions', (join) =>
      join
        .onRef('draft_versions.draft_id', '=', 'drafts.id')
        .onRef('draft_versions.version', '=', 'drafts.current_version'),
    )
    .select([
      'drafts.id',
      'kind',
      'status',
      'current_version',
      'direction_ids',
      'agenda_item_id',
      'updated_at',
      'draft_versions.title',
      'draft_versions.text',
    ])
    .orderBy('drafts.id', 'desc');
  if (id !== undefined) query = query.where('drafts.id', '=', id);
  return (await query.execute()).map((r) => ({
    id: r.id,
    kind: r.kind as DraftKind,
    status: r.status as DraftStatus,
    currentVersion: r.current_version,
    directionIds: JSON.parse(r.direction_ids) as number[],
    agendaItemId: r.agenda_item_id,
    updatedAt: r.updated_at,
    title: r.title,
    text: r.text,
  }));
}

export const findDraft = async (db: Db, id: number) => (await listDrafts(db, id))[0];

export async function listDraftVersions(
  db: Db,
  draftId: number,
): Promise<Array<DraftVersion & { createdAt: string; createdBy: number | null }>> {
  const rows = await db
    .selectFrom('draft_versions')
    .selectAll()
    .where('draft_id', '=', draftId)
    .orderBy('version')
    .execute();
  return rows.map((r) => ({
    version: r.version,
    title: r.title,
    text: r.text,
    createdAt: r.created_at,
    createdBy: r.created_by,
  }));
}

export async function insertDraft(db: Db, input: DraftInput, by: number, now: string): Promise<number> {
  const { id } = await db
    .insertInto('drafts')
    .values({
      kind: input.kind,
      status: 'draft',
      current_version: 1,
      direction_ids: JSON.stringify(input.directionIds),
      agenda_item_id: input.agendaItemId,
      created_by: by,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('draft_versions')
    .values({
      draft_id: id,
      version: 1,
      title: input.title,
      text: input.text,
      created_by: by,
      created_at: now,
    })
    .execute();
  return id;
}

/** Saves a new version, guarded by the version and status it was read at: false if someone else saved first. */
export async function saveDraftVersion(
  db: Db,
  draftId: number,
  expected: number,
  next: { title: string; text: string },
  by: number,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('drafts')
    .set({ current_version: expected + 1, updated_at: now })
    .where('id', '=', draftId)
    .where('current_version', '=', expected)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) return false;
  await db
    .insertInto('draft_versions')
    .values({
      draft_id: draftId,
      version: expected + 1,
      title: next.title,
      text: next.text,
      created_by: by,
      created_at: now,
    })
    .execute();
  return true;
}

export async function setDraftStatus(
  db: Db,
  draftId: number,
  from: readonly DraftStatus[],
  to: DraftStatus,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('drafts')
    .set({ status: to, updated_at: now })
    .where('id', '=', draftId)
    .where('status', 'in', from)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** What a draft can be tied to: the program directions, and agenda items of meetings not cancelled. */
export async function listDraftChoices(db: Db) {
  const directions = await db
    .selectFrom('program_directions')
    .select(['id', 'title_ru', 'title_en'])
    .orderBy('program_id')
    .orderBy('position')
    .execute();
  const agendaItems = await db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select([
      'agenda_items.id',
      'agenda_items.title',
      'meetings.id as meeting_id',
      'meetings.title as meeting_title',
      'meetings.starts_at',
    ])
    .where('meetings.status', '!=', 'cancelled')
    .orderBy('meetings.starts_at', 'desc')
    .orderBy('agenda_items.position')
    .execute();
  return {
    directions: directions.map((d) => ({ id: d.id, titleRu: d.title_ru, titleEn: d.title_en })),
    agendaItems: agendaItems.map((a) => ({
      id: a.id,
      title: a.title,
      meetingId: a.meeting_id,
      meetingTitle: a.meeting_title,
      startsAt: a.starts_at,
    })),
  };
}

/** A draft's kind and the title of one of its versions (a ballot's, say). */
export async function findDraftVersionHeading(db: Db, draftId: number, version: number) {
  return db
    .selectFrom('drafts')
    .innerJoin('draft_versions', 'draft_versions.draft_id', 'drafts.id')
    .select(['drafts.id', 'drafts.kind', 'draft_versions.title'])
    .where('drafts.id', '=', draftId)
    .where('draft_versions.version', '=', version)
    .executeTakeFirst()
    .then((r) => r && { id: r.id, kind: r.kind as DraftKind, title: r.title });
}
