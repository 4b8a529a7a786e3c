import {
  type Database,
  type DeliveryPreferences,
  findDeliveryPreferences,
  type Kysely,
  listMeetings,
  listTasks,
  recordAudit,
  scheduleTask,
  updateDeliveryPreferences,
} from '@accord/db';
import {
  decodeSettingsCallback,
  encodeSettingsCallback,
  type HoursWindow,
  LANGUAGES,
  type Language,
  OPTIONAL_REMINDER_KINDS,
  type OptionalReminderKind,
  type Person,
  parseTimeZoneName,
  planRemindersTask,
  type SettingsAction,
  workingHoursClearOfQuiet,
} from '@accord/domain';
import { Composer } from 'grammy';
import type { InlineKeyboardButton, MaybeInaccessibleMessage } from 'grammy/types';
import { formatZone } from '../../format';
import { isMessageNotModified } from '../../telegram-errors';
import type { BotContext } from '../context';

/**
 * `/settings`: one message with a person's language, zone, working and quiet hours and optional
 * reminders, and buttons that change them. Reminders are planned from these, so a change applies
 * from the next reminder on: the person's upcoming items are planned again.
 */
export const settingsFeature = new Composer<BotContext>();

/** The member states' zones (their capitals) and UTC, as the buttons offer them, by city. */
const ZONES = [
  { zone: 'Asia/Yerevan', city: 'yerevan' },
  { zone: 'Europe/Minsk', city: 'minsk' },
  { zone: 'Asia/Almaty', city: 'almaty' },
  { zone: 'Asia/Bishkek', city: 'bishkek' },
  { zone: 'Europe/Moscow', city: 'moscow' },
  { zone: 'Asia/Dushanbe', city: 'dushanbe' },
  { zone: 'UTC', city: 'utc' },
] as const;

const WORK_PRESETS: readonly HoursWindow[] = [
  { start: '08:00', end: '18:00' },
  { start: '09:00', end: '18:00' },
  { start: '09:00', end: '20:00' },
  { start: '10:00', end: '19:00' },
];

const QUIET_PRESETS: readonly HoursWindow[] = [
  { start: '21:00', end: '08:00' },
  { start: '22:00', end: '07:00' },
  { start: '23:00', end: '07:00' },
];

interface Settings extends Omit<DeliveryPreferences, 'optedOut'> {
  language: Language;
  optedOut: OptionalReminderKind[];
}

type SettingsField = keyof Settings;

/** The opted-out kinds in one order, so the same choice is always stored and compared the same way. */
const canonicalOptOut = (kinds: readonly string[]): OptionalReminderKind[] =>
  OPTIONAL_REMINDER_KINDS.filter((kind) => kinds.includes(kind));

async function loadSettings(db: Kysely<Database>, person: Person): Promise<Settings | undefined> {
  const prefs = (await findDeliveryPreferences(db, [person.id])).get(person.id);
  return prefs && { ...prefs, language: person.language, optedOut: canonicalOptOut(prefs.optedOut) };
}

type Change =
  | { ok: true; next: Settings }
  | { ok: false; overlap: { work: HoursWindow; quiet: HoursWindow } };

/** What a button asks for, as the settings it would leave; hours that would overlap are refused. */
function change(current: Settings, action: Exclude<SettingsAction, { kind: 'zone-other' }>): Change {
  let next: Settings;
  switch (action.kind) {
    case 'language':
      next = { ...current, language: action.language };
      break;
    case 'zone':
      next = { ...current, timeZone: action.zone };
      break;
    case 'work-hours':
      next = { ...current, workStart: action.start, workEnd: action.end };
      break;
    case 'quiet-hours':
      next = { ...current, quietStart: action.start, quietEnd: action.end };
      break;
    case 'reminders': {
      const others = current.optedOut.filter((kind) => kind !== action.reminder);
      next = { ...current, optedOut: canonicalOptOut(action.on ? others : [...others, action.reminder]) };
      break;
    }
  }
  // Only a change of hours is held to the rule, so hours stored otherwise never block the rest.
  const hours = action.kind === 'work-hours' || action.kind === 'quiet-hours';
  if (hours && !workingHoursClearOfQuiet(next))
    return {
      ok: false,
      overlap: {
        work: { start: next.workStart, end: next.workEnd },
        quiet: { start: next.quietStart, end: next.quietEnd },
      },
    };
  return { ok: true, next };
}

const FIELDS: readonly SettingsField[] = [
  'language',
  'timeZone',
  'workStart',
  'workEnd',
  'quietStart',
  'quietEnd',
  'optedOut',
];

const changedFields = (before: Settings, after: Settings): SettingsField[] =>
  FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));

const pick = (settings: Settings, fields: readonly SettingsField[]) =>
  Object.fromEntries(fields.map((field) => [field, settings[field]]));

/**
 * Saves what changed, with its audit event, in one transaction; a change to when or whether
 * reminders come also plans the person's upcoming items again. Returns whether anything changed.
 */
