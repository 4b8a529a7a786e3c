export type { Kysely, Transaction } from 'kysely';
export {
  discardDraftAttachmentFile,
  draftAttachmentPath,
  readDraftAttachmentFile,
  writeDraftAttachmentFile,
} from './attachment-files';
export { createBackup } from './backup/create-backup';
export { defaultAttachmentsDir } from './backup/manifest';
export { BackupRejected, restoreBackup } from './backup/restore-backup';
export { type DatabaseOptions, openDatabase } from './connection';
export { createMigrator, LATEST_SCHEMA_VERSION, migrateToLatestOrThrow, migrations } from './migrate';
export * from './queries/access';
export * from './queries/audit';
export * from './queries/ballot-workflow';
export * from './queries/ballots';
export * from './queries/calendar-feeds';
export * from './queries/chat-prompts';
export * from './queries/decisions';
export * from './queries/draft-attachments';
export * from './queries/drafts';
export * from './queries/invites';
export * from './queries/leases';
export * from './queries/login-tokens';
export * from './queries/meeting-records';
export * from './queries/meetings';
export * from './queries/outbox';
export * from './queries/people';
export * from './queries/plain-casts';
export * from './queries/programs';
export * from './queries/reminders';
export * from './queries/reports';
export * from './queries/scheduled-tasks';
export * from './queries/sessions';
export * from './queries/sign-off-workflow';
export * from './queries/states';
export * from './queries/updates';
export * from './queries/working-groups';
export type * from './schema';
export { openTestDatabase } from './test-database';
