import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** What happened at a meeting: that it was held, who attended, and the minutes item by item. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('meeting_records')
    .addColumn('meeting_id', 'integer', (c) => c.primaryKey().references('meetings.id'))
    .addColumn('held_at', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('minutes_published_at', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('people.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('meeting_attendance')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('present', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('meeting_attendance_pk', ['meeting_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('minutes_items')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('meetings.id'))
    // The agenda item by its position: the agenda is fixed once the meeting is held.
    .addColumn('agenda_position', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('draft_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addPrimaryKeyConstraint('minutes_items_pk', ['meeting_id', 'agenda_position'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('minutes_items').execute();
  await db.schema.dropTable('meeting_attendance').execute();
  await db.schema.dropTable('meeting_records').execute();
}
