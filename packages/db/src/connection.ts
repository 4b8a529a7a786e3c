import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from './schema';

export interface DatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
}

/**
 * Opens the database with the settings every process shares: WAL so readers never block the
 * writer, NORMAL sync (the outbox's idempotency covers the small durability window), foreign
 * keys on, and a busy timeout so the API and the worker can share one file.
 */
export function openDatabase({ file }: DatabaseOptions): Kysely<Database> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