async function save(ctx: BotContext, person: Person, before: Settings, after: Settings): Promise<boolean> {
  const fields = changedFields(before, after);
  if (fields.length === 0) return false;
  const now = ctx.now();
  await ctx.deps.db.transaction().execute(async (trx) => {
    if (fields.includes('language')) {
      // updateDeliveryPreferences does not carry the language: it is one column, set here.
      await trx
        .updateTable('people')
        .set({ language: after.language, updated_at: now })
        .where('id', '=', person.id)
        .execute();
    }
    const delivery = fields.filter((field) => field !== 'language');
    if (delivery.length > 0) {
      await updateDeliveryPreferences(
        trx,
        person.id,
        {
          timeZone: after.timeZone,
          workStart: after.workStart,
          workEnd: after.workEnd,
          quietStart: after.quietStart,
          quietEnd: after.quietEnd,
          optedOut: after.optedOut,
        },
        now,
      );
      // Reminders are planned from these preferences; planning the person's items again makes
      // the change hold from the next reminder on. The language needs none: texts are made at
      // send time. Escalations they receive for others' tasks follow at the hourly re-plan.
      const meetings = await listMeetings(trx, { from: now, statuses: ['notified'] });
      for (const meeting of meetings.filter((m) => Date.parse(m.startsAt) > Date.parse(now)))
        await scheduleTask(trx, planRemindersTask('meeting', meeting.id, now));
      for (const task of await listTasks(trx, { responsibleId: person.id, status: 'open' }))
        await scheduleTask(trx, planRemindersTask('task', task.id, now));
    }
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'person.settings',
      recordType: 'person',
      recordId: person.id,
      before: pick(before, fields),
      after: pick(after, fields),
    });
  });
  return true;
}

const span = (start: string, end: string) => `${start}–${end}`;

/** The settings message and its buttons, in the language ctx.t speaks now. */
function renderSettings(ctx: BotContext, s: Settings): { text: string; keyboard: InlineKeyboardButton[][] } {
  const mark = (chosen: boolean, label: string) => (chosen ? `✓ ${label}` : label);
  const lines = [
    ctx.t('settings-title'),
    '',
    ctx.t('settings-language', { language: ctx.t(`settings-language-name-${s.language}`) }),
    ctx.t('settings-zone', { zone: formatZone(s.timeZone, ctx.now()) }),
    ctx.t('settings-work', { hours: span(s.workStart, s.workEnd) }),
    ctx.t('settings-quiet', { hours: span(s.quietStart, s.quietEnd) }),
    ...OPTIONAL_REMINDER_KINDS.map((kind) =>
      ctx.t(`settings-reminder-${kind}`, {
        state: ctx.t(s.optedOut.includes(kind) ? 'settings-state-off' : 'settings-state-on'),
      }),
    ),
    ctx.t('settings-always'),
    '',
    ctx.t('settings-applies'),
    ctx.t('settings-hint'),
  ];
  const button = (text: string, action: SettingsAction): InlineKeyboardButton => ({
    text,
    callback_data: encodeSettingsCallback(action),
  });
  const zoneButtons = [
    ...ZONES.map(({ zone, city }) =>
      button(mark(s.timeZone === zone, ctx.t(`settings-city-${city}`)), { kind: 'zone', zone }),
    ),
    button(ctx.t('settings-zone-other'), { kind: 'zone-other' }),
  ];
  const hoursButton = (kind: 'work-hours' | 'quiet-hours', w: HoursWindow) => {
    const chosen =
      kind === 'work-hours'
        ? s.workStart === w.start && s.workEnd === w.end
        : s.quietStart === w.start && s.quietEnd === w.end;
    const icon = kind === 'work-hours' ? '💼' : '🌙';
    return button(mark(chosen, `${icon} ${span(w.start, w.end)}`), { kind, ...w });
  };
  const keyboard = [
    LANGUAGES.map((language) =>
      button(mark(s.language === language, ctx.t(`settings-language-name-${language}`)), {
        kind: 'language',
        language,
      }),
    ),
    zoneButtons.slice(0, 4),
    zoneButtons.slice(4),
    WORK_PRESETS.slice(0, 2).map((w) => hoursButton('work-hours', w)),
    WORK_PRESETS.slice(2).map((w) => hoursButton('work-hours', w)),
    QUIET_PRESETS.map((w) => hoursButton('quiet-hours', w)),
    ...OPTIONAL_REMINDER_KINDS.map((reminder) => {
      const on = s.optedOut.includes(reminder);
      return [
        button(ctx.t(`settings-button-${on ? 'on' : 'off'}-${reminder}`), {
          kind: 'reminders',
          reminder,
          on,
        }),
      ];
    }),
  ];
  return { text: lines.join('\n'), keyboard };
}

/** The text Telegram keeps of an HTML message: tags gone, entities read. */
const plainText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

const buttonsOf = (keyboard: readonly (readonly InlineKeyboardButton[])[] | undefined) =>
  JSON.stringify(
    (keyboard ?? []).map((row) =>
      row.map((b) => [b.text, 'callback_data' in b ? b.callback_data : undefined]),
    ),
  );

