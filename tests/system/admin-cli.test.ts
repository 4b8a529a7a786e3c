import { execFileSync, spawnSync } from 'node:child_process';
import { findInviteByToken, openDatabase } from '@accord/db';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempDatabaseFile } from '../support/processes';

const admin = (file: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'seeds/src/admin.ts', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_FILE: file },
  });

describe('npm run admin -- create-secretary', () => {
  it('creates the first secretary and prints a one-time invite that the database knows', async () => {
    const file = tempDatabaseFile();
    const out = execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'seeds/src/admin.ts',
        'create-secretary',
        '--name',
        'Anna Petrova',
        '--language',
        'en',
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, DATABASE_FILE: file },
      },
    ).toString();
    const token = /\/start (\S+)/.exec(out)?.[1] ?? '';
    const db = openDatabase({ file });
    const invite = await findInviteByToken(db, token);
    const person = await db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', invite?.personId ?? 0)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(person.roles)).toEqual(['secretary', 'admin']);
    expect(person.language).toBe('en');
    await db.destroy();
  });

  it('explains its usage and exits 2 on a wrong call', () => {
    const result = admin(tempDatabaseFile(), ['create-secretary', '--time-zone', 'Mars/Base']);
    expect(result.status).toBe(2);
    expect(result.stderr.toString()).toContain('Usage: npm run admin');
  });
});
