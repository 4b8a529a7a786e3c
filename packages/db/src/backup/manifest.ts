import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type SQLite from 'better-sqlite3';

/** What a backup folder holds, beside its `manifest.json`. */
export const BACKUP_APP = 'accord';
export const BACKUP_FORMAT = 1;
export const MANIFEST_FILE = 'manifest.json';
/** The database copy, a standalone SQLite file (rollback journal, no `-wal` beside it). */
export const DATABASE_ENTRY = 'accord.db';
/** The copy of the attachments folder; absent when Accord had none. */
export const ATTACHMENTS_ENTRY = 'attachments';

export interface BackupFile {
  /** Relative to the backup folder, with `/` separators. */
  path: string;
  bytes: number;
  sha256: string;
}

export interface BackupManifest {
  app: typeof BACKUP_APP;
  format: typeof BACKUP_FORMAT;
  /** ISO 8601 UTC: when the backup was taken. */
  createdAt: string;
  /** The last migration applied in the copied database (the copy is the truth, not the code). */
  schemaVersion: string;
  files: BackupFile[];
}

/** Attachments being written, inside the attachments folder (so a rename into place is atomic); never backed up. */
export const INCOMING_ATTACHMENTS = '.incoming';

/** Attachments live beside the database file unless configured otherwise. */
export const defaultAttachmentsDir = (databaseFile: string): string =>
  join(dirname(databaseFile), 'attachments');

/** `accord-backup-2025-03-01T09-30-00-000Z`: sortable, and valid on every file system. */
export const backupFolderName = (createdAt: string): string =>
  `accord-backup-${createdAt.replace(/[:.]/g, '-')}`;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every non-directory entry under `root`, as sorted relative paths with `/` separators. */
export async function listFiles(root: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(join(root, prefix), { withFileTypes: true });
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) found.push(...(await listFiles(root, path)));
    else found.push(path);
  }
  return found.sort();
}

/** Flushes a file to disk, so a rename that follows cannot outlive its data. */
export async function fsyncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (a rename in it) where the platform allows it; best effort elsewhere. */
export async function fsyncDir(path: string): Promise<void> {
  await fsyncFile(path).catch(() => undefined);
}

/** The names of the applied migrations, in order; empty when Kysely never migrated this database. */
export function appliedMigrations(sqlite: SQLite.Database): string[] {
  const table = sqlite
    .prepare("select 1 from sqlite_master where type = 'table' and name = 'kysely_migration'")
    .get();
  if (!table) return [];
  const rows = sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[];
  return rows.map((r) => r.name);
}

/** `PRAGMA integrity_check`'s complaints; empty when it says 'ok'. */
export function integrityProblems(sqlite: SQLite.Database): string[] {
  const rows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const messages = rows.map((r) => r.integrity_check);
  return messages.length === 1 && messages[0] === 'ok' ? [] : messages;
}
