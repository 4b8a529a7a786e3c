import { insertReport, insertReportSubmission, scheduleTask } from '@accord/db';
import { planRemindersTask } from '@accord/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger';
import { createScheduler } from '../scheduler/scheduler';
import { type BotHarness, startBotHarness } from '../testing/harness';
import { planReminders } from './planner';
import { sendDueReminders } from './sender';

const DAY = 24 * 3_600_000;
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

const reminderRows = () => h.db.selectFrom('reminders').selectAll().orderBy('id').execute();
/** Each invitee's own reminders, without the escalations of unanswered notices. */
const ownRows = async () => (await reminderRows()).filter((r) => r.step === 0);
const digestsTo = (telegramId: number) =>
  h.driver.chat(telegramId).messages.filter((m) => m.text?.startsWith('🔔'));

describe('meeting reminders through the scheduler', () => {
  it('plans a week, a day and an hour before for each invitee, and sends each once in a digest at the local hour', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const meetingId = await h.announceMeeting(); // 2099-03-15 07:00 UTC
    await planReminders(h.db, 'meeting', meetingId, clock().toISOString());
    expect(await ownRows()).toHaveLength(13 * 3);
    const kz = await h.person('KZ-head');
    setNow('2099-03-08T04:00:00.000Z'); // 09:00 in Almaty
    const scheduler = createScheduler({
      db: h.db,
      clock,
      logger: createLogger('silent', 'test'),
      sweeps: [({ db, owner, now }) => sendDueReminders(db, owner, now)],
    });
    await scheduler.tick();
    await scheduler.tick();
    const digests = await h.driver.waitFor(
      () => digestsTo(kz.telegramId).length === 1 && digestsTo(kz.telegramId),
    );
    expect(digests[0]?.text).toContain('через неделю');
    expect(
      (await reminderRows())
        .filter((r) => r.recipient_person_id === kz.id && r.state === 'sent')
        .map((r) => r.rule),
    ).toEqual(['meeting-7d']);
    // Moscow's 09:00 is an hour later: the Russian delegation has nothing yet.
    const ru = await h.person('RU-alternate');
    expect(digestsTo(ru.telegramId)).toEqual([]);
  });

  it('moves pending reminders with the meeting, and drops those of someone who cannot attend', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const meetingId = await h.announceMeeting();
    const now = clock().toISOString();
    await planReminders(h.db, 'meeting', meetingId, now);
    const before = await ownRows();
    await h.db
      .updateTable('meetings')
      .set({ starts_at: '2099-03-22T07:00:00.000Z', ends_at: '2099-03-22T10:00:00.000Z' })
      .where('id', '=', meetingId)
      .execute();
    const am = await h.person('AM-head');
    await h.db
      .insertInto('rsvps')
      .values({ meeting_id: meetingId, person_id: am.id, answer: 'no', answered_at: now })
      .execute();
    await planReminders(h.db, 'meeting', meetingId, now);
    const after = await ownRows();
    expect(after).toHaveLength(12 * 3);
    expect(after.some((r) => r.recipient_person_id === am.id)).toBe(false);
    const week = (rows: typeof before) => rows.find((r) => r.rule === 'meeting-7d')?.due_at;
    expect(Date.parse(week(after) ?? '') - Date.parse(week(before) ?? '')).toBe(7 * DAY);
  });

  it('after downtime across two due moments, sends one digest with the fresh reminder and folds the stale one', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const meetingId = await h.announceMeeting();
    await planReminders(h.db, 'meeting', meetingId, clock().toISOString());
    setNow('2099-03-14T12:00:00.000Z'); // the week's and the day's reminders both came due while down
    const scheduler = createScheduler({
      db: h.db,
      clock,
      logger: createLogger('silent', 'test'),
      sweeps: [({ db, owner, now }) => sendDueReminders(db, owner, now)],
    });
    await scheduler.tick();
    const kg = await h.person('KG-head');
    const [digest] = await h.driver.waitFor(
      () => digestsTo(kg.telegramId).length > 0 && digestsTo(kg.telegramId),
    );
    expect(digest?.text).toContain('tomorrow');
    expect(digest?.text).toContain('One earlier reminder came due while Accord was offline');
    const mine = (await ownRows()).filter((r) => r.recipient_person_id === kg.id);
    expect(mine.map((r) => [r.rule, r.state])).toEqual([
      ['meeting-7d', 'folded'],
      ['meeting-1d', 'sent'],
      ['meeting-1h', 'pending'],
    ]);
    await scheduler.tick();
    await new Promise((r) => setTimeout(r, 200));
    expect(digestsTo(kg.telegramId)).toHaveLength(1);
  });

  it('plans again when the scheduler runs the task a change scheduled', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const meetingId = await h.announceMeeting();
    await scheduleTask(h.db, planRemindersTask('meeting', meetingId, clock().toISOString()));
    await h.runtime.scheduler.tick();
    expect((await ownRows()).filter((r) => r.subject_type === 'meeting')).toHaveLength(39);
  });
});

