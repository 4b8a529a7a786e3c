import { type Kysely, type Migration, type MigrationResultSet, Migrator } from 'kysely';
import * as foundation from './migrations/0001-foundation';
import * as scheduledTasks from './migrations/0002-scheduled-tasks';
import * as signIn from './migrations/0003-sign-in-and-deputy';
import * as reminders from './migrations/0004-reminders-and-working-groups';
import * as taskDirections from './migrations/0005-task-directions';
import * as groupMeetings from './migrations/0006-working-group-meetings';
import * as escalationLadder from './migrations/0007-escalation-ladder';
import * as drafts from './migrations/0008-drafts';
import * as ballots from './migrations/0009-ballots';
import * as ballotsInChat from './migrations/0010-ballots-in-chat';
import * as decisionsRegister from './migrations/0011-decisions-register';
import * as draftAttachments from './migrations/0012-draft-attachments';
import * as programPlanning from './migrations/0014-program-planning';
import * as meetingRecords from './migrations/0015-meeting-records';
import * as annualReport from './migrations/0016-annual-report';
import * as signOffSettings from './migrations/0017-sign-off-settings';
import type { Database } from './schema';

/** Every migration, in order. A static list: no file-system loading, so bundling and tests just work. */
export const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-scheduled-tasks': scheduledTasks,
  '0003-sign-in-and-deputy': signIn,
  '0004-reminders-and-working-groups': reminders,
  '0005-task-directions': taskDirections,
  '0006-working-group-meetings': groupMeetings,
  '0007-escalation-ladder': escalationLadder,
  '0008-drafts': drafts,
  '0009-ballots': ballots,
  '0010-ballots-in-chat': ballotsInChat,
  '0011-decisions-register': decisionsRegister,
  '0012-draft-attachments': draftAttachments,
  '0014-program-planning': programPlanning,
  '0015-meeting-records': meetingRecords,
  '0016-annual-report': annualReport,
  '0017-sign-off-settings': signOffSettings,
};

export const LATEST_SCHEMA_VERSION = Object.keys(migrations).at(-1) ?? '';

export const createMigrator = (db: Kysely<Database>): Migrator =>
  new Migrator({ db, provider: { getMigrations: async () => migrations } });

/** Applies every pending migration; throws with the failing migration's name if one fails. */
export async function migrateToLatestOrThrow(db: Kysely<Database>): Promise<MigrationResultSet> {
  const result = await createMigrator(db).migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`migration ${failed} failed: ${String(result.error)}`, { cause: result.error });
  }
  return result;
}
