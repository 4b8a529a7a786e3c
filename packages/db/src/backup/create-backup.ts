import { existsSync } from 'node:fs';
import { cp, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  ATTACHMENTS_ENTRY,
  appliedMigrations,
  BACKUP_APP,
  BACKUP_FORMAT,
  type BackupFile,
  type BackupManifest,
  backupFolderName,
  DATABASE_ENTRY,
  defaultAttachmentsDir,
  fsyncDir,
  fsyncFile,
  INCOMING_ATTACHMENTS,
  integrityProblems,
  listFiles,
  MANIFEST_FILE,
  sha256File,
} from './manifest';

export interface CreateBackupOptions {
  /** The live SQLite file; Accord may keep writing to it while the backup runs. */
  databaseFile: string;
  /** Default: `attachments` beside the database file. A folder that does not exist means no attachments. */
  attachmentsDir?: string;
  /** The folder that receives `accord-backup-<timestamp>/`; created if missing. */
  targetDir: string;
  /** ISO 8601 instant the backup is stamped with; default: the clock. */
  now?: string;
}

export interface CreatedBackup {
  /** The absolute path of the new backup folder. */
  dir: string;
  manifest: BackupManifest;
}

/** sqlite3_backup_step(-1) in effect: one step, so the copy is one read transaction's snapshot. */
const ALL_PAGES = 0x7fffffff;

/**
 * Writes a consistent copy of a running Accord's database and attachments.
 *
 * The database goes through SQLite's online backup API from a read-only connection, in a single
 * step: a WAL reader's snapshot, so writers carry on and the copy holds exactly the transactions
 * committed when the step began — never half of one. The attachments are copied after it, so every
 * attachment the copied rows can refer to is already there. The folder is assembled as
 * `<name>.partial` and renamed when complete: a folder named `accord-backup-…` is always whole.
 */
export async function createBackup(options: CreateBackupOptions): Promise<CreatedBackup> {
  const databaseFile = resolve(options.databaseFile);
  const attachmentsDir = resolve(options.attachmentsDir ?? defaultAttachmentsDir(databaseFile));
  const targetDir = resolve(options.targetDir);
  const createdAt = instant(options.now);
  if (!existsSync(databaseFile)) throw new Error(`no database at ${databaseFile}`);

  await mkdir(targetDir, { recursive: true });
  const dir = join(targetDir, backupFolderName(createdAt));
  if (existsSync(dir)) throw new Error(`${dir} already exists`);
  const work = `${dir}.partial`;
  await mkdir(work); // not recursive: a concurrent backup with the same stamp fails here

  try {
    const databaseCopy = join(work, DATABASE_ENTRY);
    const source = new SQLite(databaseFile, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      await source.backup(databaseCopy, { progress: () => ALL_PAGES });
    } finally {
      source.close();
    }
    const schemaVersion = standaloneAndChecked(databaseCopy);

    if (await isDirectory(attachmentsDir)) {
      const incoming = join(attachmentsDir, INCOMING_ATTACHMENTS);
      await cp(attachmentsDir, join(work, ATTACHMENTS_ENTRY), {
        recursive: true,
        dereference: true,
        errorOnExist: true,
        force: false,
        // Files still being written are not attachments yet: no row refers to them.
        filter: (source) => source !== incoming,
      });
    }

    const files: BackupFile[] = [];
    for (const path of await listFiles(work)) {
      const file = join(work, path);
      await fsyncFile(file);
      files.push({ path, bytes: (await stat(file)).size, sha256: await sha256File(file) });
    }
    const manifest: BackupManifest = {
      app: BACKUP_APP,
      format: BACKUP_FORMAT,
      createdAt,
      schemaVersion,
      files,
    };
    await writeFile(join(work, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    await fsyncFile(join(work, MANIFEST_FILE));
    await rename(work, dir);
    await fsyncDir(targetDir);
    return { dir, manifest };
  } catch (error) {
    await rm(work, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Turns the copy into one self-contained file (the source's WAL flag comes along with its pages),
 * checks it, and returns its schema version: the last migration applied in it.
 */
function standaloneAndChecked(file: string): string {
  const copy = new SQLite(file, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    const problems = integrityProblems(copy);
    if (problems.length > 0) {
      throw new Error(`the copied database fails its integrity check: ${problems.slice(0, 5).join('; ')}`);
    }
    const version = appliedMigrations(copy).at(-1);
    if (!version) throw new Error('the database has no applied migrations: is it an Accord database?');
    return version;
  } finally {
    copy.close();
  }
}

function instant(now: string | undefined): string {
  const date = now === undefined ? new Date() : new Date(now);
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${now}`);
  return date.toISOString();
}

/** False when the folder does not exist (yet); an error for anything else that keeps us from copying it. */
async function isDirectory(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isDirectory()) throw new Error(`the attachments path ${path} is not a folder`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}
