import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  announceBallot,
  type Database,
  insertBallot,
  insertDraft,
  type Kysely,
  migrateToLatestOrThrow,
  openDatabase,
  setDraftStatus,
} from '@accord/db';
import { addMilliseconds, DEFAULT_QUORUM, type MemberStateCode, type VoteChoice } from '@accord/domain';
import { MEMBER_STATES, seedReference } from '@accord/seeds';
import { type Sandbox, type SandboxLimits, startSandbox } from '@accord/telegram-sandbox';
import { tempDatabaseFile } from '../../support/processes';

/** Far from the demo people's sandbox ids (700,000…), so nothing else can land in these chats. */
const FIRST_TELEGRAM_ID = 6_000_001;
/** The commission's group chat, when the scenario has one. */
export const COMMISSION_GROUP_ID = -1_000_000_077;

export const STATE_CODES: readonly MemberStateCode[] = MEMBER_STATES.map((s) => s.code);

export interface BallotMember {
  personId: number;
  /** The Telegram user id, which is also their private chat's id. */
  chatId: number;
  stateCode: MemberStateCode;
}

export interface BallotFixture {
  file: string;
  db: Kysely<Database>;
  sandbox: Sandbox;
  /** Accredited representatives, the six states in turn, in person-id order. */
  members: BallotMember[];
  /** Opens a ballot on a fresh draft, announced as the API does (outbox rows in the same transaction). */
  openBallot(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A fresh temp SQLite file with reference data, `members` people each linked to a sandbox user
 * and accredited as a representative of one member state (the six in turn, so several a state),
 * an unlinked secretary who writes the drafts and, optionally, the commission's group chat.
 */
export async function prepareBallots(options: {
  members: number;
  limits?: Partial<SandboxLimits> | false;
  groupChat?: boolean;
}): Promise<BallotFixture> {
  const sandbox = await startSandbox(options.limits === undefined ? {} : { limits: options.limits });
  const file = tempDatabaseFile();
  const db = openDatabase({ file });
  await migrateToLatestOrThrow(db);
  const now = new Date().toISOString();
  await seedReference(db, now);

  const { id: secretaryId } = await db
    .insertInto('people')
    .values({
      name: 'Bench secretary',
      roles: '["secretary"]',
      language: 'ru',
      time_zone: 'Europe/Moscow',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const people = Array.from({ length: options.members }, (_, i) => {
    const state = MEMBER_STATES[i % MEMBER_STATES.length];
    if (!state) throw new Error('no member states');
    return {
      row: {
        name: `Bench member ${i + 1}`,
        roles: '["member"]',
        language: i % 2 === 0 ? 'ru' : 'en',
        time_zone: state.timeZone,
        telegram_user_id: FIRST_TELEGRAM_ID + i,
        created_at: now,
        updated_at: now,
      },
      stateCode: state.code,
    };
  });
  const members: BallotMember[] = [];
  for (let i = 0; i < people.length; i += 500) {
    const batch = people.slice(i, i + 500);
    const rows = await db
      .insertInto('people')
      .values(batch.map((p) => p.row))
      .returning('id')
      .execute();
    rows.forEach((r, j) => {
      const p = batch[j];
      if (p) members.push({ personId: r.id, chatId: p.row.telegram_user_id, stateCode: p.stateCode });
    });
  }
  for (let i = 0; i < members.length; i += 500) {
    await db
      .insertInto('representations')
      .values(
        members.slice(i, i + 500).map((m) => ({
          person_id: m.personId,
          state_code: m.stateCode,
          kind: 'representative',
          valid_from: '2000-01-01T00:00:00.000Z',
          valid_to: null,
        })),
      )
      .execute();
  }
  for (const p of people) {
    sandbox.driver.addUser({
      id: p.row.telegram_user_id,
      first_name: p.row.name,
      language_code: p.row.language,
    });
  }
  if (options.groupChat) {
    sandbox.driver.addGroup({ id: COMMISSION_GROUP_ID, title: 'Commission (bench)' });
    await db.updateTable('commission').set({ group_chat_id: COMMISSION_GROUP_ID }).execute();
  }

  return {
    file,
    db,
    sandbox,
    members,
    async openBallot() {
      const at = new Date().toISOString();
      return db.transaction().execute(async (trx) => {
        const draftId = await insertDraft(
          trx,
          {
            kind: 'recommendation',
            title: 'On a single exhibition field',
            text: 'The member states hold one joint exhibition a year.\n\nArticle 2. Costs are shared.',
            directionIds: [],
            agendaItemId: null,
          },
          secretaryId,
          at,
        );
        await setDraftStatus(trx, draftId, ['draft'], 'voting', at);
        const ballotId = await insertBallot(
          trx,
          {
            draftId,
            draftVersion: 1,
            rule: { kind: 'consensus' },
            quorum: DEFAULT_QUORUM,
            eligibleStates: [...STATE_CODES],
            opensAt: at,
            closesAt: addMilliseconds(at, 3 * 24 * 3_600_000),
            timeZone: 'Europe/Moscow',
            resultsHidden: false,
            reminderLeadMs: 24 * 3_600_000,
          },
          secretaryId,
          at,
        );
        await announceBallot(trx, ballotId, at);
        return ballotId;
      });
    },
    async close() {
      await db.destroy();
      await sandbox.close();
      rmSync(dirname(file), { recursive: true, force: true });
    },
  };
}

/** Each state's live (effective) choice on a ballot, as stored. */
export async function liveChoicesOf(
  db: Kysely<Database>,
  ballotId: number,
): Promise<Map<MemberStateCode, VoteChoice>> {
  const rows = await db
    .selectFrom('votes')
    .select(['state_code', 'choice'])
    .where('ballot_id', '=', ballotId)
    .where('superseded_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.state_code as MemberStateCode, r.choice as VoteChoice]));
}

/** Every vote row a ballot has (each recorded press is one; a change supersedes, never overwrites). */
export async function voteRowsOf(db: Kysely<Database>, ballotId: number): Promise<number> {
  const row = await db
    .selectFrom('votes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ballot_id', '=', ballotId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
