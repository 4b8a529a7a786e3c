import { appendResponse, insertBallot, insertDraft, recordDecision } from '@accord/db';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../testing/harness';
import { planAllReminders, planReminders } from './planner';
import { sendDueReminders } from './sender';

// The clock runs at real speed from a chosen moment, so pacing delays (in real time) still pass.
let offsetMs = 0;
const setNow = (iso: string) => {
  offsetMs = Date.parse(iso) - Date.now();
};
const clock = () => new Date(Date.now() + offsetMs);
let h: BotHarness;
afterEach(async () => {
  await h?.close();
});

const responseRows = () =>
  h.db
    .selectFrom('reminders')
    .selectAll()
    .where('subject_type', '=', 'decision-response')
    .orderBy('id')
    .execute();
const digestsTo = (telegramId: number) =>
  h.driver.chat(telegramId).messages.filter((m) => m.text?.startsWith('🔔'));

/** A decision adopted at `now`, entered in the register as the ballot's close does. */
async function adoptDecision(now: string): Promise<number> {
  const secretary = await h.person('secretary');
  return h.db.transaction().execute(async (trx) => {
    const draftId = await insertDraft(
      trx,
      {
        kind: 'decision',
        title: 'On joint ventures <&>',
        text: 'Article 1.',
        directionIds: [],
        agendaItemId: null,
      },
      secretary.id,
      now,
    );
    const ballotId = await insertBallot(
      trx,
      {
        draftId,
        draftVersion: 1,
        rule: { kind: 'consensus' },
        quorum: { numerator: 2, denominator: 3 },
        eligibleStates: ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'],
        opensAt: now,
        closesAt: now,
        timeZone: 'Europe/Moscow',
        resultsHidden: false,
        reminderLeadMs: 24 * 3_600_000,
      },
      secretary.id,
      now,
    );
    return (await recordDecision(trx, { draftId, ballotId, adoptedAt: now })).id;
  });
}

describe('reminders about governments’ responses to a decision', () => {
  it('reach each head of delegation while the response is outstanding, and stop for a state once it is accepted', async () => {
    setNow('2099-03-10T09:00:00.000Z');
    h = await startBotHarness({ clock });
    const decisionId = await adoptDecision(clock().toISOString());
    // The adoption scheduled the planning: the scheduler runs it.
    await h.runtime.scheduler.tick();
    const kz = await h.person('KZ-head');
    const by = await h.person('BY-head');
    const planned = await responseRows();
    expect(planned).toHaveLength(6); // one head per state; Russia's is the chairman
    expect(planned.find((r) => r.recipient_person_id === kz.id)).toMatchObject({
      due_at: '2099-03-24T04:00:00.000Z', // two weeks on, 09:00 in Almaty
      rule: 'response-outstanding:KZ',
      state: 'pending',
    });

    setNow('2099-03-24T06:00:00.000Z');
    await sendDueReminders(h.db, 'test', clock().toISOString());
    const [digest] = await h.driver.waitFor(
      () => digestsTo(kz.telegramId).length > 0 && digestsTo(kz.telegramId),
    );
    expect(digest?.text).toContain('Решение № 1/2099 «On joint ventures <&>» от 10 марта 2099');
    expect(digest?.text).toContain('Республика Казахстан — ответ правительства ещё не зарегистрирован');

    const am = await h.person('AM-head');
    const [english] = await h.driver.waitFor(
      () => digestsTo(am.telegramId).length > 0 && digestsTo(am.telegramId),
    );
    expect(english?.text).toContain(
      'Decision 1/2099 «On joint ventures <&>», adopted on 10 March 2099: Republic of Armenia — no response',
    );

    // Kazakhstan's government accepts it; the change plans the decision's reminders again.
    const secretary = await h.person('secretary');
    const now = clock().toISOString();
    await appendResponse(
      h.db,
      { decisionId, stateCode: 'KZ', status: 'accepted', date: '2099-03-24', note: '', correction: false },
      secretary.id,
      now,
    );
    await planReminders(h.db, 'decision-response', decisionId, now);
    // The next day's hourly planning finds each outstanding state's next reminder.
    setNow('2099-03-25T06:00:00.000Z');
    await planAllReminders(h.db, clock().toISOString());
    const pending = (await responseRows()).filter((r) => r.state === 'pending');
    expect(pending.some((r) => r.recipient_person_id === kz.id)).toBe(false);
    expect(pending.find((r) => r.recipient_person_id === by.id)?.due_at).toBe('2099-04-07T06:00:00.000Z');

    // A fortnight later Belarus is reminded again; Kazakhstan is not.
    setNow('2099-04-07T08:00:00.000Z');
    await planAllReminders(h.db, clock().toISOString());
    await sendDueReminders(h.db, 'test', clock().toISOString());
    await h.driver.waitFor(() => digestsTo(by.telegramId).length === 2);
    await new Promise((r) => setTimeout(r, 200));
    expect(digestsTo(kz.telegramId)).toHaveLength(1);
  });
});
