import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  claimDueReminders,
  type Database,
  type Kysely,
  migrateToLatestOrThrow,
  openDatabase,
} from '@accord/db';
import { seedReference } from '@accord/seeds';
import { sql } from 'kysely';
import { sendDueReminders } from '../../apps/bot/src/reminders/sender';
import { finish, median, round2, round3, roundsFromArgs, say } from './support/report';

/**
 * bench:scheduler — a tick that finds and claims a batch of 100 due reminders among 1,000 →
 * 100,000 pending across 10,000 people. Sizes are measured interleaved (A B C A B C …); the claim
 * must be an index lookup, so the tick at 100,000 stays within 2 × the tick at 1,000.
 */
const PEOPLE = 10_000;
const SIZES = [1_000, 10_000, 100_000] as const;
const DUE = 1_000;
const BATCH = 100;
const NOW = '2030-01-01T00:00:00.000Z';
const rounds = roundsFromArgs(5);
let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

async function fixture(size: number): Promise<{ db: Kysely<Database>; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), `accord-bench-scheduler-${size}-`));
  const db = openDatabase({ file: join(dir, 'accord.db') });
  await migrateToLatestOrThrow(db);
  await seedReference(db, NOW);
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < PEOPLE; i += 2_000) {
      await trx
        .insertInto('people')
        .values(
          Array.from({ length: 2_000 }, (_, j) => ({
            name: `P${i + j}`,
            roles: '["member"]',
            language: 'en',
            time_zone: 'UTC',
            created_at: NOW,
            updated_at: NOW,
          })),
        )
        .execute();
    }
  });
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < size; i += 2_000) {
      await trx
        .insertInto('reminders')
        .values(
          Array.from({ length: Math.min(2_000, size - i) }, (_, j) => {
            const n = i + j;
            // The first DUE are due now; the rest spread over the coming year.
            const due =
              n < DUE ? NOW : new Date(Date.parse(NOW) + 60_000 + (n * 31_536_000_000) / size).toISOString();
            return {
              reminder_key: `bench:${n}`,
              subject_type: 'meeting',
              subject_id: 1 + (n % 500),
              recipient_person_id: 1 + (n % PEOPLE),
              rule: 'meeting-1d',
              due_at: due,
              state: 'pending',
              created_at: NOW,
            };
          }),
        )
        .execute();
    }
  });
  sample();
  return { db, dir };
}

/** Puts the claimed reminders back, so every measurement finds the same due set. */
const reset = (db: Kysely<Database>) =>
  db
    .updateTable('reminders')
    .set({ state: 'pending', lease_owner: null, lease_until: null, sent_at: null })
    .where('reminder_key', 'like', 'bench:%')
    .where('state', '!=', 'pending')
    .execute();

async function timeClaim(db: Kysely<Database>): Promise<number> {
  const start = performance.now();
  const claimed = await claimDueReminders(db, {
    owner: 'bench',
    now: NOW,
    leaseUntil: '2030-01-01T00:01:00.000Z',
    limit: BATCH,
  });
  const ms = performance.now() - start;
  if (claimed.length !== BATCH) throw new Error(`claimed ${claimed.length}, expected ${BATCH}`);
  await reset(db);
  return ms;
}

async function timeTick(db: Kysely<Database>): Promise<number> {
  const start = performance.now();
  const sent = await sendDueReminders(db, 'bench', NOW, BATCH);
  const ms = performance.now() - start;
  if (sent !== BATCH) throw new Error(`ticked ${sent}, expected ${BATCH}`);
  await reset(db);
  await db.deleteFrom('outbox').execute();
  return ms;
}

say(
  `bench:scheduler — ${PEOPLE} people, ${DUE} due, batches of ${BATCH}, sizes ${SIZES.join(' / ')}, ${rounds} rounds`,
);
const dbs = new Map<number, { db: Kysely<Database>; dir: string }>();
for (const size of SIZES) dbs.set(size, await fixture(size));
const plan = await sql<{
  detail: string;
}>`explain query plan select id from reminders where state = 'pending' and due_at <= ${NOW} order by due_at limit 100`.execute(
  dbs.get(100_000)?.db as Kysely<Database>,
);
const planText = plan.rows.map((r) => r.detail).join(' | ');
const usesIndex = /reminders_pending/.test(planText) && !/SCAN reminders(?! USING)/.test(planText);
say(`query plan at 100,000: ${planText}`);

const claimMs = new Map<number, number[]>(SIZES.map((s) => [s, []]));
const tickMs = new Map<number, number[]>(SIZES.map((s) => [s, []]));
for (const [, { db }] of dbs) {
  await timeClaim(db);
  await timeTick(db);
}
for (let round = 1; round <= rounds; round++) {
  for (const size of SIZES) {
    const db = dbs.get(size)?.db as Kysely<Database>;
    claimMs.get(size)?.push(await timeClaim(db));
    tickMs.get(size)?.push(await timeTick(db));
    sample();
  }
  say(
    `round ${round}: claim ${SIZES.map((s) => `${s}: ${round3(claimMs.get(s)?.at(-1) ?? 0)} ms`).join(', ')}; tick ${SIZES.map((s) => `${s}: ${round3(tickMs.get(s)?.at(-1) ?? 0)} ms`).join(', ')}`,
  );
}
const ratios = (m: Map<number, number[]>) =>
  (m.get(100_000) ?? []).map((v, i) => v / (m.get(1_000)?.[i] ?? Number.NaN));
const tickRatio = median(ratios(tickMs));
const claimRatio = median(ratios(claimMs));
const claimSeconds = median(claimMs.get(100_000) ?? []) / 1000;
const claimsPerSecond = BATCH / claimSeconds;
const ticksPerSecond = BATCH / (median(tickMs.get(100_000) ?? []) / 1000);
let hwm = 0;
try {
  hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
} catch {
  hwm = 0;
}
for (const [, { db, dir }] of dbs) {
  await db.destroy();
  rmSync(dir, { recursive: true, force: true });
}
const figures = {
  rounds,
  claimMs: Object.fromEntries(SIZES.map((s) => [s, round3(median(claimMs.get(s) ?? []))])),
  tickMs: Object.fromEntries(SIZES.map((s) => [s, round3(median(tickMs.get(s) ?? []))])),
  tickRatio100kTo1k: round2(tickRatio),
  claimRatio100kTo1k: round2(claimRatio),
  claimsPerSecond: Math.round(claimsPerSecond),
  remindersTickedPerSecond: Math.round(ticksPerSecond),
  usesIndex,
  peakRssMb: round2(Math.max(peakRss / 1_048_576, hwm)),
};
const targets = { maxTickRatio: 2, minClaimsPerSecond: 3_000, usesIndex: true };
say(
  `tick at 100,000 ÷ at 1,000: ${figures.tickRatio100kTo1k} (target ≤ 2); claims/s ${figures.claimsPerSecond} (target ≥ 3,000); peak RSS ${figures.peakRssMb} MB`,
);
finish('scheduler', figures, targets, tickRatio <= 2 && claimsPerSecond >= 3_000 && usesIndex);
