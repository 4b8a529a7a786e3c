import { applyVote, extendBallot, findBallot } from '@accord/db';
import { addMilliseconds } from '@accord/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { createScheduler } from '../scheduler/scheduler';
import { type BotHarness, startBotHarness } from '../testing/harness';
import { ballotHandlers } from './scheduling';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const logger = createLogger('silent', 'test');
const schedulerAt = (instant: string) =>
  createScheduler({ db: h.db, clock: () => new Date(instant), logger, handlers: ballotHandlers });
const closes = (ballotId: number) =>
  h.db
    .selectFrom('audit_events')
    .select(['actor_kind', 'after'])
    .where('action', '=', 'ballot.close')
    .where('record_id', '=', String(ballotId))
    .execute();

describe('closing a ballot at its time', () => {
  it('closes once at the moment, not before, with the result to every member and the draft decided', async () => {
    const closesAt = addMilliseconds(new Date().toISOString(), 60 * 60_000);
    const ballotId = await h.openBallot({ closesAt });
    const am = await h.person('AM-head');
    await h.db.transaction().execute(async (trx) => {
      const ballot = await findBallot(trx, ballotId);
      if (!ballot) throw new Error('no ballot');
      await applyVote(
        trx,
        ballot,
        {
          stateCode: 'AM',
          personId: am.id,
          choice: 'for',
          channel: 'telegram',
          reference: null,
          comment: null,
        },
        { personId: am.id, kind: 'telegram' },
        new Date().toISOString(),
      );
    });
    await schedulerAt(addMilliseconds(closesAt, -1_000)).tick();
    expect(await closes(ballotId)).toEqual([]);
    // Two schedulers past the moment, one after the other and at once: one close.
    const late = addMilliseconds(closesAt, 5_000);
    await Promise.all([schedulerAt(late).tick(), schedulerAt(late).tick()]);
    await schedulerAt(late).tick();
    const closed = await closes(ballotId);
    expect(closed).toHaveLength(1);
    expect(closed[0]?.actor_kind).toBe('system');
    const draft = await h.db.selectFrom('drafts').select('status').executeTakeFirstOrThrow();
    // One state of six is no quorum: not adopted.
    expect(draft.status).toBe('rejected');
    // The result is queued once for each linked voter and the secretary (due at the scheduler's moment).
    const results = await h.db
      .selectFrom('outbox')
      .select(['recipient_person_id', 'intent'])
      .where('kind', '=', 'ballot-closed')
      .execute();
    expect(results).toHaveLength(13);
    expect(new Set(results.map((r) => r.recipient_person_id)).size).toBe(13);
    const rendered = await h.runtime.render({
      id: 0,
      recipientPersonId: am.id,
      recipientChatId: null,
      intent: { kind: 'ballot-closed', ballotId },
      attempts: 0,
      priority: 0,
    });
    expect(rendered.ok && rendered.message.text).toContain('Republic of Armenia: For');
    expect(rendered.ok && rendered.message.text).toContain('Not adopted');
  });

  it('waits for an extended close instead of closing at the old time', async () => {
    const now = new Date().toISOString();
    const closesAt = addMilliseconds(now, 60 * 60_000);
    const ballotId = await h.openBallot({ closesAt });
    const later = addMilliseconds(closesAt, 24 * 60 * 60_000);
    await h.db
      .transaction()
      .execute((trx) => extendBallot(trx, ballotId, later, { personId: null, kind: 'system' }, now));
    const kg = await h.person('KG-head');
    const notice = await h.driver.waitFor(() =>
      h.driver.chat(kg.telegramId).messages.find((m) => m.text?.includes('has been extended')),
    );
    expect(notice.buttons.flat()[0]?.callback_data).toBe(`v:${ballotId}:o`);
    await schedulerAt(addMilliseconds(closesAt, 1_000)).tick();
    expect(await closes(ballotId)).toEqual([]);
    await schedulerAt(addMilliseconds(later, 1_000)).tick();
    expect(await closes(ballotId)).toHaveLength(1);
  });
});
