import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
  type SqliteStatement,
} from 'kysely';
import type { Database } from './schema';

export interface DatabaseOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
}

/**
 * Transactions take the write lock as they begin. A deferred one that reads first and then writes
 * cannot wait for another process's commit in between: SQLite answers "database is locked" at
 * once, whatever the busy timeout (a press lost while the worker wrote). Beginning immediate,
 * it waits its turn under the busy timeout instead.
 */
class ImmediateTransactionDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class AccordSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateTransactionDriver(this.settings);
  }
}

/** Enough for every statement the code writes; queries with a varying `in (…)` list come and go. */
const STATEMENT_CACHE_SIZE = 500;
/** Longer SQL is a batch insert or a long `in (…)` list: rarely the same twice, and large to keep. */
const STATEMENT_CACHE_MAX_SQL = 4_000;

/**
 * Kysely's driver prepares every query afresh, and preparing costs more than running a short
 * statement. Prepared statements are reusable (all calls are synchronous, one at a time), so the
 * latest few hundred are kept by their SQL, least recently used dropped first.
 */
function cachingStatements(sqlite: SQLite.Database) {
  const cache = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      if (sql.length > STATEMENT_CACHE_MAX_SQL) return sqlite.prepare(sql);
      let statement = cache.get(sql);
      if (statement) {
        cache.delete(sql);
      } else {
        statement = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
      }
      cache.set(sql, statement);
      return statement;
    },
    close: () => sqlite.close(),
  };
}

const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

/**
 * The better-sqlite3 handle under a database `openDatabase` opened, for this package's synchronous
 * writes (group commit) only: Kysely keeps it to itself, and the apps must go through Kysely.
 */
export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database {
  const sqlite = sqliteHandles.get(db);
  if (!sqlite) throw new Error('The database was not opened by openDatabase');
  return sqlite;
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
  const db = new Kysely<Database>({
    dialect: new AccordSqliteDialect({ database: cachingStatements(sqlite) }),
  });
  sqliteHandles.set(db, sqlite);
  return db;
}
