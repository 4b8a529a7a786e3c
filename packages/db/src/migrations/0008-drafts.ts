import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Draft recommendations and decisions, with every saved edit kept as a version. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('drafts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('recommendation', 'decision')`))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('draft', 'voting', 'adopted', 'rejected', 'withdrawn')`),
    )
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('direction_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('agenda_item_id', 'integer', (c) => c.references('agenda_items.id'))
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('draft_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('drafts.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('draft_versions_number', ['draft_id', 'version'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('draft_versions').execute();
  await db.schema.dropTable('drafts').execute();
}
