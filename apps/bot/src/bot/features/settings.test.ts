import { insertTask, insertWorkingGroup } from '@accord/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatZone } from '../../format';
import { planReminders } from '../../reminders/planner';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const botMessages = (chatId: number) => h.driver.chat(chatId).messages.filter((m) => m.from === 'bot');

/** Sends /settings and waits for the panel (the newest bot message with buttons). */
async function openSettings(chatId: number) {
  const before = botMessages(chatId).length;
  h.driver.sendCommand(chatId, '/settings');
  return h.driver.waitFor(() => {
    const fresh = botMessages(chatId).slice(before);
    return fresh.find((m) => m.buttons.length > 0);
  });
}

/**
 * Presses a button of the panel and returns the answer to the press. The press is answered
 * before the change is saved; wait for the panel's edit (after the save) before reading the database.
 */
async function press(chatId: number, messageId: number, data: string) {
  const { callbackQueryId } = h.driver.pressButton(chatId, chatId, messageId, data);
  return h.driver.waitFor(() => h.driver.callbackAnswer(callbackQueryId));
}

/** The panel once its text includes `text` (after an edit). */
const panelShowing = (chatId: number, messageId: number, text: string) =>
  h.driver.waitFor(() => {
    const m = h.driver.chat(chatId).messages.find((x) => x.message_id === messageId);
    return m?.text?.includes(text) ? m : undefined;
  });

const personRow = (id: number) =>
  h.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const settingsAudits = (id: number) =>
  h.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'person.settings')
    .where('record_id', '=', String(id))
    .orderBy('id')
    .execute();
const buttonData = (panel: { buttons: { callback_data?: string }[][] }) =>
  panel.buttons.flat().map((b) => b.callback_data);

/**
 * Waits until the bot has sent `count` messages after the first `before` in the chat; patiently,
 * since the sandbox paces a private chat at one message a second, as Telegram does.
 */
const replies = (chatId: number, before: number, count = 1) =>
  h.driver.waitFor(() => {
    const fresh = botMessages(chatId).slice(before);
    return fresh.length >= count ? fresh : undefined;
  }, 10_000);

describe('/settings', () => {
  it('shows the current settings with their buttons, in the person’s language', async () => {
    const kz = await h.person('KZ-head');
    const panel = await openSettings(kz.telegramId);
    const now = new Date().toISOString();
    expect(panel.text).toContain('Ваши настройки');
    expect(panel.text).toContain('Язык: Русский');
    expect(panel.text).toContain(`Часовой пояс: ${formatZone('Asia/Almaty', now)}`);
    expect(panel.text).toContain('Рабочие часы: 09:00–20:00');
    expect(panel.text).toContain('Тихие часы: 22:00–07:00');
    expect(panel.text).toContain('Напоминания о заседаниях: включены');
    expect(panel.text).toContain('Напоминания о сроках задач: включены');
    expect(panel.text).toContain('Голосования, согласования и эскалации приходят всегда');
    const labels = panel.buttons.flat().map((b) => b.text);
    expect(labels).toEqual(
      expect.arrayContaining([
        '✓ Русский',
        'English',
        '✓ Алматы',
        'Ереван',
        'Минск',
        'Бишкек',
        'Москва',
        'Душанбе',
        'UTC',
        'Другой…',
        '💼 08:00–18:00',
        '✓ 💼 09:00–20:00',
        '✓ 🌙 22:00–07:00',
        '🔕 Отключить напоминания о заседаниях',
        '🔕 Отключить напоминания о сроках',
      ]),
    );
    for (const data of buttonData(panel))
      expect(new TextEncoder().encode(data).length).toBeLessThanOrEqual(64);
  });

  it('tells someone it does not know that it does not know them, and their presses do nothing', async () => {
    h.driver.addUser({ id: 990_001, first_name: 'Stranger', language_code: 'en' });
    h.driver.sendCommand(990_001, '/settings');
    const reply = await h.driver.waitFor(() => h.driver.lastBotMessage(990_001));
    expect(reply.text).toBe("I do not know you yet. Ask the commission's secretary for an invitation link.");
    expect(reply.buttons).toEqual([]);
    const forged = h.driver.forgeCallback(990_001, 990_001, reply.message_id, 's:l:ru');
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(forged.callbackQueryId)))?.text).toBe(
      'This button is not meant for you.',
    );
  });
});

