import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Reminder rows, each person's delivery hours, and working groups with their tasks and extension requests. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('reminders')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('reminder_key', 'text', (c) => c.notNull().unique())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('recipient_person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('step', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('stale_at', 'text')
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('pending', 'claimed', 'sent', 'folded')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await sql`create index reminders_pending on reminders (due_at) where state = 'pending'`.execute(db);
  await sql`create index reminders_leased on reminders (lease_until) where state = 'claimed'`.execute(db);
  await db.schema
    .createIndex('reminders_subject')
    .on('reminders')
    .columns(['subject_type', 'subject_id', 'state'])
    .execute();

  await db.schema
    .alterTable('people')
    .addColumn('work_start', 'text', (c) => c.notNull().defaultTo('09:00'))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('work_end', 'text', (c) => c.notNull().defaultTo('20:00'))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('quiet_start', 'text', (c) => c.notNull().defaultTo('22:00'))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('quiet_end', 'text', (c) => c.notNull().defaultTo('07:00'))
    .execute();
  await db.schema
    .alterTable('people')
    .addColumn('reminder_opt_out', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mandate', 'text', (c) => c.notNull())
    .addColumn('lead_person_id', 'integer', (c) => c.references('people.id'))
    .addColumn('group_chat_id', 'integer')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('working_group_members')
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addPrimaryKeyConstraint('working_group_members_pk', ['group_id', 'person_id'])
    .execute();
  await db.schema
    .createTable('tasks')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('responsible_person_id', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('open', 'done', 'cancelled')`))
    .addColumn('done_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('tasks_responsible')
    .on('tasks')
    .columns(['responsible_person_id', 'status'])
    .execute();
  await db.schema
    .createTable('extension_requests')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('requested_by', 'integer', (c) => c.notNull().references('people.id'))
    .addColumn('current_due_date', 'text', (c) => c.notNull())
    .addColumn('requested_due_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending', 'granted', 'refused')`))
    .addColumn('decided_by', 'integer', (c) => c.references('people.id'))
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['extension_requests', 'tasks', 'working_group_members', 'working_groups', 'reminders'])
    await db.schema.dropTable(table).execute();
  for (const column of ['reminder_opt_out', 'quiet_end', 'quiet_start', 'work_end', 'work_start'])
    await db.schema.alterTable('people').dropColumn(column).execute();
}
