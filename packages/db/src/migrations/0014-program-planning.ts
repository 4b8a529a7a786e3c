import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations describe the schema as it was then, not today's types.
type AnyDb = Kysely<any>;

/** Long-term program planning: goals, activities with milestones and dependencies, and a baseline. */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('programs')
    .addColumn('goals', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // Every change bumps it: the program's ETag, so an unchanged program is answered with 304.
  await db.schema
    .alterTable('programs')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.alterTable('programs').addColumn('baseline_saved_at', 'text').execute();
  await db.schema
    .createTable('activities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('program_id', 'integer', (c) => c.notNull().references('programs.id'))
    .addColumn('direction_id', 'integer', (c) => c.notNull().references('program_directions.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_state', 'text', (c) => c.notNull().references('member_states.code'))
    .addColumn('participating_states', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('responsible_person_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('planned', 'in-progress', 'done', 'delayed', 'cancelled')`),
    )
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress between 0 and 100`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activities_program')
    .on('activities')
    .columns(['program_id', 'start_date'])
    .execute();
  await db.schema
    .createTable('milestones')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('reached_at', 'text')
    .execute();
  await db.schema.createIndex('milestones_activity').on('milestones').column('activity_id').execute();
  await db.schema
    .createTable('activity_dependencies')
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('depends_on_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('activity_dependencies_pk', ['activity_id', 'depends_on_id'])
    .execute();
  await db.schema
    .createTable('activity_baselines')
    .addColumn('activity_id', 'integer', (c) =>
      c.primaryKey().references('activities.id').onDelete('cascade'),
    )
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute();
  // A person's calendar subscription: the address carries a secret, stored here only as its hash.
  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'integer', (c) => c.primaryKey().references('people.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('activity_baselines').execute();
  await db.schema.dropTable('activity_dependencies').execute();
  await db.schema.dropTable('milestones').execute();
  await db.schema.dropTable('activities').execute();
  await db.schema.alterTable('programs').dropColumn('baseline_saved_at').execute();
  await db.schema.alterTable('programs').dropColumn('revision').execute();
  await db.schema.alterTable('programs').dropColumn('goals').execute();
}
