import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { draftAttachmentPath, writeDraftAttachmentFile } from '../attachment-files';
import { openDatabase } from '../connection';
import { createMigrator, LATEST_SCHEMA_VERSION, migrateToLatestOrThrow } from '../migrate';
import { insertDraftAttachment, listDraftAttachments } from '../queries/draft-attachments';
import { insertDraft } from '../queries/drafts';
import { insertTestSecretary } from '../test-fixtures';
import { createBackup } from './create-backup';
import type { BackupManifest } from './manifest';
import { sha256File } from './manifest';
import { BackupRejected, type BackupRejectionReason, restoreBackup, verifyBackup } from './restore-backup';
import { auditRow, fingerprint, readTree, tempFolders, withSqlite, writeTree } from './test-support';

const temp = tempFolders();
afterEach(() => temp.cleanup());

interface Setup {
  root: string;
  dataDir: string;
  databaseFile: string;
  attachmentsDir: string;
  backupDir: string;
}

/** A live Accord folder (database and attachments), backed up once, then stopped. */
async function backedUp(options: { attachments?: boolean; migrateTo?: string } = {}): Promise<Setup> {
  const root = temp.make();
  const dataDir = join(root, 'data');
  const databaseFile = join(dataDir, 'accord.db');
  const attachmentsDir = join(dataDir, 'attachments');
  const db = openDatabase({ file: databaseFile });
  if (options.migrateTo) {
    const result = await createMigrator(db).migrateTo(options.migrateTo);
    expect(result.error).toBeUndefined();
  } else {
    await migrateToLatestOrThrow(db);
  }
  await db
    .insertInto('audit_events')
    .values([auditRow('meeting', '1'), auditRow('meeting', '2')])
    .execute();
  await db
    .insertInto('processed_updates')
    .values({ update_id: 100, processed_at: new Date().toISOString() })
    .execute();
  if (options.attachments !== false) {
    await writeTree(attachmentsDir, { 'minutes/2025-03.pdf': 'the minutes', 'logo.png': 'png' });
  }
  const { dir } = await createBackup({ databaseFile, targetDir: join(root, 'backups') });
  await db.destroy();
  return { root, dataDir, databaseFile, attachmentsDir, backupDir: dir };
}

const auditIds = (file: string): number[] =>
  withSqlite(file, (s) =>
    (s.prepare('select id from audit_events order by id').all() as { id: number }[]).map((r) => r.id),
  );

/**
 * Stops "Accord" the hard way: a process commits rows and is killed before it can checkpoint, so the
 * live database has a `-wal` holding commits the backup never saw.
 */
