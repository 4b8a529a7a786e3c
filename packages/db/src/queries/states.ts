import type { MemberState } from '@accord/domain';
import type { Kysely } from 'kysely';
import type { CommissionTable, Database, Selectable } from '../schema';

export async function listMemberStates(db: Kysely<Database>): Promise<MemberState[]> {
  const rows = await db.selectFrom('member_states').selectAll().orderBy('sort_order').execute();
  return rows.map((r) => ({
    code: r.code as MemberState['code'],
    nameRu: r.name_ru,
    nameEn: r.name_en,
    timeZone: r.time_zone,
  }));
}

export async function getCommissionOrThrow(db: Kysely<Database>): Promise<Selectable<CommissionTable>> {
  return db.selectFrom('commission').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Names (or, with null, withdraws) the chairman's deputy. */
export async function setDeputy(db: Kysely<Database>, personId: number | null, now: string): Promise<void> {
  await db
    .updateTable('commission')
    .set({ deputy_person_id: personId, updated_at: now })
    .where('id', '=', 1)
    .execute();
}