describe('changing the language', () => {
  it('saves it, audits it and shows the panel again in the new language', async () => {
    const kz = await h.person('KZ-head');
    const panel = await openSettings(kz.telegramId);
    expect((await press(kz.telegramId, panel.message_id, 's:l:en'))?.text).toBe('Saved.');
    const english = await panelShowing(kz.telegramId, panel.message_id, 'Your settings');
    expect(english.text).toContain('Language: English');
    expect(english.text).toContain('Working hours: 09:00–20:00');
    expect(english.buttons.flat().map((b) => b.text)).toEqual(
      expect.arrayContaining(['✓ English', '✓ Almaty']),
    );
    expect((await personRow(kz.id)).language).toBe('en');

    expect((await press(kz.telegramId, panel.message_id, 's:l:ru'))?.text).toBe('Сохранено.');
    const russian = await panelShowing(kz.telegramId, panel.message_id, 'Ваши настройки');
    expect(russian.text).toContain('Язык: Русский');
    expect((await personRow(kz.id)).language).toBe('ru');

    const edits = h.driver.calls({ method: 'editMessageText' }).length;
    expect((await press(kz.telegramId, panel.message_id, 's:l:ru'))?.text).toBe('Эта настройка уже выбрана.');
    expect(h.driver.calls({ method: 'editMessageText' })).toHaveLength(edits);

    const audits = await settingsAudits(kz.id);
    expect(audits.map((a) => [JSON.parse(a.before ?? 'null'), JSON.parse(a.after ?? 'null')])).toEqual([
      [{ language: 'ru' }, { language: 'en' }],
      [{ language: 'en' }, { language: 'ru' }],
    ]);
    expect(audits[0]).toEqual(expect.objectContaining({ actor_person_id: kz.id, actor_kind: 'telegram' }));
    // Texts are made at send time in the reader's language: nothing needs planning again.
    expect(await h.db.selectFrom('scheduled_tasks').selectAll().execute()).toEqual([]);
  });
});

