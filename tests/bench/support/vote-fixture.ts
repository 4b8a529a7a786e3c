import {
  createSession,
  type Database,
  insertBallot,
  insertDraft,
  type Kysely,
  migrateToLatestOrThrow,
  openDatabase,
  setDraftStatus,
} from '@accord/db';
import { DEFAULT_QUORUM, MEMBER_STATE_CODES } from '@accord/domain';
import { seedReference } from '@accord/seeds';

export interface VoteFixture {
  /** The secretary's session cookie (`accord_session=…`). */
  cookie: string;
  ballotId: number;
}

/**
 * A migrated SQLite file with reference data, a secretary with a session, and an open ballot on a
 * draft (all six states eligible, closing far ahead): what a vote cast needs, in either server.
 */
export async function prepareVoteDatabase(file: string): Promise<VoteFixture> {
  const db: Kysely<Database> = openDatabase({ file });
  try {
    await migrateToLatestOrThrow(db);
    const now = new Date().toISOString();
    await seedReference(db, now);
    const { id: secretary } = await db
      .insertInto('people')
      .values({
        name: 'Bench secretary',
        roles: '["secretary"]',
        language: 'en',
        time_zone: 'UTC',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = await createSession(db, {
      personId: secretary,
      now,
      expiresAt: '2099-01-01T00:00:00.000Z',
    });
    const draftId = await insertDraft(
      db,
      {
        kind: 'decision',
        title: 'Bench decision',
        text: 'Article 1.\n',
        directionIds: [],
        agendaItemId: null,
      },
      secretary,
      now,
    );
    await setDraftStatus(db, draftId, ['draft'], 'voting', now);
    const ballotId = await insertBallot(
      db,
      {
        draftId,
        draftVersion: 1,
        rule: { kind: 'consensus' },
        quorum: DEFAULT_QUORUM,
        eligibleStates: [...MEMBER_STATE_CODES],
        opensAt: now,
        closesAt: '2099-01-01T00:00:00.000Z',
        timeZone: 'Europe/Moscow',
        resultsHidden: false,
        reminderLeadMs: 24 * 3_600_000,
      },
      secretary,
      now,
    );
    return { cookie: `accord_session=${token}`, ballotId };
  } finally {
    await db.destroy();
  }
}
