import { existsSync } from 'node:fs';
import { copyFile, cp, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, migrations } from '../migrate';
import {
  ATTACHMENTS_ENTRY,
  appliedMigrations,
  BACKUP_APP,
  BACKUP_FORMAT,
  type BackupFile,
  type BackupManifest,
  DATABASE_ENTRY,
  defaultAttachmentsDir,
  fsyncDir,
  fsyncFile,
  integrityProblems,
  listFiles,
  MANIFEST_FILE,
  sha256File,
} from './manifest';

export type BackupRejectionReason =
  /** No `manifest.json` in the folder (or no such folder): not a backup. */
  | 'no-manifest'
  /** The manifest is not valid JSON or not the shape this Accord writes (including unsafe paths). */
  | 'bad-manifest'
  /** The manifest belongs to another application. */
  | 'not-accord'
  /** A backup format this Accord cannot read. */
  | 'unknown-format'
  /** A file the manifest lists is missing. */
  | 'missing-file'
  /** A file's size or SHA-256 differs from the manifest: damaged or tampered with. */
  | 'hash-mismatch'
  /** A file in the backup that the manifest does not list. */
  | 'unlisted-file'
  /** The database copy cannot be opened or fails `PRAGMA integrity_check`. */
  | 'integrity'
  /** The copy's last migration is not the one the manifest names. */
  | 'schema-mismatch'
  /** The copy has migrations this Accord does not know: made by a newer (or a different) Accord. */
  | 'unknown-schema-version';

/** A backup that failed a check before anything was touched. `reason` says which check. */
export class BackupRejected extends Error {
  override readonly name = 'BackupRejected';
  readonly reason: BackupRejectionReason;

  constructor(reason: BackupRejectionReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

export interface RestoreBackupOptions {
  /** A folder written by `createBackup` (`accord-backup-<timestamp>`). */
  backupDir: string;
  /** The database file to replace (or create). Accord must be stopped. */
  databaseFile: string;
  /** Default: `attachments` beside the database file. */
  attachmentsDir?: string;
}

export interface RestoredBackup {
  manifest: BackupManifest;
  databaseFile: string;
  /** Where the attachments now are; null when the backup had none (and any old folder was removed). */
  attachmentsDir: string | null;
  attachments: number;
}

/**
 * Checks a backup folder without changing anything: the manifest is Accord's, in a known format;
 * every listed file is there with its size and SHA-256 and nothing else is; the database copy
 * passes `PRAGMA integrity_check`; and its schema version is one this code knows.
 * Returns the manifest, or throws `BackupRejected`.
 */
export async function verifyBackup(backupDir: string): Promise<BackupManifest> {
  const dir = resolve(backupDir);
  const manifest = parseManifest(await readManifest(dir));

  const listed = new Set(manifest.files.map((f) => f.path));
  const unlisted = (await listFiles(dir)).filter((path) => path !== MANIFEST_FILE && !listed.has(path));
  if (unlisted.length > 0) {
    throw new BackupRejected('unlisted-file', `files the manifest does not list: ${unlisted.join(', ')}`);
  }
  for (const file of manifest.files) await checkFile(dir, file);

  const versions = await inspectDatabase(join(dir, DATABASE_ENTRY));
  const copyVersion = versions.at(-1);
  if (copyVersion !== manifest.schemaVersion) {
    throw new BackupRejected(
      'schema-mismatch',
      `the manifest says schema ${manifest.schemaVersion}, the database copy is at ${copyVersion ?? 'no migration at all'}`,
    );
  }
  const unknown = versions.filter((name) => !Object.hasOwn(migrations, name));
  if (unknown.length > 0) {
    const newer = unknown.some((name) => name > LATEST_SCHEMA_VERSION);
    throw new BackupRejected(
      'unknown-schema-version',
      newer
        ? `this backup comes from a newer Accord (schema ${manifest.schemaVersion}; this one knows up to ${LATEST_SCHEMA_VERSION}): restore it with that version or later`
        : `this backup has migrations this Accord does not know (${unknown.join(', ')}): restore it with the Accord that made it`,
    );
  }
  return manifest;
}

/**
 * Restores a backup over the database and attachments, after `verifyBackup` passes (if it does
 * not, `BackupRejected` is thrown and nothing is touched). Accord must be stopped: this does not
 * check. The database is replaced atomically: copied to `<file>.restoring`, flushed, the old
 * `-wal`/`-shm`/`-journal` removed (an old WAL would be replayed into the new file), then renamed
 * over the file. The attachments folder is copied to a sibling and swapped in by renames.
 * A backup of an older schema version is fine: Accord applies the newer migrations when it starts.
 */
export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoredBackup> {
  const backupDir = resolve(options.backupDir);
  const databaseFile = resolve(options.databaseFile);
  const attachmentsDir = resolve(options.attachmentsDir ?? defaultAttachmentsDir(databaseFile));
  const manifest = await verifyBackup(backupDir);
  const attachments = manifest.files.filter((f) => f.path.startsWith(`${ATTACHMENTS_ENTRY}/`)).length;
  const backupAttachments = join(backupDir, ATTACHMENTS_ENTRY);
  const hasAttachments = existsSync(backupAttachments);

  // Prepare both copies first: a failure here leaves the live files as they were.
  const databaseTemp = `${databaseFile}.restoring`;
  const attachmentsTemp = `${attachmentsDir}.restoring`;
  const attachmentsOld = `${attachmentsDir}.before-restore`;
  await mkdir(dirname(databaseFile), { recursive: true });
  await mkdir(dirname(attachmentsDir), { recursive: true });
  try {
    await copyFile(join(backupDir, DATABASE_ENTRY), databaseTemp);
    await fsyncFile(databaseTemp);
    await rm(attachmentsTemp, { recursive: true, force: true });
    if (hasAttachments) await cp(backupAttachments, attachmentsTemp, { recursive: true, errorOnExist: true });
  } catch (error) {
    await rm(databaseTemp, { force: true });
    await rm(attachmentsTemp, { recursive: true, force: true });
    throw error;
  }

  for (const suffix of ['-wal', '-shm', '-journal']) await rm(`${databaseFile}${suffix}`, { force: true });
  await rename(databaseTemp, databaseFile);
  await fsyncDir(dirname(databaseFile));

  await rm(attachmentsOld, { recursive: true, force: true });
  if (existsSync(attachmentsDir)) await rename(attachmentsDir, attachmentsOld);
  if (hasAttachments) await rename(attachmentsTemp, attachmentsDir);
  await fsyncDir(dirname(attachmentsDir));
  await rm(attachmentsOld, { recursive: true, force: true });

  return { manifest, databaseFile, attachmentsDir: hasAttachments ? attachmentsDir : null, attachments };
}

async function readManifest(dir: string): Promise<string> {
  try {
    return await readFile(join(dir, MANIFEST_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new BackupRejected('no-manifest', `no ${MANIFEST_FILE} in ${dir}: not an Accord backup folder`);
    }
    throw error;
  }
}

function parseManifest(text: string): BackupManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupRejected('bad-manifest', `${MANIFEST_FILE} is not valid JSON`);
  }
  if (!isRecord(value)) throw new BackupRejected('bad-manifest', `${MANIFEST_FILE} is not an object`);
  if (value.app !== BACKUP_APP) {
    throw new BackupRejected('not-accord', `this is a backup of ${JSON.stringify(value.app)}, not of Accord`);
  }
  if (value.format !== BACKUP_FORMAT) {
    throw new BackupRejected(
      'unknown-format',
      `backup format ${JSON.stringify(value.format)}; this Accord reads format ${BACKUP_FORMAT}`,
    );
  }
  const bad = (why: string) => new BackupRejected('bad-manifest', `${MANIFEST_FILE}: ${why}`);
  if (typeof value.createdAt !== 'string') throw bad('no createdAt');
  if (typeof value.schemaVersion !== 'string' || value.schemaVersion === '') throw bad('no schemaVersion');
  if (!Array.isArray(value.files)) throw bad('no files');
  const files: BackupFile[] = [];
  const seen = new Set<string>();
  for (const file of value.files as unknown[]) {
    if (!isRecord(file)) throw bad('a file entry is not an object');
    const { path, bytes, sha256 } = file;
    if (typeof path !== 'string' || !isSafePath(path))
      throw bad(`unsafe or invalid path ${JSON.stringify(path)}`);
    if (path !== DATABASE_ENTRY && !path.startsWith(`${ATTACHMENTS_ENTRY}/`)) {
      throw bad(`unexpected file ${path}`);
    }
    if (seen.has(path)) throw bad(`${path} is listed twice`);
    if (typeof bytes !== 'number' || !Number.isSafeInteger(bytes) || bytes < 0)
      throw bad(`bad size for ${path}`);
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) throw bad(`bad sha256 for ${path}`);
    seen.add(path);
    files.push({ path, bytes, sha256 });
  }
  if (!seen.has(DATABASE_ENTRY)) throw bad(`${DATABASE_ENTRY} is not listed`);
  return {
    app: BACKUP_APP,
    format: BACKUP_FORMAT,
    createdAt: value.createdAt,
    schemaVersion: value.schemaVersion,
    files,
  };
}

