import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { type Database, type Kysely, migrateToLatestOrThrow, openDatabase } from '@accord/db';
import { seedReference } from '@accord/seeds';
import { sql } from 'kysely';
import { tempDatabaseFile } from '../../support/processes';

const YEAR_MS = 365 * 24 * 3_600_000;
/** Rows a multi-row insert carries: 8 columns × 1,000 stays far inside SQLite's 32,766 variables. */
const ROWS_PER_STATEMENT = 1_000;
/** Rows one transaction commits. */
const ROWS_PER_TRANSACTION = 5_000;

export interface ReminderFixture {
  /** Pending reminders in the table (due ones included). */
  pending: number;
  file: string;
  db: Kysely<Database>;
  /** The due reminders' ids run from `dueIds.first` to `dueIds.last`, nothing else in between. */
  dueIds: { first: number; last: number };
  /** Seconds the fixture took to build (migrations, people, reminders, checkpoint). */
  buildS: number;
  /** Puts every due reminder back to `pending`, unleased, as built; deletes the outbox rows ticks wrote. */
  reset(): Promise<void>;
  close(): Promise<void>;
}

async function insertInTransactions<Row>(
  db: Kysely<Database>,
  count: number,
  row: (n: number) => Row,
  insert: (trx: Kysely<Database>, rows: Row[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
    const end = Math.min(count, start + ROWS_PER_TRANSACTION);
    await db.transaction().execute(async (trx) => {
      for (let i = start; i < end; i += ROWS_PER_STATEMENT) {
        const rows = Array.from({ length: Math.min(ROWS_PER_STATEMENT, end - i) }, (_, j) => row(i + j));
        await insert(trx, rows);
      }
    });
  }
}

/**
 * A fresh temp SQLite file (WAL, as `openDatabase` sets it), migrated and seeded, with `people`
 * people and `pending` pending reminders spread across them: the first `due` are due at `now`
 * (over the hour before it), the rest spread evenly over the year after it. The WAL is
 * checkpointed at the end so no measurement pays for copying the bulk load into the database.
 */
export async function prepareReminders(options: {
  people: number;
  pending: number;
  due: number;
  now: string;
}): Promise<ReminderFixture> {
  const { people, pending, due, now } = options;
  if (due > pending) throw new Error(`due (${due}) cannot exceed pending (${pending})`);
  const started = performance.now();
  const file = tempDatabaseFile();
  const db = openDatabase({ file });
  await migrateToLatestOrThrow(db);
  await seedReference(db, now);

  const personIds = await db.selectFrom('people').select('id').execute();
  const firstPerson = personIds.reduce((max, p) => Math.max(max, p.id), 0) + 1;
  await insertInTransactions(
    db,
    people,
    (n) => ({
      name: `Bench person ${n + 1}`,
      roles: '["member"]',
      language: n % 2 === 0 ? 'ru' : 'en',
      time_zone: 'UTC',
      created_at: now,
      updated_at: now,
    }),
    (trx, rows) => trx.insertInto('people').values(rows).execute(),
  );

  const nowMs = Date.parse(now);
  const notDue = pending - due;
  await insertInTransactions(
    db,
    pending,
    (n) => ({
      reminder_key: `bench:${n}`,
      subject_type: 'meeting',
      subject_id: 1 + (n % 500),
      // Consecutive reminders go to different people, so a batch of 100 makes 100 digests.
      recipient_person_id: firstPerson + (n % people),
      rule: 'meeting-1d',
      due_at: new Date(
        n < due
          ? nowMs - 3_600_000 + Math.floor((n * 3_600_000) / due)
          : nowMs + 60_000 + ((n - due) * YEAR_MS) / notDue,
      ).toISOString(),
      state: 'pending' as const,
      created_at: now,
    }),
    (trx, rows) => trx.insertInto('reminders').values(rows).execute(),
  );
  const range = await db
    .selectFrom('reminders')
    .select((eb) => [
      eb.fn.min('id').as('first'),
      eb.fn.max('id').as('last'),
      eb.fn.countAll<number>().as('n'),
    ])
    .where('due_at', '<=', now)
    .executeTakeFirstOrThrow();
  const dueIds = { first: Number(range.first), last: Number(range.last) };
  if (Number(range.n) !== due || dueIds.last - dueIds.first + 1 !== due)
    throw new Error(
      `expected ${due} due reminders with consecutive ids, found ${range.n} in ${dueIds.first}…${dueIds.last}`,
    );
  await sql`pragma wal_checkpoint(truncate)`.execute(db);

  return {
    pending,
    file,
    db,
    dueIds,
    buildS: (performance.now() - started) / 1000,
    async reset() {
      await db
        .updateTable('reminders')
        .set({ state: 'pending', lease_owner: null, lease_until: null, attempts: 0, sent_at: null })
        .where('id', '>=', dueIds.first)
        .where('id', '<=', dueIds.last)
        .where('state', '!=', 'pending')
        .execute();
      await db.deleteFrom('outbox').execute();
    },
    async close() {
      await db.destroy();
      rmSync(dirname(file), { recursive: true, force: true });
    },
  };
}
