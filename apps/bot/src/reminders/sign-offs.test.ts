import { answerSignOff, findPersonById, insertReport, loadReportRecords, sendForSignOff } from '@accord/db';
import { assembleReport, composeSections } from '@accord/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../testing/harness';
import { planReminders } from './planner';
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

const signOffReminders = () =>
  h.db
    .selectFrom('reminders')
    .select(['rule', 'recipient_person_id', 'due_at', 'state'])
    .where('subject_type', '=', 'sign-off')
    .orderBy('due_at')
    .orderBy('id')
    .execute();
const digestsTo = (telegramId: number) =>
  h.driver.chat(telegramId).messages.filter((m) => m.text?.startsWith('🔔'));

/** The 2027 report assembled and sent for approval on Monday 1 March 2027, 09:00 in Moscow. */
async function requestApproval(): Promise<number> {
  const at = clock().toISOString();
  const secretary = await h.person('secretary');
  const sections = composeSections(assembleReport(await loadReportRecords(h.db, 2027, 'Europe/Moscow'), at));
  return h.db.transaction().execute(async (trx) => {
    const reportId = (await insertReport(trx, 2027, sections, secretary.id, at)) ?? 0;
    const sent = await sendForSignOff(
      trx,
      'report',
      reportId,
      { personId: secretary.id, kind: 'person' },
      at,
    );
    if (!sent.ok) throw new Error(sent.error);
    return sent.value.signOffId;
  });
}

describe('reminders of an unanswered sign-off', () => {
  it('reminds the chairman twice, then tells the secretary; an answer drops what is left', async () => {
    setNow('2027-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const chairman = await h.person('RU-head');
    const secretary = await h.person('secretary');
    const signOffId = await requestApproval();
    await planReminders(h.db, 'sign-off', signOffId, clock().toISOString());
    expect((await signOffReminders()).map((r) => [r.rule, r.recipient_person_id, r.due_at])).toEqual([
      ['sign-off-1', chairman.id, '2027-03-03T06:00:00.000Z'],
      ['sign-off-2', chairman.id, '2027-03-05T06:00:00.000Z'],
      ['sign-off-escalation', secretary.id, '2027-03-07T06:00:00.000Z'],
    ]);

    setNow('2027-03-03T06:00:00.000Z');
    await sendDueReminders(h.db, 'test', clock().toISOString());
    const [digest] = await h.driver.waitFor(
      () => digestsTo(chairman.telegramId).length > 0 && digestsTo(chairman.telegramId),
    );
    expect(digest?.text).toContain(
      'Ежегодный доклад за 2027 год (версия 1) ждёт вашего утверждения с 1 марта 2027',
    );

    const person = await findPersonById(h.db, chairman.id);
    if (!person) throw new Error('no chairman');
    await h.db
      .transaction()
      .execute((trx) =>
        answerSignOff(
          trx,
          signOffId,
          { kind: 'approve', version: 1 },
          { person, kind: 'telegram' },
          clock().toISOString(),
        ),
      );
    await planReminders(h.db, 'sign-off', signOffId, clock().toISOString());
    expect((await signOffReminders()).map((r) => [r.rule, r.state])).toEqual([['sign-off-1', 'sent']]);
  });
});