/** Edits the pressed message to show `settings`, unless it already does (Telegram refuses an edit that changes nothing). */
async function showIn(ctx: BotContext, message: MaybeInaccessibleMessage | undefined, settings: Settings) {
  const view = renderSettings(ctx, settings);
  if (
    message &&
    'text' in message &&
    message.text === plainText(view.text) &&
    buttonsOf(message.reply_markup?.inline_keyboard) === buttonsOf(view.keyboard)
  )
    return;
  try {
    await ctx.editMessageText(view.text, {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: view.keyboard },
    });
  } catch (error) {
    if (!isMessageNotModified(error)) throw error;
  }
}

/**
 * Who was asked to type a zone, and until when (ms). Deliberately in memory and lost on restart:
 * the question is a ten-minute convenience, and a lost one costs a press of "Other…" again.
 * Keyed by Telegram user id; this process only.
 */
const awaitingZone = new Map<number, number>();
const ZONE_QUESTION_MS = 10 * 60 * 1000;
const CANCEL_WORDS = new Set(['cancel', '/cancel', 'отмена', 'отменить', 'стоп']);

function askForZone(ctx: BotContext, userId: number) {
  const nowMs = ctx.deps.clock().getTime();
  for (const [id, until] of awaitingZone) if (until <= nowMs) awaitingZone.delete(id);
  awaitingZone.set(userId, nowMs + ZONE_QUESTION_MS);
}

const privateChats = settingsFeature.chatType('private');

// A typed answer to "Other…"; any other message, and any command, goes on to the other features.
privateChats.on('message:text', async (ctx, next) => {
  const until = awaitingZone.get(ctx.from.id);
  if (until === undefined) return next();
  const person = ctx.person;
  if (until <= ctx.deps.clock().getTime() || !person) {
    awaitingZone.delete(ctx.from.id);
    return next();
  }
  const text = ctx.message.text.trim();
  if (CANCEL_WORDS.has(text.toLowerCase())) {
    awaitingZone.delete(ctx.from.id);
    await ctx.reply(ctx.t('settings-zone-cancelled'));
    return;
  }
  if (text.startsWith('/')) {
    // Someone who moved on to a command is no longer answering the question.
    awaitingZone.delete(ctx.from.id);
    return next();
  }
  const zone = parseTimeZoneName(text);
  if (zone === null) {
    askForZone(ctx, ctx.from.id);
    await ctx.reply(ctx.t('settings-zone-invalid', { input: text.slice(0, 64) }));
    return;
  }
  awaitingZone.delete(ctx.from.id);
  const current = await loadSettings(ctx.deps.db, person);
  if (!current) return next();
  const updated = { ...current, timeZone: zone };
  await save(ctx, person, current, updated);
  await ctx.reply(ctx.t('settings-zone-saved', { zone: formatZone(zone, ctx.now()) }));
  const view = renderSettings(ctx, updated);
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: view.keyboard } });
});

privateChats.command('settings', async (ctx) => {
  const person = ctx.person;
  const settings = person && (await loadSettings(ctx.deps.db, person));
  if (!settings) {
    await ctx.reply(ctx.t('not-linked'));
    return;
  }
  const view = renderSettings(ctx, settings);
  await ctx.reply(view.text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: view.keyboard } });
});

settingsFeature.callbackQuery(/^s:/, async (ctx) => {
  const action = decodeSettingsCallback(ctx.callbackQuery.data);
  if (!action) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-invalid') });
    return;
  }
  const message = ctx.callbackQuery.message;
  if (message?.chat.type !== 'private') {
    await ctx.answerCallbackQuery({ text: ctx.t('button-in-private') });
    return;
  }
  // A button acts only for the person whose private chat it is in.
  const person = ctx.person;
  const current = person && message.chat.id === ctx.from.id && (await loadSettings(ctx.deps.db, person));
  if (!person || !current) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-not-for-you') });
    return;
  }
  if (action.kind === 'zone-other') {
    askForZone(ctx, ctx.from.id);
    await ctx.answerCallbackQuery({ text: ctx.t('settings-zone-asked') });
    await ctx.reply(ctx.t('settings-zone-ask'));
    return;
  }
  const outcome = change(current, action);
  if (!outcome.ok) {
    await ctx.answerCallbackQuery({
      text: ctx.t('settings-hours-overlap', {
        work: span(outcome.overlap.work.start, outcome.overlap.work.end),
        quiet: span(outcome.overlap.quiet.start, outcome.overlap.quiet.end),
      }),
      show_alert: true,
    });
    return;
  }
  const { next } = outcome;
  const changed = changedFields(current, next).length > 0;
  // From here on the person reads their new language, the answer to this press included.
  if (next.language !== current.language) ctx.i18n.useLocale(next.language);
  await ctx.answerCallbackQuery({ text: ctx.t(changed ? 'settings-saved' : 'settings-unchanged') });
  if (changed) await save(ctx, person, current, next);
  await showIn(ctx, message, next);
});
