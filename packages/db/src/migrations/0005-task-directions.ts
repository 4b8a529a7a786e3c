import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** A task may serve a program direction, so what is overdue can be read by direction too. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('tasks')
    .addColumn('direction_id', 'integer', (c) => c.references('program_directions.id'))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('tasks').dropColumn('direction_id').execute();
}