describe('unanswered notices', () => {
  it('climb to each head of delegation about their own delegation, and stop once all have answered', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const meetingId = await h.announceMeeting();
    await planReminders(h.db, 'meeting', meetingId, clock().toISOString());
    const escalations = (await reminderRows()).filter((r) => r.step > 0);
    expect(escalations.map((r) => r.rule).sort()).toEqual([
      ...Array(6).fill('unanswered-1'),
      'unanswered-2',
      'unanswered-3',
    ]);
    setNow('2099-03-12T05:00:00.000Z');
    await sendDueReminders(h.db, 'test', clock().toISOString());
    const head = await h.person('TJ-head');
    const [digest] = await h.driver.waitFor(
      () => digestsTo(head.telegramId).length > 0 && digestsTo(head.telegramId),
    );
    expect(digest?.text).toContain('Фарангис Рахимова');
    expect(digest?.text).not.toContain('Ерлан Жумабаев');
    const now = clock().toISOString();
    const people = await h.db.selectFrom('people').select('id').execute();
    await h.db
      .insertInto('rsvps')
      .values(
        people.map((p) => ({ meeting_id: meetingId, person_id: p.id, answer: 'yes', answered_at: now })),
      )
      .execute();
    await planReminders(h.db, 'meeting', meetingId, now);
    expect((await reminderRows()).filter((r) => r.step > 0 && r.state === 'pending')).toEqual([]);
  });
});

