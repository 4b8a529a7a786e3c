import {
  announceBallot,
  type Database,
  enqueueMessages,
  insertBallot,
  insertDraft,
  insertMeeting,
  type Kysely,
  listPeople,
  openTestDatabase,
  setDraftStatus,
  setMeetingStatus,
} from '@accord/db';
import {
  addMilliseconds,
  type BallotRule,
  DEFAULT_QUORUM,
  MEMBER_STATE_CODES,
  type MeetingDetails,
  type MemberStateCode,
  meetingInvitees,
  outboxDrafts,
} from '@accord/domain';
import { sandboxDemoUsers, seedDemoPeople, seedReference } from '@accord/seeds';
import { type SandboxOptions, startSandbox } from '@accord/telegram-sandbox';
import { createLogger } from '../logger';
import { createTelegramRuntime, type TelegramRuntimeOptions } from '../runtime';

export const sampleMeeting: MeetingDetails = {
  kind: 'regular',
  title: 'Regular session',
  startsAt: '2099-03-15T07:00:00.000Z',
  endsAt: '2099-03-15T10:00:00.000Z',
  timeZone: 'Europe/Moscow',
  place: 'Moscow',
  link: null,
  agenda: [
    { position: 1, title: 'Opening' },
    { position: 2, title: 'Program progress' },
  ],
};

/**
 * The real bot and dispatcher, long polling the Telegram sandbox over HTTP, on a fresh database
 * with the demo commission linked to sandbox users. For tests of the bot as members meet it.
 */
export async function startBotHarness(
  options: {
    sandbox?: SandboxOptions;
    dispatcher?: TelegramRuntimeOptions['dispatcher'];
    clock?: () => Date;
  } = {},
) {
  const sandbox = await startSandbox(options.sandbox);
  const db: Kysely<Database> = await openTestDatabase();
  const clock = options.clock ?? (() => new Date());
  const now = clock().toISOString();
  await seedReference(db, now);
  await seedDemoPeople(db, now, { linkSandboxTelegram: true });
  const users = sandboxDemoUsers();
  for (const u of users)
    sandbox.driver.addUser({ id: u.id, first_name: u.first_name, language_code: u.language_code });
  const runtime = createTelegramRuntime({
    db,
    token: sandbox.token,
    apiRoot: sandbox.url,
    botUsername: sandbox.botInfo.username,
    botInfo: sandbox.botInfo,
    clock,
    dashboardUrl: () => 'http://dashboard.test',
    logger: createLogger('silent', 'test'),
    dispatcher: { idleMs: 20, ...options.dispatcher },
  });
  // Wait until polling has begun: stopping a bot that is still starting aborts its start.
  let polling: Promise<void> = Promise.resolve();
  await new Promise<void>((started) => {
    polling = runtime.bot.start({ timeout: 1, onStart: () => started() });
  });
  await runtime.dispatcher.start();

  const person = async (seedKey: string) => {
    const row = await db
      .selectFrom('people')
      .selectAll()
      .where('seed_key', '=', seedKey)
      .executeTakeFirstOrThrow();
    return { id: row.id, telegramId: row.telegram_user_id ?? 0, name: row.name, language: row.language };
  };

  /** Creates a meeting and queues its notice for every linked invitee, as the API does. */
  async function announceMeeting(details: MeetingDetails = sampleMeeting): Promise<number> {
    const at = clock().toISOString();
    return db.transaction().execute(async (trx) => {
      const id = await insertMeeting(trx, details, null, at);
      await setMeetingStatus(trx, id, 'draft', 'notified', 1, at);
      const invitees = meetingInvitees(await listPeople(trx)).filter((p) => p.telegramUserId !== null);
      const drafts = outboxDrafts(
        { kind: 'meeting-notice', meetingId: id, version: 1 },
        invitees.map((p) => ({ personId: p.id })),
        at,
      );
      await enqueueMessages(trx, drafts, { type: 'meeting', id }, at);
      return id;
    });
  }

  /** Writes a draft and opens a ballot on it, announced as the API does; returns the ballot's id. */
  async function openBallot(
    options: {
      rule?: BallotRule;
      text?: string;
      closesAt?: string;
      resultsHidden?: boolean;
      eligibleStates?: MemberStateCode[];
    } = {},
  ): Promise<number> {
    const at = clock().toISOString();
    const secretary = await person('secretary');
    return db.transaction().execute(async (trx) => {
      const draftId = await insertDraft(
        trx,
        {
          kind: 'recommendation',
          title: 'On a single exhibition field',
          text:
            options.text ??
            'The member states hold one joint exhibition a year.\n\nArticle 2. Costs are shared.',
          directionIds: [],
          agendaItemId: null,
        },
        secretary.id,
        at,
      );
      await setDraftStatus(trx, draftId, ['draft'], 'voting', at);
      const ballotId = await insertBallot(
        trx,
        {
          draftId,
          draftVersion: 1,
          rule: options.rule ?? { kind: 'consensus' },
          quorum: DEFAULT_QUORUM,
          eligibleStates: options.eligibleStates ?? [...MEMBER_STATE_CODES],
          opensAt: at,
          closesAt: options.closesAt ?? addMilliseconds(at, 3 * 24 * 3_600_000),
          timeZone: 'Europe/Moscow',
          resultsHidden: options.resultsHidden ?? false,
          reminderLeadMs: 24 * 3_600_000,
        },
        secretary.id,
        at,
      );
      await announceBallot(trx, ballotId, at);
      return ballotId;
    });
  }

  /** Waits for an async condition (the driver's waitFor takes synchronous probes). */
  async function eventually<T>(probe: () => Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async function close() {
    await runtime.dispatcher.stop();
    await runtime.bot.stop();
    await polling;
    await sandbox.close();
    await db.destroy();
  }

  return {
    sandbox,
    driver: sandbox.driver,
    db,
    runtime,
    person,
    announceMeeting,
    openBallot,
    eventually,
    close,
  };
}

export type BotHarness = Awaited<ReturnType<typeof startBotHarness>>;