function crashAfterWriting(databaseFile: string): void {
  const script = `
    const Database = require(process.env.SQLITE_MODULE);
    const db = new Database(process.env.DATABASE_FILE);
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    const insert = db.prepare("insert into audit_events (at, actor_kind, action, record_type, record_id) values ('2025-01-01T00:00:00.000Z', 'system', 'late', 'crash', ?)");
    for (let i = 0; i < 50; i++) insert.run(String(i));
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script], {
    env: {
      ...process.env,
      DATABASE_FILE: databaseFile,
      SQLITE_MODULE: createRequire(import.meta.url).resolve('better-sqlite3'),
    },
  });
}

async function editManifest(backupDir: string, edit: (m: BackupManifest) => unknown): Promise<void> {
  const path = join(backupDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(path, 'utf8')) as BackupManifest;
  await writeFile(path, JSON.stringify(edit(manifest) ?? manifest));
}

/** After changing the database copy on purpose: make the manifest agree, so only the check under test fails. */
async function rehashDatabase(backupDir: string, schemaVersion?: string): Promise<void> {
  const file = join(backupDir, 'accord.db');
  const bytes = (await readFile(file)).length;
  const sha256 = await sha256File(file);
  await editManifest(backupDir, (m) => {
    m.files = m.files.map((f) => (f.path === 'accord.db' ? { ...f, bytes, sha256 } : f));
    if (schemaVersion) m.schemaVersion = schemaVersion;
  });
}

describe('restoreBackup', () => {
  it('brings back the database and attachments as they were at backup time', async () => {
    const s = await backedUp();
    const atBackup = auditIds(s.databaseFile);
    const attachmentsAtBackup = await readTree(s.attachmentsDir);

    // Life goes on: more rows, attachments changed, added and deleted…
    const db = openDatabase({ file: s.databaseFile });
    await db.insertInto('audit_events').values(auditRow('meeting', '3')).execute();
    await db.deleteFrom('processed_updates').execute();
    await db.destroy();
    await writeTree(s.attachmentsDir, { 'logo.png': 'another logo', 'new.txt': 'new' });
    await rm(join(s.attachmentsDir, 'minutes'), { recursive: true });
    // …and Accord dies with commits still in its WAL.
    crashAfterWriting(s.databaseFile);
    expect(existsSync(`${s.databaseFile}-wal`)).toBe(true);

    const restored = await restoreBackup({ backupDir: s.backupDir, databaseFile: s.databaseFile });
    expect(restored).toMatchObject({
      databaseFile: s.databaseFile,
      attachmentsDir: s.attachmentsDir,
      attachments: 2,
      manifest: { schemaVersion: LATEST_SCHEMA_VERSION },
    });
    // No temp files or old WAL left behind.
    expect((await readdir(s.dataDir)).sort()).toEqual(['accord.db', 'attachments']);

    const reopened = openDatabase({ file: s.databaseFile });
    try {
      expect((await migrateToLatestOrThrow(reopened)).results).toEqual([]);
      const ids = (await reopened.selectFrom('audit_events').select('id').orderBy('id').execute()).map(
        (r) => r.id,
      );
      expect(ids).toEqual(atBackup);
      const updates = await reopened.selectFrom('processed_updates').select('update_id').execute();
      expect(updates).toEqual([{ update_id: 100 }]);
    } finally {
      await reopened.destroy();
    }
    withSqlite(s.databaseFile, (sqlite) =>
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok'),
    );
    expect(await readTree(s.attachmentsDir)).toEqual(attachmentsAtBackup);
  });

  it("brings back a draft's attachment byte for byte, and never one still being written", async () => {
    const root = temp.make();
    const databaseFile = join(root, 'data', 'accord.db');
    const attachmentsDir = join(root, 'data', 'attachments');
    const db = openDatabase({ file: databaseFile });
    await migrateToLatestOrThrow(db);
    const now = new Date().toISOString();
    await insertTestSecretary(db, now);
    const secretary = 1;
    const draftId = await insertDraft(
      db,
      { kind: 'decision', title: 'On standards', text: 'Text.', directionIds: [], agendaItemId: null },
      secretary,
      now,
    );
    const bytes = new TextEncoder().encode('%PDF-1.7 the annex');
    const storedName = await writeDraftAttachmentFile(attachmentsDir, draftId, bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const attachment = {
      draftId,
      storedName,
      fileName: 'Annex 1.pdf',
      contentType: 'application/pdf',
      size: bytes.length,
      sha256,
      uploadedBy: secretary,
    };
    expect(await insertDraftAttachment(db, attachment, now)).toBe(1);
    // An upload in flight when the backup runs: half a file in `.incoming`, no row yet.
    await writeTree(attachmentsDir, { '.incoming/half-written': 'half a fi' });
    const { dir, manifest } = await createBackup({ databaseFile, targetDir: join(root, 'backups') });
    await db.destroy();
    expect(manifest.files.map((f) => f.path)).toEqual([
      'accord.db',
      `attachments/drafts/${draftId}/${storedName}`,
    ]);

    const target = join(temp.make(), 'accord.db');
    await restoreBackup({ backupDir: dir, databaseFile: target });
    const restored = openDatabase({ file: target });
    try {
      const [row] = await listDraftAttachments(restored, draftId);
      expect(row).toMatchObject(attachment);
      const file = draftAttachmentPath(join(dirname(target), 'attachments'), draftId, storedName);
      expect(await sha256File(file)).toBe(sha256);
      expect(await readFile(file)).toEqual(Buffer.from(bytes));
    } finally {
      await restored.destroy();
    }
  });

  it('removes attachments added since a backup that had none', async () => {
    const s = await backedUp({ attachments: false });
    await writeTree(s.attachmentsDir, { 'later.txt': 'added after the backup' });
    const restored = await restoreBackup({ backupDir: s.backupDir, databaseFile: s.databaseFile });
    expect(restored.attachmentsDir).toBeNull();
    expect(existsSync(s.attachmentsDir)).toBe(false);
  });

  it('restores into an empty place, and accepts an older schema version that start-up then migrates', async () => {
    const s = await backedUp({ migrateTo: '0001-foundation' });
    const target = join(temp.make(), 'fresh', 'accord.db');
    const restored = await restoreBackup({
      backupDir: s.backupDir,
      databaseFile: target,
      attachmentsDir: join(temp.make(), 'files'),
    });
    expect(restored.manifest.schemaVersion).toBe('0001-foundation');
    const db = openDatabase({ file: target });
    try {
      const result = await migrateToLatestOrThrow(db);
      expect(result.results?.at(-1)?.migrationName).toBe(LATEST_SCHEMA_VERSION);
      expect(await db.selectFrom('audit_events').select('id').execute()).toHaveLength(2);
    } finally {
      await db.destroy();
    }
  });

  describe('refuses, touching nothing,', () => {
    const refusals: [string, BackupRejectionReason, (s: Setup) => Promise<string | undefined>][] = [
      [
        'a folder without a manifest',
        'no-manifest',
        async (s) => {
          const empty = join(s.root, 'not-a-backup');
          await mkdir(empty);
          return empty;
        },
      ],
      ['a folder that does not exist', 'no-manifest', async (s) => join(s.root, 'nowhere')],
      [
        'a manifest that is not JSON',
        'bad-manifest',
        (s) => writeFile(join(s.backupDir, 'manifest.json'), '{ "app": "accord", ').then(() => undefined),
      ],
      [
        'a manifest of another app',
        'not-accord',
        (s) => editManifest(s.backupDir, (m) => ({ ...m, app: 'ledger' })).then(() => undefined),
      ],
      [
        'a format it does not know',
        'unknown-format',
        (s) => editManifest(s.backupDir, (m) => ({ ...m, format: 2 })).then(() => undefined),
      ],
      [
        'a path that leaves the backup folder',
        'bad-manifest',
        (s) =>
          editManifest(s.backupDir, (m) => {
            m.files.push({ path: 'attachments/../../../etc/passwd', bytes: 1, sha256: '0'.repeat(64) });
          }).then(() => undefined),
      ],
      [
        'a tampered attachment',
        'hash-mismatch',
        (s) => writeFile(join(s.backupDir, 'attachments', 'logo.png'), 'PNG').then(() => undefined),
      ],
      [
        'a tampered database',
        'hash-mismatch',
        async (s) => {
          const file = join(s.backupDir, 'accord.db');
          const bytes = await readFile(file);
          bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
          await writeFile(file, bytes);
          return undefined;
        },
      ],
      [
        'a missing file',
        'missing-file',
        (s) => rm(join(s.backupDir, 'attachments', 'minutes', '2025-03.pdf')).then(() => undefined),
      ],
      [
        'a file the manifest does not list',
        'unlisted-file',
        (s) => writeFile(join(s.backupDir, 'attachments', 'smuggled.sh'), 'rm -rf /').then(() => undefined),
      ],
      [
        'a database that fails its integrity check',
        'integrity',
        async (s) => {
          const file = join(s.backupDir, 'accord.db');
          const bytes = await readFile(file);
          const pageSize = bytes.readUInt16BE(16);
          bytes.fill(0x5a, pageSize * 2, pageSize * 6); // garbage over a few b-tree pages
          await writeFile(file, bytes);
          await rehashDatabase(s.backupDir);
          return undefined;
        },
      ],
      [
        'a manifest whose schema version is not the copy’s',
        'schema-mismatch',
        (s) =>
          editManifest(s.backupDir, (m) => ({ ...m, schemaVersion: '0001-foundation' })).then(
            () => undefined,
          ),
      ],
      [
        'a backup from a newer Accord',
        'unknown-schema-version',
        async (s) => {
          const future = '9999-from-a-newer-accord';
          withSqlite(
            join(s.backupDir, 'accord.db'),
            (sqlite) =>
              sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run(future, 'x'),
            false,
          );
          await rehashDatabase(s.backupDir, future);
          return undefined;
        },
      ],
    ];

    it.each(refusals)('%s (%s)', async (_, reason, spoil) => {
      const s = await backedUp();
      const backupDir = (await spoil(s)) ?? s.backupDir;
      const before = await fingerprint(s.dataDir);

      const attempt = restoreBackup({ backupDir, databaseFile: s.databaseFile });
      await expect(attempt).rejects.toBeInstanceOf(BackupRejected);
      await expect(attempt).rejects.toMatchObject({ name: 'BackupRejected', reason });
      await expect(verifyBackup(backupDir)).rejects.toMatchObject({ reason });

      expect(await fingerprint(s.dataDir)).toEqual(before);
      expect(auditIds(s.databaseFile)).toHaveLength(2);
    });

    it('says plainly that a newer Accord made the backup', async () => {
      const s = await backedUp();
      withSqlite(
        join(s.backupDir, 'accord.db'),
        (sqlite) =>
          sqlite
            .prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
            .run('9999-next', 'x'),
        false,
      );
      await rehashDatabase(s.backupDir, '9999-next');
      await expect(restoreBackup({ backupDir: s.backupDir, databaseFile: s.databaseFile })).rejects.toThrow(
        /newer Accord \(schema 9999-next; this one knows up to /,
      );
    });
  });
});
