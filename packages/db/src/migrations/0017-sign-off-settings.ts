import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/**
 * Which optional kinds of item need the chairman's sign-off: a meeting's agenda before its notices
 * go out, a draft before it goes to a ballot. Off (0) by default, so meetings and ballots work as
 * before until the chairman switches them on.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('commission')
    .addColumn('sign_off_agendas', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('commission')
    .addColumn('sign_off_drafts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('commission').dropColumn('sign_off_drafts').execute();
  await db.schema.alterTable('commission').dropColumn('sign_off_agendas').execute();
}
