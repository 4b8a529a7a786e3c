import { findMeetingById, findRsvp, recordAudit, scheduleTask, upsertRsvp } from '@accord/db';
import { can, decideRsvp, decodeCallback, planRemindersTask } from '@accord/domain';
import { Composer, InputFile } from 'grammy';
import { meetingCalendarFile } from '../../calendar';
import { renderMeetingMessage } from '../../render/meeting-message';
import { isMessageNotModified } from '../../telegram-errors';
import type { BotContext } from '../context';

/** Buttons under a meeting notice: attend, decline, and the calendar file. */
export const rsvpFeature = new Composer<BotContext>();

// Only meeting buttons; any other payload goes on to the feature it belongs to (or the fallback).
rsvpFeature.callbackQuery(/^(r|ics):/, async (ctx) => {
  const action = decodeCallback(ctx.callbackQuery.data);
  if (!action) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-invalid') });
    return;
  }
  const chat = ctx.callbackQuery.message?.chat;
  if (chat?.type !== 'private') {
    await ctx.answerCallbackQuery({ text: ctx.t('button-in-private') });
    return;
  }
  // A button acts only for the person whose private chat it is in.
  const person = ctx.person;
  if (!person || chat.id !== ctx.from.id || !can(person.roles, 'meetings.rsvp')) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-not-for-you') });
    return;
  }
  const { db } = ctx.deps;
  const meeting = await findMeetingById(db, action.meetingId);
  if (!meeting) {
    await ctx.answerCallbackQuery({ text: ctx.t('rsvp-unknown-meeting') });
    return;
  }
  if (action.kind === 'ics') {
    await ctx.answerCallbackQuery({ text: ctx.t('calendar-sent') });
    const file = meetingCalendarFile(meeting, 'accord');
    await ctx.replyWithDocument(new InputFile(Buffer.from(file, 'utf8'), `meeting-${meeting.id}.ics`));
    return;
  }
  const now = ctx.now();
  const decision = decideRsvp(meeting, now);
  if (!decision.ok) {
    await ctx.answerCallbackQuery({ text: ctx.t(`rsvp-${decision.error}`) });
    return;
  }
  const previous = (await findRsvp(db, meeting.id, person.id)) ?? null;
  if (previous === action.answer) {
    await ctx.answerCallbackQuery({ text: ctx.t('rsvp-unchanged') });
    return;
  }
  await db.transaction().execute(async (trx) => {
    await upsertRsvp(trx, meeting.id, person.id, action.answer, now);
    // Someone who cannot attend gets no more reminders of it; someone who changed their mind does again.
    await scheduleTask(trx, planRemindersTask('meeting', meeting.id, now));
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'meeting.rsvp',
      recordType: 'meeting',
      recordId: meeting.id,
      before: { personId: person.id, answer: previous },
      after: { personId: person.id, answer: action.answer },
    });
  });
  await ctx.answerCallbackQuery({ text: ctx.t(`rsvp-recorded-${action.answer}`) });
  const rendered = renderMeetingMessage(
    ctx.deps.t,
    meeting,
    meeting.version > 1 ? 'updated' : 'new',
    { language: person.language, timeZone: person.timeZone, audience: 'person', answer: action.answer },
    ctx.deps.botUsername,
  );
  try {
    await ctx.editMessageText(rendered.text, {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: rendered.keyboard },
    });
  } catch (error) {
    // The message already shows this answer (an older notice pressed twice): nothing to change.
    if (!isMessageNotModified(error)) throw error;
  }
});
