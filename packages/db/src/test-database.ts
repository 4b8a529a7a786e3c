import type { Kysely } from 'kysely';
import { openDatabase } from './connection';
import { migrateToLatestOrThrow } from './migrate';
import type { Database } from './schema';

/** A fresh, migrated in-memory database, for tests in this package and the apps. */
export async function openTestDatabase(): Promise<Kysely<Database>> {
  const db = openDatabase({ file: ':memory:' });
  await migrateToLatestOrThrow(db);
  return db;
}