describe('zone and hours', () => {
  it('saves a zone and hours, audits each change and plans the person’s items again', async () => {
    const by = await h.person('BY-head');
    const meetingId = await h.announceMeeting();
    const now = new Date().toISOString();
    const taskId = await h.db.transaction().execute(async (trx) => {
      const groupId = await insertWorkingGroup(
        trx,
        {
          name: 'Standards',
          mandate: 'Common standards',
          leadPersonId: by.id,
          memberIds: [by.id],
          groupChatId: null,
        },
        now,
      );
      return insertTask(
        trx,
        { groupId, title: 'Draft', description: '', responsiblePersonId: by.id, dueDate: '2099-06-01' },
        now,
      );
    });
    await h.db.deleteFrom('scheduled_tasks').execute();

    const panel = await openSettings(by.telegramId);
    expect((await press(by.telegramId, panel.message_id, 's:z:Asia/Dushanbe'))?.text).toBe('Сохранено.');
    await panelShowing(by.telegramId, panel.message_id, 'Asia/Dushanbe');
    expect((await press(by.telegramId, panel.message_id, 's:w:0800-1800'))?.text).toBe('Сохранено.');
    await panelShowing(by.telegramId, panel.message_id, 'Рабочие часы: 08:00–18:00');
    expect((await press(by.telegramId, panel.message_id, 's:q:2100-0800'))?.text).toBe('Сохранено.');
    const shown = await panelShowing(by.telegramId, panel.message_id, 'Тихие часы: 21:00–08:00');
    expect(shown.buttons.flat().map((b) => b.text)).toEqual(
      expect.arrayContaining(['✓ Душанбе', '✓ 💼 08:00–18:00', '✓ 🌙 21:00–08:00']),
    );

    expect(await personRow(by.id)).toEqual(
      expect.objectContaining({
        time_zone: 'Asia/Dushanbe',
        work_start: '08:00',
        work_end: '18:00',
        quiet_start: '21:00',
        quiet_end: '08:00',
      }),
    );
    const audits = await settingsAudits(by.id);
    expect(audits.map((a) => [JSON.parse(a.before ?? 'null'), JSON.parse(a.after ?? 'null')])).toEqual([
      [{ timeZone: 'Europe/Minsk' }, { timeZone: 'Asia/Dushanbe' }],
      [
        { workStart: '09:00', workEnd: '20:00' },
        { workStart: '08:00', workEnd: '18:00' },
      ],
      [
        { quietStart: '22:00', quietEnd: '07:00' },
        { quietStart: '21:00', quietEnd: '08:00' },
      ],
    ]);
    const tasks = await h.db.selectFrom('scheduled_tasks').selectAll().orderBy('task_key').execute();
    expect(tasks.map((t) => [t.kind, t.task_key, JSON.parse(t.payload), t.state])).toEqual([
      [
        'plan-reminders',
        `plan-reminders:meeting:${meetingId}`,
        { subjectType: 'meeting', subjectId: meetingId },
        'pending',
      ],
      [
        'plan-reminders',
        `plan-reminders:task:${taskId}`,
        { subjectType: 'task', subjectId: taskId },
        'pending',
      ],
    ]);
  });

  it('refuses working and quiet hours that overlap, saving nothing', async () => {
    const tj = await h.person('TJ-head');
    await h.db
      .updateTable('people')
      .set({ work_start: '07:00', work_end: '21:30' })
      .where('id', '=', tj.id)
      .execute();
    const panel = await openSettings(tj.telegramId);
    const answer = await press(tj.telegramId, panel.message_id, 's:q:2100-0800');
    expect(answer).toEqual({
      text: 'Рабочие часы 07:00–21:30 пересекаются с тихими часами 21:00–08:00. Выберите часы, которые не пересекаются.',
      show_alert: true,
    });
    expect(await personRow(tj.id)).toEqual(
      expect.objectContaining({ quiet_start: '22:00', quiet_end: '07:00' }),
    );
    expect(await settingsAudits(tj.id)).toEqual([]);
    // Other changes still go through: the rule holds for the hours being changed.
    expect((await press(tj.telegramId, panel.message_id, 's:w:0900-1800'))?.text).toBe('Сохранено.');
    await panelShowing(tj.telegramId, panel.message_id, 'Рабочие часы: 09:00–18:00');
    expect((await press(tj.telegramId, panel.message_id, 's:q:2100-0800'))?.text).toBe('Сохранено.');
    await panelShowing(tj.telegramId, panel.message_id, 'Тихие часы: 21:00–08:00');
    expect(await settingsAudits(tj.id)).toHaveLength(2);
  });

  it('takes a typed zone after “Other…”, refusing one that does not exist, until it is right', async () => {
    const am = await h.person('AM-head');
    const panel = await openSettings(am.telegramId);
    let before = botMessages(am.telegramId).length;
    expect((await press(am.telegramId, panel.message_id, 's:zo'))?.text).toBe(
      "Type the zone's name in the chat.",
    );
    expect((await replies(am.telegramId, before))[0]?.text).toContain('Europe/Moscow or Asia/Tashkent');

    before = botMessages(am.telegramId).length;
    h.driver.sendText(am.telegramId, 'Mars/Olympus');
    expect((await replies(am.telegramId, before))[0]?.text).toBe(
      '“Mars/Olympus” is not a time zone I know. Type a name like Europe/Moscow or Asia/Almaty, or send “cancel”.',
    );
    expect((await personRow(am.id)).time_zone).toBe('Asia/Yerevan');

    before = botMessages(am.telegramId).length;
    h.driver.sendText(am.telegramId, 'asia/tashkent');
    const [saved, fresh] = await replies(am.telegramId, before, 2);
    expect(saved?.text).toBe(`Time zone saved: ${formatZone('Asia/Tashkent', new Date().toISOString())}.`);
    expect(fresh?.text).toContain('Time zone: Asia/Tashkent');
    expect(fresh?.buttons.length).toBeGreaterThan(0);
    expect((await personRow(am.id)).time_zone).toBe('Asia/Tashkent');
    expect(await settingsAudits(am.id)).toHaveLength(1);

    // The question is over: the next text is an ordinary message again.
    before = botMessages(am.telegramId).length;
    h.driver.sendText(am.telegramId, 'Europe/Moscow');
    expect((await replies(am.telegramId, before))[0]?.text).toContain('I do not know that command');
    expect((await personRow(am.id)).time_zone).toBe('Asia/Tashkent');
  });

  it('stops asking for a zone on “cancel”', async () => {
    const kz = await h.person('KZ-alternate');
    const panel = await openSettings(kz.telegramId);
    const beforePrompt = botMessages(kz.telegramId).length;
    await press(kz.telegramId, panel.message_id, 's:zo');
    await replies(kz.telegramId, beforePrompt);
    const before = botMessages(kz.telegramId).length;
    h.driver.sendText(kz.telegramId, 'Отмена');
    expect((await replies(kz.telegramId, before))[0]?.text).toBe('Часовой пояс остался прежним.');
    expect((await personRow(kz.id)).time_zone).toBe('Asia/Almaty');
    expect(await settingsAudits(kz.id)).toEqual([]);
  });
});

