import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type Database,
  enqueueMessages,
  insertMeeting,
  type Kysely,
  migrateToLatestOrThrow,
  openDatabase,
  setMeetingStatus,
} from '@accord/db';
import { outboxDrafts } from '@accord/domain';
import { MEMBER_STATES, seedReference } from '@accord/seeds';
import { type Sandbox, type SandboxLimits, startSandbox } from '@accord/telegram-sandbox';
import { tempDatabaseFile } from '../../support/processes';

/** Far from the demo people's sandbox ids (700,000…), so nothing else can land in these chats. */
const FIRST_TELEGRAM_ID = 5_000_001;

export interface NoticeFixture {
  file: string;
  db: Kysely<Database>;
  sandbox: Sandbox;
  meetingId: number;
  /** One private chat per member (the Telegram user id), in person-id order. */
  memberChatIds: number[];
  /** Enqueues one notice per member in one transaction; resolves with the commit instant (epoch ms). */
  enqueueNotice(): Promise<number>;
  close(): Promise<void>;
}

/**
 * A fresh temp SQLite file with reference data, `members` people (alternating en/ru, the member
 * states' zones in turn) each linked to a sandbox user, and a meeting already marked notified.
 */
export async function prepareNotice(options: {
  members: number;
  limits?: Partial<SandboxLimits> | false;
}): Promise<NoticeFixture> {
  const sandbox = await startSandbox(options.limits === undefined ? {} : { limits: options.limits });
  const file = tempDatabaseFile();
  const db = openDatabase({ file });
  await migrateToLatestOrThrow(db);
  const now = new Date().toISOString();
  await seedReference(db, now);

  const people = Array.from({ length: options.members }, (_, i) => ({
    name: `Bench member ${i + 1}`,
    roles: '["member"]',
    language: i % 2 === 0 ? 'ru' : 'en',
    time_zone: MEMBER_STATES[i % MEMBER_STATES.length]?.timeZone ?? 'UTC',
    telegram_user_id: FIRST_TELEGRAM_ID + i,
    created_at: now,
    updated_at: now,
  }));
  const ids: number[] = [];
  for (let i = 0; i < people.length; i += 500) {
    const rows = await db
      .insertInto('people')
      .values(people.slice(i, i + 500))
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => r.id));
  }
  for (const p of people) {
    sandbox.driver.addUser({ id: p.telegram_user_id, first_name: p.name, language_code: p.language });
  }

  const meetingId = await insertMeeting(
    db,
    {
      kind: 'regular',
      title: 'Benchmark session',
      startsAt: '2099-04-20T07:00:00.000Z',
      endsAt: '2099-04-20T10:00:00.000Z',
      timeZone: 'Asia/Almaty',
      place: 'Almaty',
      link: 'https://example.org/room',
      agenda: [
        { position: 1, title: 'Opening' },
        { position: 2, title: 'Program until 2030' },
      ],
    },
    null,
    now,
  );
  await setMeetingStatus(db, meetingId, 'draft', 'notified', 1, now);

  return {
    file,
    db,
    sandbox,
    meetingId,
    memberChatIds: people.map((p) => p.telegram_user_id),
    async enqueueNotice() {
      const at = new Date().toISOString();
      const drafts = outboxDrafts(
        { kind: 'meeting-notice', meetingId, version: 1 },
        ids.map((personId) => ({ personId })),
        at,
      );
      await db
        .transaction()
        .execute((trx) => enqueueMessages(trx, drafts, { type: 'meeting', id: meetingId }, at));
      return Date.now();
    },
    async close() {
      await db.destroy();
      await sandbox.close();
      rmSync(dirname(file), { recursive: true, force: true });
    },
  };
}

/** Outbox rows by state, for the settle check and the crash snapshot. */
export async function outboxStates(db: Kysely<Database>) {
  return db
    .selectFrom('outbox')
    .innerJoin('people', 'people.id', 'outbox.recipient_person_id')
    .select(['outbox.state', 'people.telegram_user_id'])
    .execute();
}

/** Resolves once no row is pending or sending (the worker recorded every outcome), or false at the deadline. */
export async function waitForOutboxSettled(db: Kysely<Database>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', 'in', ['pending', 'sending'])
      .executeTakeFirstOrThrow();
    if (Number(open.n) === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}
