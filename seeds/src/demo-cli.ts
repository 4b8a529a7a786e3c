import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { fillDemoYear } from './demo-year';
import { seedReference } from './seed';

// The same defaults as `npm start`: its database file, and sandbox mode unless a real bot token is set.
const file = process.env.DATABASE_FILE ?? 'data/accord.db';
const sandbox =
  !process.env.TELEGRAM_BOT_TOKEN || ['1', 'true', 'yes'].includes(process.env.TELEGRAM_SANDBOX ?? '');
const db = openDatabase({ file });
const now = new Date().toISOString();
await migrateToLatestOrThrow(db);
await seedReference(db, now);
const filled = await fillDemoYear(db, now, { sandbox, requestedBy: null });
await db.destroy();
if (filled.ok) {
  const s = filled.value;
  console.log(
    `Filled ${file} with a demo year: ${s.meetings} meetings, ${s.drafts} drafts, ${s.ballots} ballots, ` +
      `${s.decisions} new register entry, ${s.activities} program activities, ${s.workingGroups} working groups ` +
      `with ${s.tasks} tasks. Start Accord with npm start and sign in as the secretary.`,
  );
} else if (filled.error === 'DemoPresent') {
  console.log(`${file} already holds the demo year: nothing was changed.`);
} else {
  console.error(
    `${file} already has meetings, working groups or program activities: the demo year goes only into ` +
      'a commission with none, so nothing was changed. Point DATABASE_FILE at a new file to try it.',
  );
  process.exitCode = 1;
}
