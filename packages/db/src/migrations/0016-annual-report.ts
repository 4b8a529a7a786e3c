import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/**
 * The annual report and its versions, the chairman's sign-offs (one mechanism for every kind of
 * item that needs one), and the record of the report's submission to the Secretary General.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reports')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // One report a year: assembling it twice finds the first.
    .addColumn('year', 'integer', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(sql`status in ('draft', 'awaiting-approval', 'changes-requested', 'approved', 'submitted')`),
    )
    .addColumn('current_version', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('report_versions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON: each section's sanitized text beside the assembled figures it is linked to.
    .addColumn('sections', 'text', (c) => c.notNull())
    // SHA-256 of the sections' canonical JSON: a sign-off binds this exact content.
    .addColumn('content_hash', 'text', (c) => c.notNull())
    // What made the version: 'assembled', 'edit' (with the section) or 'refresh'.
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('assembled', 'edit', 'refresh')`))
    .addColumn('section_key', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_versions_number', ['report_id', 'version'])
    .execute();
  // A version is what was saved: it is never rewritten.
  await sql`create trigger report_versions_no_update before update on report_versions
    begin select raise(abort, 'report versions are append-only'); end`.execute(db);
  await db.schema
    .createTable('sign_offs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('item_kind', 'text', (c) => c.notNull().check(sql`item_kind in ('report', 'agenda', 'draft')`))
    .addColumn('item_id', 'integer', (c) => c.notNull())
    .addColumn('item_version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'integer', (c) => c.references('people.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('requested', 'approved', 'changes-requested', 'superseded')`),
    )
    .addColumn('decided_by', 'integer', (c) => c.references('people.id'))
    .addColumn('decided_at', 'text')
    .addColumn('comment', 'text')
    // 1 when the chairman's named deputy signed off in the chairman's absence.
    .addColumn('on_behalf_of_deputy', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('sign_offs_item')
    .on('sign_offs')
    .columns(['item_kind', 'item_id', 'id'])
    .execute();
  // At most one open request per item: a new one supersedes the last.
  await sql`create unique index sign_offs_one_open on sign_offs (item_kind, item_id) where state = 'requested'`.execute(
    db,
  );
  await db.schema
    .createTable('report_submissions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('report_id', 'integer', (c) => c.notNull().references('reports.id'))
    .addColumn('report_version', 'integer', (c) => c.notNull())
    .addColumn('submitted_on', 'text', (c) => c.notNull())
    .addColumn('reference_number', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('people.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('report_submissions').execute();
  await db.schema.dropTable('sign_offs').execute();
  await db.schema.dropTable('report_versions').execute();
  await db.schema.dropTable('reports').execute();
}
