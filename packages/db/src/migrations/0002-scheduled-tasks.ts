import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Time-driven work as durable rows the scheduler claims with a lease, like the outbox's messages. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('scheduled_tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('task_key', 'text', (c) => c.notNull().unique())
    .addColumn('payload', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'running', 'done', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await sql`create index scheduled_tasks_pending on scheduled_tasks (due_at) where state = 'pending'`.execute(
    db,
  );
  await sql`create index scheduled_tasks_leased on scheduled_tasks (lease_until) where state = 'running'`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('scheduled_tasks').execute();
}
