import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** One-time sign-in links sent by the bot, and the chairman's deputy. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('login_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema
    .alterTable('commission')
    .addColumn('deputy_person_id', 'integer', (c) => c.references('people.id'))
    .execute();
  await db.schema.createIndex('sessions_person').on('sessions').column('person_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('sessions_person').execute();
  await db.schema.alterTable('commission').dropColumn('deputy_person_id').execute();
  await db.schema.dropTable('login_tokens').execute();
}