describe('optional reminders', () => {
  it('turns meeting reminders off for the person, and planning then leaves them out', async () => {
    const meetingId = await h.announceMeeting();
    const kg = await h.person('KG-head');
    const other = await h.person('KG-alternate');
    const panel = await openSettings(kg.telegramId);
    expect(buttonData(panel)).toContain('s:r:meeting:0');
    expect((await press(kg.telegramId, panel.message_id, 's:r:meeting:0'))?.text).toBe('Saved.');
    const shown = await panelShowing(kg.telegramId, panel.message_id, 'Meeting reminders: off');
    expect(shown.text).toContain('Deadline reminders: on');
    expect(buttonData(shown)).toEqual(expect.arrayContaining(['s:r:meeting:1', 's:r:deadline:0']));
    expect(JSON.parse((await personRow(kg.id)).reminder_opt_out)).toEqual(['meeting']);
    expect(await settingsAudits(kg.id)).toEqual([
      expect.objectContaining({
        before: JSON.stringify({ optedOut: [] }),
        after: JSON.stringify({ optedOut: ['meeting'] }),
      }),
    ]);

    const now = new Date().toISOString();
    await planReminders(h.db, 'meeting', meetingId, now);
    const planned = await h.db
      .selectFrom('reminders')
      .selectAll()
      .where('subject_id', '=', meetingId)
      .execute();
    const meetingLeads = (personId: number) =>
      planned.filter((r) => r.recipient_person_id === personId && r.rule.startsWith('meeting-'));
    expect(meetingLeads(kg.id)).toEqual([]);
    expect(meetingLeads(other.id).length).toBeGreaterThan(0);
    // What cannot be turned off still comes: as head of delegation they hear of unanswered notices.
    expect(planned.filter((r) => r.recipient_person_id === kg.id).every((r) => r.step > 0)).toBe(true);

    // A "turn off" pressed again on an older panel changes nothing.
    const stale = h.driver.forgeCallback(kg.telegramId, kg.telegramId, panel.message_id, 's:r:meeting:0');
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(stale.callbackQueryId)))?.text).toBe(
      'That is already your setting.',
    );
    expect(await settingsAudits(kg.id)).toHaveLength(1);

    // Turning them on again brings them back at the next planning.
    expect((await press(kg.telegramId, panel.message_id, 's:r:meeting:1'))?.text).toBe('Saved.');
    await panelShowing(kg.telegramId, panel.message_id, 'Meeting reminders: on');
    expect(JSON.parse((await personRow(kg.id)).reminder_opt_out)).toEqual([]);
    await planReminders(h.db, 'meeting', meetingId, now);
    const again = await h.db
      .selectFrom('reminders')
      .selectAll()
      .where('recipient_person_id', '=', kg.id)
      .where('rule', 'like', 'meeting-%')
      .execute();
    expect(again.length).toBeGreaterThan(0);
  });
});

describe('forged and misplaced presses', () => {
  it('refuses a forged settings payload and a press outside the private chat, changing nothing', async () => {
    const kz = await h.person('KZ-head');
    const panel = await openSettings(kz.telegramId);
    for (const data of [
      's:z:Mars/Olympus',
      's:w:0900-0900',
      's:l:de',
      's:r:ballot:0',
      's:q:2500-0700',
      's:',
    ]) {
      const forged = h.driver.forgeCallback(kz.telegramId, kz.telegramId, panel.message_id, data);
      expect((await h.driver.waitFor(() => h.driver.callbackAnswer(forged.callbackQueryId)))?.text).toBe(
        'Эта кнопка недействительна.',
      );
    }
    h.driver.addGroup({ id: -100700, title: 'Commission', memberIds: [kz.telegramId] });
    const inGroup = h.driver.sendText(kz.telegramId, 'hello', { chatId: -100700 });
    const groupPress = h.driver.forgeCallback(kz.telegramId, -100700, inGroup.message_id, 's:l:en');
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(groupPress.callbackQueryId)))?.text).toBe(
      'Ответьте, пожалуйста, в личном чате с ботом.',
    );
    expect(await personRow(kz.id)).toEqual(
      expect.objectContaining({ language: 'ru', time_zone: 'Asia/Almaty', reminder_opt_out: '[]' }),
    );
    expect(await settingsAudits(kz.id)).toEqual([]);
  });
});
