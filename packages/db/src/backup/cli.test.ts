import { spawnSync } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../connection';
import { migrateToLatestOrThrow } from '../migrate';
import { auditRow, readTree, tempFolders, withSqlite, writeTree } from './test-support';

const temp = tempFolders();
afterEach(() => temp.cleanup());

const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const script = (name: string) => fileURLToPath(new URL(name, import.meta.url));

function run(name: string, args: string[], env: Record<string, string>) {
  const { ATTACHMENTS_DIR: _, ...inherited } = process.env;
  const result = spawnSync(process.execPath, ['--import', 'tsx', script(name), ...args], {
    cwd: packageDir,
    env: { ...inherited, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const count = (file: string) =>
  withSqlite(file, (s) => (s.prepare('select count(*) as n from audit_events').get() as { n: number }).n);

describe('npm run backup / npm run restore', () => {
  it('back up from the environment, restore by folder, refuse a non-backup with exit code 2', async () => {
    const root = temp.make();
    const databaseFile = join(root, 'data', 'accord.db');
    const attachmentsDir = join(root, 'data', 'attachments'); // the default: beside the database
    const env = { DATABASE_FILE: databaseFile, BACKUP_DIR: join(root, 'backups') };
    const db = openDatabase({ file: databaseFile });
    await migrateToLatestOrThrow(db);
    await db
      .insertInto('audit_events')
      .values([auditRow('meeting', '1')])
      .execute();
    await db.destroy();
    await writeTree(attachmentsDir, { 'a.txt': 'attachment' });

    const backup = run('cli-backup.ts', [], env);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const written = /^Backup written: (.+)$/m.exec(backup.stdout)?.[1];
    expect(written).toBeDefined();
    expect(await readdir(join(root, 'backups'))).toEqual([written?.split(/[\\/]/).at(-1)]);
    expect(backup.stdout).toContain('Attachments: 1 file(s)');

    const db2 = openDatabase({ file: databaseFile });
    await db2
      .insertInto('audit_events')
      .values([auditRow('meeting', '2')])
      .execute();
    await db2.destroy();
    await writeTree(attachmentsDir, { 'a.txt': 'changed' });
    expect(count(databaseFile)).toBe(2);

    const check = run('cli-restore.ts', ['--check', String(written)], env);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/^OK: .* Nothing changed\.$/m);
    expect(count(databaseFile)).toBe(2);

    const restore = run('cli-restore.ts', [String(written)], env);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain('Accord must be stopped');
    expect(restore.stdout).toContain(`Restored the database: ${databaseFile}`);
    expect(count(databaseFile)).toBe(1);
    expect(await readTree(attachmentsDir)).toEqual({ 'a.txt': 'attachment' });

    const refused = run('cli-restore.ts', [root], env);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^restore refused \(no-manifest\): no manifest\.json in /);
    expect(count(databaseFile)).toBe(1);

    const noArgument = run('cli-restore.ts', [], env);
    expect(noArgument.status).toBe(2);
    expect(noArgument.stderr).toContain('name one backup folder');

    const noDatabase = run('cli-backup.ts', [join(root, 'elsewhere')], {
      ...env,
      DATABASE_FILE: join(root, 'missing.db'),
    });
    expect(noDatabase.status).toBe(2);
    expect(noDatabase.stderr).toMatch(/^backup failed: no database at /);
  }, 60_000);
});
