import { parseArgs } from 'node:util';
import { migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { seedDemoRegister } from './demo-register';
import { seedDemoPeople, seedReference } from './seed';

const { values } = parseArgs({
  options: { demo: { type: 'boolean', default: false }, 'link-sandbox': { type: 'boolean', default: false } },
});
const file = process.env.DATABASE_FILE ?? 'data/accord.db';
const db = openDatabase({ file });
const now = new Date().toISOString();
await migrateToLatestOrThrow(db);
await seedReference(db, now);
if (values.demo) {
  await seedDemoPeople(db, now, { linkSandboxTelegram: values['link-sandbox'] });
  await seedDemoRegister(db, now);
}
await db.destroy();
console.log(`Seeded ${file}: reference data${values.demo ? ' and demo people with a register entry' : ''}.`);
