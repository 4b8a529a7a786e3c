import { parseArgs } from 'node:util';
import { createInvite, migrateToLatestOrThrow, openDatabase, recordAudit } from '@accord/db';
import { INVITE_TTL_MS, isLanguage, isTimeZone } from '@accord/domain';
import { seedReference } from './seed';

const usage = `Usage: npm run admin -- create-secretary --name "Full Name" [--language ru|en] [--time-zone Europe/Moscow]

Creates the first secretary (also admin) on a real deployment and prints a one-time invite:
open the link in Telegram (or send the bot /start <token>) to link the account.`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    name: { type: 'string' },
    language: { type: 'string', default: 'ru' },
    'time-zone': { type: 'string', default: 'Europe/Moscow' },
  },
});
const timeZone = values['time-zone'];
if (
  positionals[0] !== 'create-secretary' ||
  !values.name?.trim() ||
  !isLanguage(values.language) ||
  !isTimeZone(timeZone)
) {
  console.error(usage);
  process.exit(2);
}

const db = openDatabase({ file: process.env.DATABASE_FILE ?? 'data/accord.db' });
const now = new Date().toISOString();
await migrateToLatestOrThrow(db);
await seedReference(db, now);
const token = await db.transaction().execute(async (trx) => {
  const person = await trx
    .insertInto('people')
    .values({
      name: values.name?.trim() ?? '',
      roles: JSON.stringify(['secretary', 'admin']),
      language: values.language ?? 'ru',
      time_zone: timeZone,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const invite = await createInvite(trx, {
    personId: person.id,
    createdBy: null,
    now,
    expiresAt: new Date(Date.parse(now) + INVITE_TTL_MS).toISOString(),
  });
  await recordAudit(trx, {
    at: now,
    actorPersonId: null,
    actorKind: 'system',
    action: 'person.create',
    recordType: 'person',
    recordId: person.id,
    after: { name: values.name, roles: ['secretary', 'admin'] },
  });
  return invite.token;
});
await db.destroy();
const bot = process.env.TELEGRAM_BOT_USERNAME;
console.log(bot ? `Invite link: https://t.me/${bot}?start=${token}` : `Send the bot: /start ${token}`);
console.log('It works once and expires in 7 days.');