describe('the secretary’s weekly digest and the statute’s rhythm', () => {
  it('reads what is overdue by state and by direction, and warns while meetings fall short of the minimum', async () => {
    setNow('2099-07-01T03:00:00.000Z');
    h = await startBotHarness({ clock });
    const now = clock().toISOString();
    const kz = await h.person('KZ-head');
    const by = await h.person('BY-alternate');
    const { id: groupId } = await h.db
      .insertInto('working_groups')
      .values({ name: 'Standards', mandate: 'm', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const direction = await h.db
      .selectFrom('program_directions')
      .select('id')
      .where('position', '=', 3)
      .executeTakeFirstOrThrow();
    for (const [person, title, directionId] of [
      [kz.id, 'Annex A', direction.id],
      [kz.id, 'Annex B', null],
      [by.id, 'Annex C', direction.id],
    ] as const) {
      await h.db
        .insertInto('tasks')
        .values({
          group_id: groupId,
          title,
          responsible_person_id: person,
          due_date: '2099-06-01',
          status: 'open',
          direction_id: directionId,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const secretary = await h.person('secretary');
    await planReminders(h.db, 'weekly-digest', secretary.id, now);
    await planReminders(h.db, 'commission-year', 2099, now);
    setNow('2099-07-06T06:00:00.000Z'); // Monday 09:00 in Moscow
    await sendDueReminders(h.db, 'test', clock().toISOString());
    const [digest] = await h.driver.waitFor(
      () => digestsTo(secretary.telegramId).length > 0 && digestsTo(secretary.telegramId),
    );
    expect(digest?.text).toContain('просрочены 3 задачи');
    expect(digest?.text).toContain('Республика Казахстан: 2');
    expect(digest?.text).toContain('Республика Беларусь: 1');
    expect(digest?.text).toContain(
      'Согласованная политика унификации и стандартизации вооружения и военной техники: 2',
    );
    expect(digest?.text).toContain('Standards: 1');
    expect(digest?.text).toContain('не менее 2 заседаний');
  });
});

describe('the escalation ladder from the commission’s settings', () => {
  it('plans an overdue task’s escalations with the steps and delays the admin set', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const now = clock().toISOString();
    const member = await h.person('KZ-alternate');
    const { id: groupId } = await h.db
      .insertInto('working_groups')
      .values({ name: 'G', mandate: 'm', created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const { id: taskId } = await h.db
      .insertInto('tasks')
      .values({
        group_id: groupId,
        title: 'T',
        responsible_person_id: member.id,
        due_date: '2099-04-01',
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await h.db
      .updateTable('commission')
      .set({ escalation_ladder: JSON.stringify([{ to: 'secretary', afterDays: 1 }]) })
      .execute();
    await planReminders(h.db, 'task', taskId, now);
    const escalations = (await reminderRows()).filter((r) => r.step > 0);
    const secretary = await h.person('secretary');
    expect(escalations.map((r) => [r.recipient_person_id, r.due_at])).toEqual([
      [secretary.id, '2099-04-03T06:00:00.000Z'],
    ]);
  });
});

describe('ballot reminders', () => {
  it('remind each representative of a state that has not voted a day before the close, and the secretary of who has not', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const ballotId = await h.openBallot({ closesAt: '2099-03-05T12:00:00.000Z' }); // 15:00 in Moscow
    await planReminders(h.db, 'ballot', ballotId, clock().toISOString());
    const planned = await reminderRows();
    expect(planned.filter((r) => r.rule === 'ballot-not-voted')).toHaveLength(12);
    expect(planned.filter((r) => r.rule === 'ballot-summary')).toHaveLength(1);
    // Kazakhstan votes: its two representatives hear no more; the others still do.
    const kz = await h.person('KZ-head');
    const ballot = await h.driver.waitFor(() =>
      h.driver
        .chat(kz.telegramId)
        .messages.find((m) => m.buttons.flat().some((b) => b.callback_data === `v:${ballotId}:f`)),
    );
    h.driver.pressButton(kz.telegramId, kz.telegramId, ballot.message_id, `v:${ballotId}:f`);
    await h.eventually(async () => (await h.db.selectFrom('votes').select('id').execute()).length === 1);
    await planReminders(h.db, 'ballot', ballotId, clock().toISOString());
    const pending = (await reminderRows()).filter((r) => r.state === 'pending');
    expect(pending.filter((r) => r.rule === 'ballot-not-voted')).toHaveLength(10);
    setNow('2099-03-04T12:00:00.000Z');
    const scheduler = createScheduler({
      db: h.db,
      clock,
      logger: createLogger('silent', 'test'),
      sweeps: [({ db, owner, now }) => sendDueReminders(db, owner, now)],
    });
    await scheduler.tick();
    const tj = await h.person('TJ-head');
    const secretary = await h.person('secretary');
    const toTj = await h.driver.waitFor(() => digestsTo(tj.telegramId)[0]);
    expect(toTj.text).toContain('Ваше государство не проголосовало');
    const toSecretary = await h.driver.waitFor(() => digestsTo(secretary.telegramId)[0]);
    expect(toSecretary.text).toContain('Ещё не проголосовали');
    expect(toSecretary.text).not.toContain('Казахстан');
    expect(toSecretary.text).toContain('Таджикистан');
    expect(digestsTo(kz.telegramId)).toEqual([]);
  });
});

describe('the annual report’s due date', () => {
  it('reminds the secretaries until the report’s submission is recorded, then no more', async () => {
    setNow('2099-03-01T06:00:00.000Z');
    h = await startBotHarness({ clock });
    const now = clock().toISOString();
    const annual = async () =>
      (await reminderRows()).filter((r) => r.subject_type === 'annual-report' && r.state === 'pending');
    await planReminders(h.db, 'annual-report', 2099, now);
    expect((await annual()).map((r) => r.rule)).toContain('report-due-30d');

    const secretary = await h.person('secretary');
    const reportId = await insertReport(h.db, 2099, [], secretary.id, now);
    if (reportId === null) throw new Error('the report exists already');
    await insertReportSubmission(
      h.db,
      { reportId, reportVersion: 1, submittedOn: '2099-02-28', referenceNumber: 'No. 17/2099' },
      secretary.id,
      now,
    );
    await planReminders(h.db, 'annual-report', 2099, now);
    expect(await annual()).toEqual([]);
  });
});
