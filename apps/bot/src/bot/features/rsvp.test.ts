import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BotHarness, startBotHarness } from '../../testing/harness';

let h: BotHarness;
beforeEach(async () => {
  h = await startBotHarness();
});
afterEach(() => h.close());

const noticeIn = (chatId: number) =>
  h.driver.waitFor(() =>
    h.driver.chat(chatId).messages.find((m) => m.from === 'bot' && m.buttons.length > 0),
  );
const rsvps = () => h.db.selectFrom('rsvps').selectAll().execute();

describe('answering a meeting notice', () => {
  it('records the answer, answers the press, and edits the message to show the choice', async () => {
    const meetingId = await h.announceMeeting();
    const kz = await h.person('KZ-head');
    const notice = await noticeIn(kz.telegramId);
    expect(notice.text).toContain('Извещение о заседании');
    const { callbackQueryId } = h.driver.pressButton(
      kz.telegramId,
      kz.telegramId,
      notice.message_id,
      `r:${meetingId}:y`,
    );
    expect(await h.driver.waitFor(() => h.driver.callbackAnswer(callbackQueryId))).toEqual(
      expect.objectContaining({ text: 'Записано: вы будете участвовать.' }),
    );
    const edited = await h.driver.waitFor(() => {
      const m = h.driver.chat(kz.telegramId).messages.find((x) => x.message_id === notice.message_id);
      return m?.edited ? m : undefined;
    });
    expect(edited.text).toContain('Ваш ответ: буду участвовать');
    expect(await rsvps()).toEqual([
      expect.objectContaining({ meeting_id: meetingId, person_id: kz.id, answer: 'yes' }),
    ]);
  });

  it('lets the answer change, and a second press of the same answer changes nothing', async () => {
    const meetingId = await h.announceMeeting();
    const am = await h.person('AM-head');
    const notice = await noticeIn(am.telegramId);
    const first = h.driver.pressButton(am.telegramId, am.telegramId, notice.message_id, `r:${meetingId}:y`);
    await h.driver.waitFor(() => h.driver.callbackAnswer(first.callbackQueryId));
    const change = h.driver.pressButton(am.telegramId, am.telegramId, notice.message_id, `r:${meetingId}:n`);
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(change.callbackQueryId)))?.text).toBe(
      'Recorded: you cannot attend.',
    );
    const again = h.driver.pressButton(am.telegramId, am.telegramId, notice.message_id, `r:${meetingId}:n`);
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(again.callbackQueryId)))?.text).toBe(
      'Your answer is already recorded.',
    );
    expect((await rsvps()).map((r) => r.answer)).toEqual(['no']);
    const audits = await h.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'meeting.rsvp')
      .execute();
    expect(audits).toHaveLength(2);
  });

  it('handles a replayed update once', async () => {
    const meetingId = await h.announceMeeting();
    const by = await h.person('BY-head');
    const notice = await noticeIn(by.telegramId);
    const press = h.driver.pressButton(by.telegramId, by.telegramId, notice.message_id, `r:${meetingId}:y`);
    await h.driver.waitFor(() => h.driver.callbackAnswer(press.callbackQueryId));
    h.driver.replayUpdate(press.update_id);
    h.driver.sendCommand(by.telegramId, '/help');
    await h.driver.waitFor(() => h.driver.lastBotMessage(by.telegramId)?.text?.includes('/meetings'));
    const answers = h.driver.calls({ method: 'answerCallbackQuery' });
    expect(answers).toHaveLength(1);
    expect(
      await h.db.selectFrom('audit_events').selectAll().where('action', '=', 'meeting.rsvp').execute(),
    ).toHaveLength(1);
  });

  it('refuses a forged payload, an ineligible presser and a press in a group, changing nothing', async () => {
    const meetingId = await h.announceMeeting();
    const kg = await h.person('KG-head');
    const notice = await noticeIn(kg.telegramId);
    const forged = h.driver.forgeCallback(kg.telegramId, kg.telegramId, notice.message_id, 'r:abc:yes');
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(forged.callbackQueryId)))?.text).toBe(
      'This button is not valid.',
    );
    const observer = await h.person('observer');
    h.driver.sendCommand(observer.telegramId, '/help');
    const own = await h.driver.waitFor(() => h.driver.lastBotMessage(observer.telegramId));
    const ineligible = h.driver.forgeCallback(
      observer.telegramId,
      observer.telegramId,
      own.message_id,
      `r:${meetingId}:y`,
    );
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(ineligible.callbackQueryId)))?.text).toBe(
      'This button is not meant for you.',
    );
    h.driver.addGroup({ id: -100500, title: 'Commission', memberIds: [kg.telegramId] });
    const inGroup = h.driver.sendText(kg.telegramId, 'hello', { chatId: -100500 });
    const groupPress = h.driver.forgeCallback(kg.telegramId, -100500, inGroup.message_id, `r:${meetingId}:y`);
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(groupPress.callbackQueryId)))?.text).toBe(
      'Please answer in your private chat with the bot.',
    );
    expect(await rsvps()).toEqual([]);
  });

  it('refuses an answer to a cancelled meeting', async () => {
    const meetingId = await h.announceMeeting();
    const ru = await h.person('RU-alternate');
    const notice = await noticeIn(ru.telegramId);
    await h.db.updateTable('meetings').set({ status: 'cancelled' }).where('id', '=', meetingId).execute();
    const press = h.driver.pressButton(ru.telegramId, ru.telegramId, notice.message_id, `r:${meetingId}:y`);
    expect((await h.driver.waitFor(() => h.driver.callbackAnswer(press.callbackQueryId)))?.text).toBe(
      'Это заседание отменено.',
    );
    expect(await rsvps()).toEqual([]);
  });

  it('sends the calendar file on request', async () => {
    const meetingId = await h.announceMeeting();
    const kz = await h.person('KZ-head');
    const notice = await noticeIn(kz.telegramId);
    h.driver.pressButton(kz.telegramId, kz.telegramId, notice.message_id, `ics:${meetingId}`);
    const doc = await h.driver.waitFor(
      () => h.driver.chat(kz.telegramId).messages.find((m) => m.document)?.document,
    );
    expect(doc.file_name).toBe(`meeting-${meetingId}.ics`);
    expect(doc.content.toString('utf8')).toContain('BEGIN:VEVENT');
  });
});

describe('/meetings', () => {
  it('lists upcoming meetings in the reader’s zone and language with their answer', async () => {
    await h.announceMeeting();
    const am = await h.person('AM-head');
    h.driver.sendCommand(am.telegramId, '/meetings');
    const text = await h.driver.waitFor(
      () =>
        h.driver
          .chat(am.telegramId)
          .messages.filter((m) => m.from === 'bot')
          .find((m) => m.text?.includes('Upcoming'))?.text,
    );
    expect(text).toContain('Regular session');
    expect(text).toContain('Asia/Yerevan, UTC+4');
    expect(text).toContain('11:00 – 14:00');
    expect(text).toContain('not given yet');
  });
});
