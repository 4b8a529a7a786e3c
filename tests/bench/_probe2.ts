import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { claimDueReminders, type Database, type Kysely, migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { sql } from 'kysely';
import { sendDueReminders } from '../../apps/bot/src/reminders/sender';
const NOW = '2030-01-01T00:00:00.000Z';
async function fx(size: number) {
  const db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'probe-')), 'a.db') });
  await migrateToLatestOrThrow(db);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < 10000; i += 2000) await trx.insertInto('people').values(Array.from({ length: 2000 }, (_, j) => ({ name: `P${i + j}`, roles: '[]', language: 'en', time_zone: 'UTC', created_at: NOW, updated_at: NOW }))).execute();
    for (let i = 0; i < size; i += 2000) await trx.insertInto('reminders').values(Array.from({ length: Math.min(2000, size - i) }, (_, j) => { const n = i + j; return { reminder_key: `b:${n}`, subject_type: 'meeting', subject_id: 1 + (n % 500), recipient_person_id: 1 + (n % 10000), rule: 'meeting-1d', due_at: n < 1000 ? new Date(Date.parse(NOW) - 3600_000 + n * 1000).toISOString() : new Date(Date.parse(NOW) + 60_000 + (n * 31_536_000_000) / size).toISOString(), state: 'pending', created_at: NOW }; })).execute();
  });
  await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return db;
}
const dbs = [await fx(1000), await fx(100000)];
const times: number[][] = [[], []];
const ctimes: number[][] = [[], []];
const parts: number[][] = [[], []];
for (let r = 0; r < 40; r++) for (const k of [0, 1]) {
  const db = dbs[k] as Kysely<Database>;
  let t = performance.now();
  const c = await claimDueReminders(db, { owner: 'b', now: NOW, leaseUntil: NOW, limit: 100 });
  ctimes[k]?.push(performance.now() - t);
  await db.updateTable('reminders').set({ state: 'pending', lease_owner: null, lease_until: null }).where('id', 'in', c.map((x) => x.id)).execute();
  t = performance.now();
  await sendDueReminders(db, 'b', NOW, 100);
  times[k]?.push(performance.now() - t);
  await db.updateTable('reminders').set({ state: 'pending', lease_owner: null, lease_until: null, sent_at: null }).where('state', 'in', ['sent', 'folded', 'claimed']).execute();
  await db.deleteFrom('outbox').execute();
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]?.toFixed(2);
console.log('tick', times.map(med), 'claim', ctimes.map(med));
console.log(times.map((a) => a.map((x) => x.toFixed(1)).join(' ')).join('\n'));
