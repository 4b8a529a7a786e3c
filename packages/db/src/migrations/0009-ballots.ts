import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Ballots on a draft version, and votes by state: every cast kept, one live vote per state. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('ballots')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('drafts.id'))
    .addColumn('draft_version', 'integer', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('quorum', 'text', (c) => c.notNull())
    .addColumn('eligible_states', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('results_hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'closed')`))
    .addColumn('outcome', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('votes')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('ballot_id', 'integer', (c) => c.notNull().references('ballots.id'))
    .addColumn('state_code', 'text', (c) => c.notNull().references('member_states.code'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('choice', 'text', (c) => c.notNull().check(sql`choice in ('for', 'against', 'abstain')`))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('telegram', 'room', 'letter')`))
    .addColumn('reference', 'text')
    .addColumn('comment', 'text')
    .addColumn('cast_at', 'text', (c) => c.notNull())
    .addColumn('superseded_at', 'text')
    .execute();
  // One effective vote per state, guaranteed by the database: a change supersedes, never overwrites.
  await sql`create unique index votes_one_live_per_state on votes (ballot_id, state_code) where superseded_at is null`.execute(
    db,
  );
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('votes').execute();
  await db.schema.dropTable('ballots').execute();
}
