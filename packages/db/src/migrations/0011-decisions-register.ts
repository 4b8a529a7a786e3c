import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** The register of adopted recommendations and decisions, and each state's government response with its history. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('decisions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // One entry per draft: registering an adoption twice finds the first entry.
    .addColumn('draft_id', 'integer', (c) => c.notNull().unique().references('drafts.id'))
    .addColumn('ballot_id', 'integer', (c) => c.notNull().references('ballots.id'))
    .addColumn('adopted_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('decisions_number_per_year', ['year', 'number'])
    .execute();
  await db.schema
    .createTable('government_responses')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('decision_id', 'integer', (c) => c.notNull().references('decisions.id'))
    .addColumn('state_code', 'text', (c) => c.notNull().references('member_states.code'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('sent', 'under-consideration', 'accepted', 'implemented')`),
    )
    .addColumn('status_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('correction', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('government_responses_by_state')
    .on('government_responses')
    .columns(['decision_id', 'state_code', 'id'])
    .execute();
  // Every change is a new row, so the register shows how a response evolved; none is rewritten.
  await sql`create trigger government_responses_no_update before update on government_responses
    begin select raise(abort, 'government responses are append-only'); end`.execute(db);
  await sql`create trigger government_responses_no_delete before delete on government_responses
    begin select raise(abort, 'government responses are append-only'); end`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('government_responses').execute();
  await db.schema.dropTable('decisions').execute();
}
