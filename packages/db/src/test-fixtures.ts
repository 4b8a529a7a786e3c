import type { Insertable, Kysely } from 'kysely';
import type { CommissionTable, Database } from './schema';

/** The commission's one row, for this package's tests; a test overrides what it is about. */
export async function insertTestCommission(
  db: Kysely<Database>,
  now: string,
  overrides: Partial<Insertable<CommissionTable>> = {},
): Promise<void> {
  await db
    .insertInto('commission')
    .values({
      id: 1,
      name_ru: 'Комиссия',
      name_en: 'Commission',
      decision_rule: 'consensus',
      quorum_numerator: 2,
      quorum_denominator: 3,
      min_meetings_per_year: 2,
      report_due_month_day: '12-15',
      group_chat_id: null,
      updated_at: now,
      ...overrides,
    })
    .execute();
}

/** The secretary, person 1, for this package's tests. */
export async function insertTestSecretary(db: Kysely<Database>, now: string): Promise<void> {
  await db
    .insertInto('people')
    .values({
      id: 1,
      name: 'Secretary',
      roles: '["secretary"]',
      language: 'en',
      time_zone: 'UTC',
      created_at: now,
      updated_at: now,
    })
    .execute();
}
