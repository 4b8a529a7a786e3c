import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Voting in chat: remarks on votes, who could vote at close, and questions the bot waits to have answered. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('votes')
    .addColumn('remark_kind', 'text', (c) => c.check(sql`remark_kind in ('comment', 'reservation')`))
    .execute();
  await db.schema.alterTable('ballots').addColumn('voter_snapshot', 'text').execute();
  // Nothing changes after the close, whatever the code does: the database refuses it.
  await sql`create trigger votes_closed_ballot_insert before insert on votes
    when (select status from ballots where id = new.ballot_id) = 'closed'
    begin select raise(abort, 'the ballot is closed'); end`.execute(db);
  await sql`create trigger votes_closed_ballot_update before update on votes
    when (select status from ballots where id = new.ballot_id) = 'closed'
    begin select raise(abort, 'the ballot is closed'); end`.execute(db);
  await db.schema.alterTable('ballots').addColumn('closed_by', 'integer').execute();
  await db.schema
    .alterTable('ballots')
    .addColumn('reminder_lead_ms', 'integer', (c) => c.notNull().defaultTo(24 * 3_600_000))
    .execute();
  // A question asked in a private chat whose answer is the person's next message (a comment on a
  // vote); kept in the database so a restart between question and answer loses nothing.
  await db.schema
    .createTable('chat_prompts')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('chat_prompts').execute();
  await sql`drop trigger votes_closed_ballot_update`.execute(db);
  await sql`drop trigger votes_closed_ballot_insert`.execute(db);
  await db.schema.alterTable('ballots').dropColumn('reminder_lead_ms').execute();
  await db.schema.alterTable('ballots').dropColumn('closed_by').execute();
  await db.schema.alterTable('ballots').dropColumn('voter_snapshot').execute();
  await db.schema.alterTable('votes').dropColumn('remark_kind').execute();
}
