import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './connection';
import { createMigrator, migrateToLatestOrThrow } from './migrate';

describe('migrations', () => {
  it('build every table on a fresh database, and a second run changes nothing', async () => {
    const db = openDatabase({ file: ':memory:' });
    const first = await migrateToLatestOrThrow(db);
    expect(first.results?.every((r) => r.status === 'Success')).toBe(true);
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where type = 'table' and name not like 'kysely%' and name not like 'sqlite%' order by name`.execute(
      db,
    );
    expect(tables.rows.map((t) => t.name)).toEqual([
      'activities',
      'activity_baselines',
      'activity_dependencies',
      'agenda_items',
      'audit_events',
      'ballots',
      'calendar_feeds',
      'chat_prompts',
      'commission',
      'decisions',
      'draft_attachments',
      'draft_versions',
      'drafts',
      'extension_requests',
      'government_responses',
      'invite_tokens',
      'login_tokens',
      'meeting_attendance',
      'meeting_records',
      'meetings',
      'member_states',
      'milestones',
      'minutes_items',
      'outbox',
      'people',
      'processed_updates',
      'program_directions',
      'programs',
      'reminders',
      'report_submissions',
      'report_versions',
      'reports',
      'representations',
      'rsvps',
      'scheduled_tasks',
      'sessions',
      'sign_offs',
      'tasks',
      'votes',
      'working_group_members',
      'working_groups',
    ]);
    const second = await migrateToLatestOrThrow(db);
    expect(second.results).toEqual([]);
    await db.destroy();
  });

  it('migrate down and up again cleanly', async () => {
    const db = openDatabase({ file: ':memory:' });
    const migrator = createMigrator(db);
    await migrateToLatestOrThrow(db);
    const down = await migrator.migrateDown();
    expect(down.error).toBeUndefined();
    await migrateToLatestOrThrow(db);
    await db.destroy();
  });

  it('turns foreign keys on', async () => {
    const db = openDatabase({ file: ':memory:' });
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await db.destroy();
  });
});
