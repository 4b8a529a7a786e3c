import {
  createSession,
  type Database,
  insertActivity,
  insertProgram,
  type Kysely,
  migrateToLatestOrThrow,
  openDatabase,
} from '@accord/db';
import { MEMBER_STATE_CODES } from '@accord/domain';
import { seedReference } from '@accord/seeds';

export interface ProgramFixture {
  /** An observer's session cookie (`accord_session=…`): reading needs no more. */
  cookie: string;
  programId: number;
}

const day = (offset: number) =>
  new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * A migrated SQLite file with reference data, a signed-in reader, and a program to 2030 with
 * `count` activities across its five directions, each with two milestones and most depending on
 * an earlier one: what `GET /api/programs/:id` serves, in either server.
 */
export async function prepareProgramDatabase(file: string, count: number): Promise<ProgramFixture> {
  const db: Kysely<Database> = openDatabase({ file });
  try {
    await migrateToLatestOrThrow(db);
    const now = new Date().toISOString();
    await seedReference(db, now);
    const { id: reader } = await db
      .insertInto('people')
      .values({
        name: 'Bench reader',
        roles: '["observer"]',
        language: 'en',
        time_zone: 'UTC',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await createSession(db, { personId: reader, now, expiresAt: '2099-01-01T00:00:00.000Z' });
    const programId = await insertProgram(
      db,
      {
        code: 'until-2030',
        titleRu: 'Программа до 2030 года',
        titleEn: 'Program until 2030',
        periodStart: '2026-01-01',
        periodEnd: '2030-12-31',
        goals: '',
      },
      [1, 2, 3, 4, 5].map((n) => ({ titleRu: `Направление ${n}`, titleEn: `Direction ${n}` })),
    );
    const directions = await db
      .selectFrom('program_directions')
      .select('id')
      .where('program_id', '=', programId)
      .orderBy('position')
      .execute();
    await db.transaction().execute(async (trx) => {
      const ids: number[] = [];
      for (let i = 0; i < count; i++) {
        const start = (i * 7) % 1400;
        const id = await insertActivity(
          trx,
          programId,
          {
            title: `Activity ${i + 1}: joint work on item ${i + 1}`,
            description: 'A realistic line of description for the activity.',
            directionId: directions[i % directions.length]?.id ?? 0,
            leadState: MEMBER_STATE_CODES[i % 6] ?? 'RU',
            participatingStates: [
              MEMBER_STATE_CODES[(i + 1) % 6] ?? 'RU',
              MEMBER_STATE_CODES[(i + 2) % 6] ?? 'KZ',
            ],
            responsiblePersonIds: [],
            start: day(start),
            end: day(start + 120),
            status: i % 5 === 0 ? 'in-progress' : 'planned',
            progress: (i * 13) % 100,
            milestones: [
              { title: 'Agreement signed', date: day(start + 30) },
              { title: 'Work accepted', date: day(start + 110) },
            ],
            dependsOn: ids.length > 0 && i % 3 !== 0 ? [ids[ids.length - 1] ?? 0] : [],
          },
          now,
        );
        ids.push(id);
      }
    });
    return { cookie: `accord_session=${token}`, programId };
  } finally {
    await db.destroy();
  }
}
