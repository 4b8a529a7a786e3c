import {
  isRole,
  type Language,
  type Person,
  pickLanguage,
  type Representation,
  type RepresentationKind,
  type Role,
} from '@accord/domain';
import type { Kysely } from 'kysely';
import type { Database, PersonRow, RepresentationsTable, Selectable } from '../schema';

type Db = Kysely<Database>;

export const parseRoles = (json: string): Role[] => {
  const parsed: unknown = JSON.parse(json);
  return Array.isArray(parsed) ? parsed.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
};

export const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  roles: parseRoles(row.roles),
  language: pickLanguage(row.language) as Language,
  timeZone: row.time_zone,
  telegramUserId: row.telegram_user_id,
  reachable: row.reachable === 1,
  active: row.active === 1,
});

export async function listPeople(db: Db): Promise<Person[]> {
  const rows = await db.selectFrom('people').selectAll().orderBy('id').execute();
  return rows.map(toPerson);
}

export async function findPersonById(db: Db, id: number): Promise<Person | undefined> {
  const row = await db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toPerson(row);
}

export async function findPersonByTelegramId(db: Db, telegramUserId: number): Promise<Person | undefined> {
  const row = await db
    .selectFrom('people')
    .selectAll()
    .where('telegram_user_id', '=', telegramUserId)
    .executeTakeFirst();
  return row && toPerson(row);
}

export async function listPeopleWithRole(db: Db, role: Role): Promise<Person[]> {
  return (await listPeople(db)).filter((p) => p.active && p.roles.includes(role));
}

/** Binds a Telegram account to a person; the account is taken from anyone it was bound to before. */
export async function linkTelegram(
  db: Db,
  personId: number,
  telegramUserId: number,
  username: string | null,
  now: string,
) {
  await db
    .updateTable('people')
    .set({ telegram_user_id: null, updated_at: now })
    .where('telegram_user_id', '=', telegramUserId)
    .where('id', '!=', personId)
    .execute();
  await db
    .updateTable('people')
    .set({
      telegram_user_id: telegramUserId,
      telegram_username: username,
      reachable: 1,
      unreachable_reason: null,
      updated_at: now,
    })
    .where('id', '=', personId)
    .execute();
}

/** Marks a person unreachable; true only for the call that changed it, so the secretary is told once. */
export async function markUnreachable(
  db: Db,
  personId: number,
  reason: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ reachable: 0, unreachable_reason: reason, updated_at: now })
    .where('id', '=', personId)
    .where('reachable', '=', 1)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markReachable(db: Db, personId: number, now: string): Promise<void> {
  await db
    .updateTable('people')
    .set({ reachable: 1, unreachable_reason: null, updated_at: now })
    .where('id', '=', personId)
    .execute();
}

const toRepresentation = (r: Selectable<RepresentationsTable>): Representation => ({
  personId: r.person_id,
  stateCode: r.state_code as Representation['stateCode'],
  kind: r.kind as RepresentationKind,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

export async function listRepresentations(db: Db): Promise<Representation[]> {
  const rows = await db.selectFrom('representations').selectAll().orderBy('id').execute();
  return rows.map(toRepresentation);
}

/** One person's representations, past and present (by the person index, not the whole table). */
export async function listRepresentationsOf(db: Db, personId: number): Promise<Representation[]> {
  const rows = await db
    .selectFrom('representations')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('id')
    .execute();
  return rows.map(toRepresentation);
}

export async function insertPerson(
  db: Db,
  input: { name: string; roles: readonly Role[]; language: Language; timeZone: string },
  now: string,
): Promise<number> {
  const row = await db
    .insertInto('people')
    .values({
      name: input.name,
      roles: JSON.stringify(input.roles),
      language: input.language,
      time_zone: input.timeZone,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePersonFields(
  db: Db,
  id: number,
  patch: Partial<{ name: string; roles: readonly Role[]; language: Language; timeZone: string }>,
  now: string,
): Promise<void> {
  await db
    .updateTable('people')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.roles !== undefined ? { roles: JSON.stringify(patch.roles) } : {}),
      ...(patch.language !== undefined ? { language: patch.language } : {}),
      ...(patch.timeZone !== undefined ? { time_zone: patch.timeZone } : {}),
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

/** Deactivates a person, guarded: false if they were inactive already. Their Telegram link goes; their history stays. */
export async function deactivatePersonRow(db: Db, id: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable('people')
    .set({ active: 0, telegram_user_id: null, telegram_username: null, updated_at: now })
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function insertRepresentation(
  db: Db,
  r: { personId: number; stateCode: string; kind: RepresentationKind; validFrom: string },
) {
  await db
    .insertInto('representations')
    .values({ person_id: r.personId, state_code: r.stateCode, kind: r.kind, valid_from: r.validFrom })
    .execute();
}

/** Ends a person's representations that are in force at `now`. */
export async function endRepresentationsOf(db: Db, personId: number, now: string): Promise<void> {
  await db
    .updateTable('representations')
    .set({ valid_to: now })
    .where('person_id', '=', personId)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)]))
    .execute();
}

/** People's names by id, for naming who did something; unknown ids are left out. */
export async function personNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name] as const));
}
