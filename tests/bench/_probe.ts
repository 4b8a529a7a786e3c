import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { claimDueReminders, type Database, migrateToLatestOrThrow, openDatabase } from '@accord/db';

const file = join(mkdtempSync(join(tmpdir(), 'probe-')), 'a.db');
const db = openDatabase({ file });
await migrateToLatestOrThrow(db);
let captured: CompiledQuery | undefined;
const probe = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file) }), log: (e) => { if (e.level === 'query' && /update "reminders"/.test(e.query.sql)) captured = e.query; } });
await probe.transaction().execute(async (trx) => { await claimDueReminders(trx, { owner: 'x', now: '2030-01-01T00:00:00.000Z', leaseUntil: '2030-01-01T00:01:00.000Z', limit: 100 }); });
console.log(captured?.sql, captured?.parameters);
const plan = await probe.executeQuery(CompiledQuery.raw(`explain query plan ${captured?.sql}`, [...(captured?.parameters ?? [])]));
console.log(plan.rows);
await probe.destroy(); await db.destroy();
