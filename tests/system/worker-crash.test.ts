import {
  enqueueMessages,
  insertMeeting,
  migrateToLatestOrThrow,
  openDatabase,
  setMeetingStatus,
} from '@accord/db';
import { outboxDrafts } from '@accord/domain';
import { seedReference } from '@accord/seeds';
import { type Sandbox, startSandbox } from '@accord/telegram-sandbox';
import { afterAll, describe, expect, it } from 'vitest';
import { startEntry, tempDatabaseFile, waitUntil } from '../support/processes';

const MEMBERS = 300;
const CONCURRENCY = 8; // the dispatcher's default
let sandbox: Sandbox | undefined;
afterAll(() => sandbox?.close());

describe('the worker killed with kill -9 halfway through a notice', () => {
  it('delivers to every member after a restart, resending only what was in flight', async () => {
    sandbox = await startSandbox({ limits: { global: { perSecond: 200, burst: 50 } } });
    const file = tempDatabaseFile();
    const db = openDatabase({ file });
    await migrateToLatestOrThrow(db);
    const now = new Date().toISOString();
    await seedReference(db, now);
    const people = Array.from({ length: MEMBERS }, (_, i) => ({
      name: `Member ${i + 1}`,
      roles: '["member"]',
      language: i % 2 ? 'ru' : 'en',
      time_zone: 'Asia/Almaty',
      telegram_user_id: 900_001 + i,
      created_at: now,
      updated_at: now,
    }));
    const ids = await db.insertInto('people').values(people).returning('id').execute();
    for (const p of people) sandbox.driver.addUser({ id: p.telegram_user_id, first_name: p.name });
    const meetingId = await insertMeeting(
      db,
      {
        kind: 'regular',
        title: 'Crash session',
        startsAt: '2099-01-01T07:00:00.000Z',
        endsAt: '2099-01-01T09:00:00.000Z',
        timeZone: 'UTC',
        place: null,
        link: null,
        agenda: [],
      },
      null,
      now,
    );
    await setMeetingStatus(db, meetingId, 'draft', 'notified', 1, now);
    await enqueueMessages(
      db,
      outboxDrafts(
        { kind: 'meeting-notice', meetingId, version: 1 },
        ids.map((r) => ({ personId: r.id })),
        now,
      ),
      null,
      now,
    );

    const env = {
      DATABASE_FILE: file,
      TELEGRAM_BOT_TOKEN: sandbox.token,
      TELEGRAM_API_ROOT: sandbox.url,
      WORKER_ID: 'crash-test',
      DISPATCH_RATE: '100',
    };
    const first = startEntry('apps/bot/src/worker.ts', env);
    await waitUntil(() => (sandbox?.driver.ledger().length ?? 0) >= MEMBERS / 2, 60_000);
    first.child.kill('SIGKILL');
    await first.stop();

    const atKill = await db
      .selectFrom('outbox')
      .innerJoin('people', 'people.id', 'outbox.recipient_person_id')
      .select(['outbox.state', 'people.telegram_user_id'])
      .execute();
    const inDoubt = new Set(atKill.filter((r) => r.state === 'sending').map((r) => r.telegram_user_id));
    const sentAtKill = new Set(atKill.filter((r) => r.state === 'sent').map((r) => r.telegram_user_id));
    const ledgerAtKill = sandbox.driver.ledger().length;
    expect(ledgerAtKill).toBeLessThan(MEMBERS);

    const second = startEntry('apps/bot/src/worker.ts', env);
    await waitUntil(async () => {
      const rows = await db.selectFrom('outbox').select('state').execute();
      return rows.every((r) => r.state === 'sent');
    }, 60_000);
    await second.stop();

    const ledger = sandbox.driver.ledger();
    const copies = new Map<number, number>();
    for (const entry of ledger) copies.set(entry.chatId, (copies.get(entry.chatId) ?? 0) + 1);
    expect(copies.size).toBe(MEMBERS);
    const duplicated = [...copies].filter(([, n]) => n > 1).map(([chat]) => chat);
    expect(duplicated.every((chat) => inDoubt.has(chat))).toBe(true);
    expect(duplicated.length).toBeLessThanOrEqual(CONCURRENCY);
    const resentAfterCommit = ledger.slice(ledgerAtKill).filter((e) => sentAtKill.has(e.chatId));
    expect(resentAfterCommit).toEqual([]);
    await db.destroy();
  });
});
