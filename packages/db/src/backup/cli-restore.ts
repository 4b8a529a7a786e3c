/**
 * `npm run restore -- <backup folder>`: checks the folder (an Accord backup, hashes, integrity,
 * a schema version this Accord knows) and restores it over DATABASE_FILE and ATTACHMENTS_DIR.
 * Accord must be stopped first. `--check` only checks. Exit code 2 when refused or failed.
 */
import { parseArgs } from 'node:util';
import { BackupRejected, restoreBackup, verifyBackup } from './restore-backup';
import { backupSettings, commandLinePath, formatBytes } from './settings';

const usage = `Usage: npm run restore -- [--check] <backup folder>

Restores an Accord backup (a folder written by npm run backup) over DATABASE_FILE (default
data/accord.db) and ATTACHMENTS_DIR (default: attachments beside it), after checking it.
STOP ACCORD FIRST (the API, the bot and the worker): a running Accord would keep the old database
open and overwrite the restored one. With --check, only checks the backup and changes nothing.`;

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' }, check: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(usage);
  } else {
    if (positionals.length !== 1 || positionals[0] === undefined) {
      throw new Error(`name one backup folder\n\n${usage}`);
    }
    const backupDir = commandLinePath(positionals[0]);
    if (values.check) {
      const manifest = await verifyBackup(backupDir);
      console.log(
        `OK: ${backupDir} is an Accord backup of ${manifest.createdAt}, schema ${manifest.schemaVersion}, ` +
          `${manifest.files.length} file(s) matching their SHA-256, integrity check ok. Nothing changed.`,
      );
    } else {
      const settings = backupSettings();
      console.log(
        'Accord must be stopped during a restore (this does not check): stop the API, bot and worker.',
      );
      const restored = await restoreBackup({
        backupDir,
        databaseFile: settings.databaseFile,
        attachmentsDir: settings.attachmentsDir,
      });
      const { manifest } = restored;
      const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
      console.log(
        `Checked ${backupDir}: Accord backup of ${manifest.createdAt}, schema ${manifest.schemaVersion}, ` +
          `${manifest.files.length} file(s) (${formatBytes(total)}), hashes and integrity ok.`,
      );
      console.log(`Restored the database: ${restored.databaseFile}`);
      console.log(
        restored.attachmentsDir
          ? `Restored ${restored.attachments} attachment(s): ${restored.attachmentsDir}`
          : `The backup has no attachments: ${settings.attachmentsDir} was removed if it existed.`,
      );
      console.log('Start Accord again; it applies any newer migrations when it starts.');
    }
  }
} catch (error) {
  if (error instanceof BackupRejected) {
    console.error(`restore refused (${error.reason}): ${error.message}. Nothing was changed.`);
  } else {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  process.exitCode = 2;
}
