/**
 * `npm run backup [-- <folder>]`: writes `accord-backup-<timestamp>/` (a consistent copy of the
 * database, the attachments and a manifest) into <folder>, or `BACKUP_DIR` (default `backups/`).
 * Safe while Accord runs. Exit code 2 when the backup fails.
 */
import { parseArgs } from 'node:util';
import { createBackup } from './create-backup';
import { backupSettings, commandLinePath, formatBytes } from './settings';

const usage = `Usage: npm run backup [-- <folder>]

Writes a consistent copy of Accord's database and attachments, safe while Accord runs, into
<folder>/accord-backup-<timestamp>/ (default: BACKUP_DIR, or backups/).
Reads DATABASE_FILE (default data/accord.db) and ATTACHMENTS_DIR (default: attachments beside it).`;

try {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(usage);
  } else {
    if (positionals.length > 1) throw new Error(`one folder at most, got ${positionals.length}\n\n${usage}`);
    const settings = backupSettings();
    const target = positionals[0] === undefined ? settings.backupDir : commandLinePath(positionals[0]);
    const { dir, manifest } = await createBackup({
      databaseFile: settings.databaseFile,
      attachmentsDir: settings.attachmentsDir,
      targetDir: target,
    });
    const attachments = manifest.files.filter((f) => f.path.startsWith('attachments/'));
    const total = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`Database: ${settings.databaseFile} (schema ${manifest.schemaVersion})`);
    console.log(
      attachments.length > 0
        ? `Attachments: ${attachments.length} file(s) from ${settings.attachmentsDir}`
        : `Attachments: none (${settings.attachmentsDir} is empty or does not exist)`,
    );
    console.log(`${manifest.files.length} file(s), ${formatBytes(total)}, SHA-256 in manifest.json`);
    console.log(`Backup written: ${dir}`);
  }
} catch (error) {
  console.error(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
