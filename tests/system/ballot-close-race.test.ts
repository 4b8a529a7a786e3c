import {
  announceBallot,
  insertBallot,
  insertDraft,
  migrateToLatestOrThrow,
  openDatabase,
  setDraftStatus,
} from '@accord/db';
import { DEFAULT_QUORUM, MEMBER_STATE_CODES } from '@accord/domain';
import { sandboxDemoUsers, seedDemoPeople, seedReference } from '@accord/seeds';
import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

let sandbox: Sandbox | undefined;
afterAll(() => sandbox?.close());

const BALLOTS = 6;
/** Voters (six heads, six alternates) and the secretary: everyone a result goes to. */
const RECIPIENTS = 13;

describe('ballots closing while two workers race and one restarts across the moment', () => {
  it('close each ballot exactly once, and each member gets each result once', async () => {
    sandbox = await startSandbox({ limits: false });
    for (const u of sandboxDemoUsers()) sandbox.driver.addUser({ id: u.id, first_name: u.first_name });
    const file = tempDatabaseFile();
    const db = openDatabase({ file });
    await migrateToLatestOrThrow(db);
    const now = new Date().toISOString();
    await seedReference(db, now);
    await seedDemoPeople(db, now, { linkSandboxTelegram: true });
    const secretary = await db
      .selectFrom('people')
      .select('id')
      .where('seed_key', '=', 'secretary')
      .executeTakeFirstOrThrow();
    const closesSoon = new Date(Date.now() + 10_000).toISOString();
    const closedWhileDown = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < BALLOTS; i++) {
      await db.transaction().execute(async (trx) => {
        const draftId = await insertDraft(
          trx,
          {
            kind: 'decision',
            title: `Ballot ${i}`,
            text: `Text ${i}.`,
            directionIds: [],
            agendaItemId: null,
          },
          secretary.id,
          now,
        );
        await setDraftStatus(trx, draftId, ['draft'], 'voting', now);
        const id = await insertBallot(
          trx,
          {
            draftId,
            draftVersion: 1,
            rule: { kind: 'consensus' },
            quorum: DEFAULT_QUORUM,
            eligibleStates: [...MEMBER_STATE_CODES],
            opensAt: new Date(Date.now() - 120_000).toISOString(),
            // A third closed while no worker ran; the rest close a few seconds into the race.
            closesAt: i % 3 === 0 ? closedWhileDown : closesSoon,
            timeZone: 'UTC',
            resultsHidden: false,
            reminderLeadMs: 24 * 3_600_000,
          },
          secretary.id,
          now,
        );
        await announceBallot(trx, id, now);
      });
    }
    const env = {
      DATABASE_FILE: file,
      TELEGRAM_BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.url,
      DISPATCH_RATE: '200',
      LOG_LEVEL: 'info',
    };
    const a = startEntry('apps/bot/src/worker.ts', { ...env, WORKER_ID: 'close-a' });
    const b = startEntry('apps/bot/src/worker.ts', { ...env, WORKER_ID: 'close-b' });
    await Promise.all([a.waitForOutput(/worker running/), b.waitForOutput(/worker running/)]);
    // The ballots that closed while no worker ran are told first. A kill while those sends were in
    // flight could repeat them (at most the dispatcher's concurrency, by design): that is the notify
    // benchmark's case, not this one's, so this one waits until they are settled.
    await waitUntil(async () => {
      const unsent = await db
        .selectFrom('outbox')
        .select('id')
        .where('state', 'in', ['pending', 'sending'])
        .execute();
      return unsent.length === 0;
    }, 30_000);
    // Worker a dies just before the moment and comes back after it.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(closesSoon) - Date.now() - 500)));
    await a.stop('SIGKILL');
    await new Promise((r) => setTimeout(r, 1_500));
    const again = startEntry('apps/bot/src/worker.ts', { ...env, WORKER_ID: 'close-a' });

    await waitUntil(async () => {
      const open = await db.selectFrom('ballots').select('id').where('status', '=', 'open').execute();
      const unsent = await db
        .selectFrom('outbox')
        .select('id')
        .where('state', 'in', ['pending', 'sending'])
        .execute();
      return open.length === 0 && unsent.length === 0;
    }, 60_000);
    await Promise.all([again.stop(), b.stop()]);

    const closes = await db
      .selectFrom('audit_events')
      .select('record_id')
      .where('action', '=', 'ballot.close')
      .execute();
    expect(closes).toHaveLength(BALLOTS);
    expect(new Set(closes.map((c) => c.record_id)).size).toBe(BALLOTS);
    const results = await db.selectFrom('outbox').select('id').where('kind', '=', 'ballot-closed').execute();
    expect(results).toHaveLength(BALLOTS * RECIPIENTS);
    for (let i = 0; i < BALLOTS; i++) {
      const delivered = sandbox.driver
        .ledger()
        .filter((l) => l.text?.includes(`Ballot ${i}\n`) && /Не принято|Not adopted/.test(l.text ?? ''));
      expect(delivered).toHaveLength(RECIPIENTS);
      expect(new Set(delivered.map((l) => l.chatId)).size).toBe(RECIPIENTS);
    }
    await db.destroy();
  });
});
