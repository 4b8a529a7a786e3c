import { resolve } from 'node:path';
import { defaultAttachmentsDir } from './manifest';

export interface BackupSettings {
  databaseFile: string;
  attachmentsDir: string;
  backupDir: string;
}

/**
 * Where the CLIs look, from the same variables Accord reads: `DATABASE_FILE` (default
 * `data/accord.db`), `ATTACHMENTS_DIR` (default `attachments` beside the database file) and
 * `BACKUP_DIR` (default `backups`), relative to the working directory like Accord's own.
 */
export function backupSettings(env: NodeJS.ProcessEnv = process.env): BackupSettings {
  const databaseFile = resolve(env.DATABASE_FILE || 'data/accord.db');
  return {
    databaseFile,
    attachmentsDir: resolve(env.ATTACHMENTS_DIR || defaultAttachmentsDir(databaseFile)),
    backupDir: resolve(env.BACKUP_DIR || 'backups'),
  };
}

/** A path typed on the command line: relative to where the user ran `npm run …` (npm moves to the root). */
export const commandLinePath = (path: string, env: NodeJS.ProcessEnv = process.env): string =>
  resolve(env.INIT_CWD || process.cwd(), path);

/** 1234567 → '1.2 MB'. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value.toFixed(1)} ${units[unit]}`;
}
