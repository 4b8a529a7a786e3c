/** Helpers for the backup tests (not exported from the package). */
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { Insertable } from 'kysely';
import type { AuditEventsTable } from '../schema';
import { listFiles, sha256File } from './manifest';

/** A fresh folder under the OS temp dir; `cleanup()` removes every folder handed out. */
export function tempFolders(): { make: () => string; cleanup: () => void } {
  const made: string[] = [];
  return {
    make: () => {
      const dir = mkdtempSync(join(tmpdir(), 'accord-backup-test-'));
      made.push(dir);
      return dir;
    },
    cleanup: () => {
      for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const auditRow = (
  recordType: string,
  recordId: string,
  payload = '',
): Insertable<AuditEventsTable> => ({
  at: new Date().toISOString(),
  actor_person_id: null,
  actor_kind: 'system',
  action: 'load',
  record_type: recordType,
  record_id: recordId,
  before: null,
  after: payload ? JSON.stringify({ payload }) : null,
});

/** Writes files (relative path → content) under `root`, creating folders. */
export async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Every file under `root` with its content (relative path → content). */
export async function readTree(root: string): Promise<Record<string, string>> {
  const tree: Record<string, string> = {};
  for (const path of await listFiles(root)) tree[path] = await readFile(join(root, path), 'utf8');
  return tree;
}

/** Every file beside (and including) the database, with its SHA-256: "touched nothing" means this stays equal. */
export async function fingerprint(root: string): Promise<Record<string, string>> {
  const prints: Record<string, string> = {};
  for (const path of await listFiles(root)) prints[path] = await sha256File(join(root, path));
  return prints;
}

/** Runs `fn` on a plain better-sqlite3 connection to `file`, then closes it. */
export function withSqlite<T>(file: string, fn: (sqlite: SQLite.Database) => T, readonly = true): T {
  const sqlite = new SQLite(file, { readonly, fileMustExist: readonly });
  try {
    return fn(sqlite);
  } finally {
    sqlite.close();
  }
}
