import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema';

export interface LeaseClaim {
  owner: string;
  now: string;
  leaseUntil: string;
  limit: number;
}

/**
 * The one claim mechanism the dispatcher and the scheduler share: in a single statement, take
 * up to `limit` rows that are due (`waiting` and `due_at <= now`) or whose lease ran out (their
 * worker died), and lease them to `owner`. SQLite runs it under its write lock, so two claimers
 * never get the same row; on PostgreSQL the inner selects take `for update skip locked`.
 */
export async function claimWithLease<Row>(
  db: Kysely<Database>,
  table: 'outbox' | 'scheduled_tasks' | 'reminders',
  states: { waiting: string; leased: string },
  order: readonly string[],
  claim: LeaseClaim,
): Promise<Row[]> {
  const t = sql.table(table);
  const orderBy = sql.join(order.map((column) => sql.ref(column)));
  // Each branch takes only its first `limit` rows by the claim's order, through its partial index,
  // so a claim costs the same however many rows are due (after downtime, say).
  const result = await sql<Row>`
    update ${t}
       set state = ${states.leased}, lease_owner = ${claim.owner}, lease_until = ${claim.leaseUntil}, attempts = attempts + 1
     where id in (
       select id from (
         select * from (select ${orderBy} from ${t} where state = ${states.waiting} and due_at <= ${claim.now} order by ${orderBy} limit ${claim.limit})
         union all
         select * from (select ${orderBy} from ${t} where state = ${states.leased} and lease_until <= ${claim.now} order by ${orderBy} limit ${claim.limit})
       ) order by ${orderBy} limit ${claim.limit}
     )
     returning *`.execute(db);
  return result.rows;
}
