import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { LATEST_SCHEMA_VERSION, migrateToLatestOrThrow } from '../migrate';
import { createBackup } from './create-backup';
import { type BackupManifest, listFiles, sha256File } from './manifest';
import { auditRow, readTree, tempFolders, withSqlite, writeTree } from './test-support';

const temp = tempFolders();
afterEach(() => temp.cleanup());

/**
 * A second process writing to the same file, as Accord's worker would: small transactions of two
 * audit rows (same record_id) as fast as it can, until killed.
 */
const childWriter = `
const Database = require(process.env.SQLITE_MODULE);
const db = new Database(process.env.DATABASE_FILE, { timeout: 5000 });
db.pragma('journal_mode = WAL');
const insert = db.prepare("insert into audit_events (at, actor_kind, action, record_type, record_id) values (?, 'system', 'load', 'child', ?)");
const pair = db.transaction((i) => { const at = new Date().toISOString(); insert.run(at, 'c-' + i); insert.run(at, 'c-' + i); });
let i = 0;
(function loop() { pair(i++); if (i === 1) process.stdout.write('ready\\n'); setImmediate(loop); })();
`;

function startChildWriter(databaseFile: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-e', childWriter], {
    env: {
      ...process.env,
      DATABASE_FILE: databaseFile,
      SQLITE_MODULE: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the child writer exited early (${code})`)));
    child.stdout?.once('data', () => resolve(child));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

async function expectManifestMatches(dir: string, manifest: BackupManifest): Promise<void> {
  const onDisk = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as BackupManifest;
  expect(onDisk).toEqual(manifest);
  expect(manifest.files.map((f) => f.path)).toEqual(
    (await listFiles(dir)).filter((p) => p !== 'manifest.json'),
  );
  for (const file of manifest.files) {
    expect((await stat(join(dir, file.path))).size).toBe(file.bytes);
    expect(await sha256File(join(dir, file.path))).toBe(file.sha256);
  }
}

describe('createBackup', () => {
  it('copies a consistent database and the attachments while two writers keep committing', async () => {
    const root = temp.make();
    const databaseFile = join(root, 'data', 'accord.db');
    const attachmentsDir = join(root, 'data', 'attachments');
    const attachments = {
      'a/minutes-2025-03.pdf': 'pdf bytes',
      'b/photo.jpg': 'jpeg bytes',
      'readme.txt': 'hi',
    };
    await writeTree(attachmentsDir, attachments);

    const db = openDatabase({ file: databaseFile });
    await migrateToLatestOrThrow(db);
    // A few megabytes, so the copy is not instant.
    await db.transaction().execute(async (trx) => {
      for (let chunk = 0; chunk < 40; chunk++) {
        const rows = Array.from({ length: 500 }, (_, i) =>
          auditRow('seed', `s-${chunk}-${i}`, 'x'.repeat(300)),
        );
        await trx.insertInto('audit_events').values(rows).execute();
      }
    });

    // A long read transaction, as a slow report would hold: checkpoints cannot pass its snapshot, so
    // the rows written from now on live only in the WAL. A copy of the bare file would miss them.
    const pinned = new SQLite(databaseFile, { readonly: true });
    pinned.exec('begin');
    pinned.prepare('select count(*) from audit_events').get();

    // Writer 1, in this process through Kysely: two rows per transaction, yielding between them.
    let writing = true;
    let parentCommits = 0;
    const parentWriter = (async () => {
      while (writing) {
        const id = `p-${parentCommits}`;
        await db.transaction().execute(async (trx) => {
          await trx
            .insertInto('audit_events')
            .values([auditRow('parent', id), auditRow('parent', id)])
            .execute();
        });
        parentCommits += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    // Writer 2, another process on the same file.
    const child = await startChildWriter(databaseFile);

    try {
      await sleep(150);
      const maxId = async () =>
        Number((await sql<{ m: number }>`select max(id) as m from audit_events`.execute(db)).rows[0]?.m);
      const committedBefore = await maxId();
      const parentCommitsBefore = parentCommits;

      const { dir, manifest } = await createBackup({
        databaseFile,
        targetDir: join(root, 'backups'),
        now: '2025-03-01T09:30:00.000Z',
      });

      // The writers did not wait for the backup: both committed while it ran.
      const childRowsDuring = await sql<{ n: number }>`
        select count(*) as n from audit_events where record_type = 'child' and id > ${committedBefore}`.execute(
        db,
      );
      expect(childRowsDuring.rows[0]?.n).toBeGreaterThan(0);
      expect(parentCommits).toBeGreaterThan(parentCommitsBefore);
      await sleep(50);
      writing = false;
      await parentWriter;
      await stopChild(child);

      expect(dir).toBe(join(root, 'backups', 'accord-backup-2025-03-01T09-30-00-000Z'));
      expect(existsSync(`${dir}.partial`)).toBe(false);
      expect(manifest).toMatchObject({
        app: 'accord',
        format: 1,
        createdAt: '2025-03-01T09:30:00.000Z',
        schemaVersion: LATEST_SCHEMA_VERSION,
      });
      await expectManifestMatches(dir, manifest);
      expect(await readTree(join(dir, 'attachments'))).toEqual(attachments);

      const copy = join(dir, 'accord.db');
      const live = await db.selectFrom('audit_events').selectAll().orderBy('id').execute();
      withSqlite(copy, (sqlite) => {
        expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(sqlite.pragma('journal_mode', { simple: true })).toBe('delete');
        const version = sqlite.prepare('select name from kysely_migration order by name desc limit 1').get();
        expect(version).toEqual({ name: LATEST_SCHEMA_VERSION });

        const copied = sqlite.prepare('select * from audit_events order by id').all() as typeof live;
        const copiedMax = copied.at(-1)?.id ?? 0;
        // Every row committed before the backup began is in the copy, exactly as it is live…
        expect(copiedMax).toBeGreaterThanOrEqual(committedBefore);
        expect(copied.filter((r) => r.id <= committedBefore)).toEqual(
          live.filter((r) => r.id <= committedBefore),
        );
        // …and the copy is one snapshot: a prefix of the live log, no transaction split in two.
        expect(copied).toEqual(live.filter((r) => r.id <= copiedMax));
        const split = sqlite
          .prepare(
            "select record_id from audit_events where record_type in ('parent', 'child') group by record_type, record_id having count(*) <> 2",
          )
          .all();
        expect(split).toEqual([]);
      });
      expect(live.length).toBeGreaterThan(20_000 + 10);
      await expect(readdir(join(root, 'backups'))).resolves.toEqual([
        'accord-backup-2025-03-01T09-30-00-000Z',
      ]);
    } finally {
      writing = false;
      await parentWriter.catch(() => undefined);
      await stopChild(child);
      if (pinned.inTransaction) pinned.exec('commit');
      pinned.close();
      await db.destroy();
    }
  }, 60_000);

  it('backs up a database without an attachments folder as the database alone', async () => {
    const root = temp.make();
    const databaseFile = join(root, 'accord.db');
    const db = openDatabase({ file: databaseFile });
    await migrateToLatestOrThrow(db);
    const { dir, manifest } = await createBackup({ databaseFile, targetDir: join(root, 'out') });
    await db.destroy();

    expect(manifest.files.map((f) => f.path)).toEqual(['accord.db']);
    expect(existsSync(join(dir, 'attachments'))).toBe(false);
    await expectManifestMatches(dir, manifest);
  });

  it('fails without leaving a folder behind when there is no database, or no Accord schema in it', async () => {
    const root = temp.make();
    const targetDir = join(root, 'out');
    await expect(createBackup({ databaseFile: join(root, 'missing.db'), targetDir })).rejects.toThrow(
      /no database at/,
    );
    const plain = join(root, 'plain.db');
    withSqlite(plain, (sqlite) => sqlite.exec('create table t (x)'), false);
    await expect(createBackup({ databaseFile: plain, targetDir })).rejects.toThrow(/no applied migrations/);
    expect(existsSync(targetDir) ? await readdir(targetDir) : []).toEqual([]);
  });
});
