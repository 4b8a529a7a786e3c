import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** A working group's meeting invites its members (and its chat), not the whole commission. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('meetings')
    .addColumn('working_group_id', 'integer', (c) => c.references('working_groups.id'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('meetings').dropColumn('working_group_id').execute();
}