/** Relative, `/`-separated, no empty, `.` or `..` segments: it cannot point outside the backup. */
function isSafePath(path: string): boolean {
  if (path.includes('\\') || path.includes('\0') || path.startsWith('/') || /^[A-Za-z]:/.test(path))
    return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}

async function checkFile(dir: string, file: BackupFile): Promise<void> {
  const path = join(dir, file.path);
  const info = await stat(path).catch(() => null);
  if (!info?.isFile()) throw new BackupRejected('missing-file', `${file.path} is missing from the backup`);
  if (info.size !== file.bytes || (await sha256File(path)) !== file.sha256) {
    throw new BackupRejected(
      'hash-mismatch',
      `${file.path} is not the file the backup wrote (damaged or changed)`,
    );
  }
}

/**
 * Opens the copy read-only, checks its integrity, and returns its applied migrations. The copy must
 * be a standalone SQLite file (rollback journal, as `createBackup` leaves it): a WAL-mode file would
 * depend on a `-wal` the backup does not hold, and opening it would write one into the backup.
 */
async function inspectDatabase(file: string): Promise<string[]> {
  const header = Buffer.alloc(100);
  const handle = await open(file, 'r');
  try {
    await handle.read(header, 0, 100, 0);
  } finally {
    await handle.close();
  }
  if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\0') {
    throw new BackupRejected('integrity', `${DATABASE_ENTRY} is not an SQLite database`);
  }
  if (header[18] !== 1 || header[19] !== 1) {
    throw new BackupRejected(
      'integrity',
      `${DATABASE_ENTRY} is not a standalone (rollback journal) SQLite file`,
    );
  }
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
    const problems = integrityProblems(sqlite);
    if (problems.length > 0) {
      throw new BackupRejected(
        'integrity',
        `the database copy fails its integrity check: ${problems.slice(0, 5).join('; ')}`,
      );
    }
    return appliedMigrations(sqlite);
  } catch (error) {
    if (error instanceof BackupRejected) throw error;
    throw new BackupRejected('integrity', `the database copy cannot be read: ${String(error)}`);
  } finally {
    sqlite?.close();
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
