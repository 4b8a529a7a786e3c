import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** The escalation ladder (whom, after how many days) is the commission's setting, not code. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('commission')
    .addColumn('escalation_ladder', 'text', (c) =>
      c.notNull().defaultTo(
        JSON.stringify([
          { to: 'head', afterDays: 2 },
          { to: 'secretary', afterDays: 5 },
          { to: 'chairman', afterDays: 10, statuteOnly: true },
        ]),
      ),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('commission').dropColumn('escalation_ladder').execute();
}
