import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Files attached to a draft: the bytes live in the attachments folder under `stored_name`; removal is soft. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('draft_attachments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('draft_id', 'integer', (c) => c.notNull().references('drafts.id'))
    .addColumn('stored_name', 'text', (c) => c.notNull().unique())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', (c) => c.references('people.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .addColumn('removed_by', 'integer', (c) => c.references('people.id'))
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('draft_attachments_draft').on('draft_attachments').column('draft_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('draft_attachments').execute();
}
