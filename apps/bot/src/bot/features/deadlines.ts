import {
  findActivityById,
  findTask,
  listActivitiesOfPerson,
  listExtensionRequests,
  listTasks,
} from '@accord/db';
import {
  type ActivityReportError,
  decideActivityReport,
  decideExtensionRequest,
  decideTaskDone,
  decodeActivityCallback,
  decodeTaskCallback,
  encodeActivityCallback,
  encodeTaskCallback,
  escapeHtml,
  fitMessage,
  type Person,
  PROGRESS_STEPS,
  parseExtendCommand,
  type TaskError,
} from '@accord/domain';
import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { reportOnActivity } from '../../activities';
import { formatDate } from '../../format';
import { markTaskDone, requestExtension } from '../../tasks';
import type { BotContext } from '../context';
import { linkedPersonOrReply } from '../linked-person';

/**
 * `/deadlines`: the person's open tasks, each with Done and More time (`/extend` asks for more
 * time), and the program activities they are responsible for, with progress and milestones to report.
 */
export const deadlinesFeature = new Composer<BotContext>();

/** The person's open program activities: the end and the next milestone, with buttons to report. */
async function activitySection(ctx: BotContext, person: Person) {
  const activities = (await listActivitiesOfPerson(ctx.deps.db, person.id)).slice(0, 8);
  const today = ctx.now().slice(0, 10);
  const lines = activities.map((a) => {
    const next = a.milestones.find((m) => !m.reachedAt);
    return ctx.t(a.end < today ? 'deadlines-activity-overdue' : 'deadlines-activity', {
      title: escapeHtml(a.title),
      date: formatDate(a.end, person.language),
      progress: String(a.progress),
      milestone: next ? `${escapeHtml(next.title)}, ${formatDate(next.date, person.language)}` : '—',
    });
  });
  const keyboard: InlineKeyboardButton[][] = activities.map((a) => {
    const next = a.milestones.find((m) => !m.reachedAt);
    return [
      {
        text: ctx.t('deadlines-report-progress', { title: shorten(a.title) }),
        callback_data: encodeActivityCallback({ kind: 'activity-progress-ask', activityId: a.id }),
      },
      ...(next?.id
        ? [
            {
              text: ctx.t('deadlines-milestone-reached', { title: shorten(next.title) }),
              callback_data: encodeActivityCallback({
                kind: 'milestone-reached',
                activityId: a.id,
                milestoneId: next.id,
              }),
            },
          ]
        : []),
    ];
  });
  return { lines, keyboard };
}

const shorten = (text: string) => (text.length > 24 ? `${text.slice(0, 23)}…` : text);

async function renderDeadlines(
  ctx: BotContext,
  person: Person,
): Promise<{ text: string; keyboard: InlineKeyboardButton[][] }> {
  const tasks = await listTasks(ctx.deps.db, { responsibleId: person.id, status: 'open' });
  const activities = await activitySection(ctx, person);
  if (tasks.length === 0 && activities.lines.length === 0)
    return { text: ctx.t('deadlines-none'), keyboard: [] };
  const today = ctx.now().slice(0, 10);
  const taskLines = tasks.map((t) =>
    ctx.t(t.dueDate < today ? 'deadlines-item-overdue' : 'deadlines-item', {
      id: t.id,
      title: escapeHtml(t.title),
      date: formatDate(t.dueDate, person.language),
    }),
  );
  const lines = [
    ...taskLines,
    ...(activities.lines.length > 0 ? ['', ctx.t('deadlines-activities-header'), ...activities.lines] : []),
  ];
  const shown = tasks.slice(0, 10);
  return {
    text: fitMessage(ctx.t('deadlines-header'), lines, `\n${ctx.t('deadlines-hint')}`, (count) =>
      ctx.t('notice-agenda-more', { count }),
    ),
    keyboard: [
      ...shown.map((t) => [
        {
          text: ctx.t('deadlines-done', { id: t.id }),
          callback_data: encodeTaskCallback({ kind: 'task-done', taskId: t.id }),
        },
        {
          text: ctx.t('deadlines-more-time', { id: t.id }),
          callback_data: encodeTaskCallback({ kind: 'task-extend', taskId: t.id }),
        },
      ]),
      ...activities.keyboard,
    ],
  };
}

const taskErrorText = (ctx: BotContext, error: TaskError) => ctx.t(`task-error-${error}`);

deadlinesFeature.chatType('private').command('deadlines', async (ctx) => {
  const person = await linkedPersonOrReply(ctx);
  if (!person) return;
  const { text, keyboard } = await renderDeadlines(ctx, person);
  await ctx.reply(text, {
    parse_mode: 'HTML',
    ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  });
});

deadlinesFeature.chatType('private').command('extend', async (ctx) => {
  const person = await linkedPersonOrReply(ctx);
  if (!person) return;
  const parsed = parseExtendCommand(ctx.match);
  if (!parsed) {
    await ctx.reply(ctx.t('extend-usage'));
    return;
  }
  const task = await findTask(ctx.deps.db, parsed.taskId);
  if (!task) {
    await ctx.reply(ctx.t('task-error-NotResponsible'));
    return;
  }
  const pending = await listExtensionRequests(ctx.deps.db, { taskIds: [task.id], status: 'pending' });
  const decision = decideExtensionRequest(task, person.id, parsed.dueDate, pending);
  if (!decision.ok) {
    await ctx.reply(taskErrorText(ctx, decision.error));
    return;
  }
  await requestExtension(
    ctx.deps.db,
    {
      taskId: task.id,
      currentDueDate: task.dueDate,
      requestedDueDate: parsed.dueDate,
      reason: parsed.reason,
    },
    person,
    ctx.now(),
  );
  await ctx.reply(
    ctx.t('extend-sent', {
      title: escapeHtml(task.title),
      date: formatDate(parsed.dueDate, person.language),
    }),
    { parse_mode: 'HTML' },
  );
});

deadlinesFeature.callbackQuery(/^t:/, async (ctx) => {
  const action = decodeTaskCallback(ctx.callbackQuery.data);
  const person = ctx.person;
  const chat = ctx.callbackQuery.message?.chat;
  if (!action) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-invalid') });
    return;
  }
  if (!person || chat?.type !== 'private' || chat.id !== ctx.from.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-not-for-you') });
    return;
  }
  const task = await findTask(ctx.deps.db, action.taskId);
  if (!task) {
    await ctx.answerCallbackQuery({ text: ctx.t('task-error-NotResponsible') });
    return;
  }
  if (action.kind === 'task-extend') {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('extend-how', { id: task.id, date: formatDate(task.dueDate, person.language) }), {
      parse_mode: 'HTML',
    });
    return;
  }
  const decision = decideTaskDone(task, person.id);
  if (!decision.ok || !(await markTaskDone(ctx.deps.db, task.id, person, ctx.now()))) {
    await ctx.answerCallbackQuery({ text: taskErrorText(ctx, decision.ok ? 'TaskClosed' : decision.error) });
    return;
  }
  await ctx.answerCallbackQuery({ text: ctx.t('deadlines-marked-done', { title: task.title }) });
  const { text, keyboard } = await renderDeadlines(ctx, person);
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: keyboard } });
});

const reportErrorText = (ctx: BotContext, error: ActivityReportError) => ctx.t(`activity-error-${error}`);

// Program activities: ask for progress with a row of choices, record it, or mark a milestone reached.
deadlinesFeature.callbackQuery(/^a:/, async (ctx) => {
  const action = decodeActivityCallback(ctx.callbackQuery.data);
  const person = ctx.person;
  const chat = ctx.callbackQuery.message?.chat;
  if (!action) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-invalid') });
    return;
  }
  if (!person || chat?.type !== 'private' || chat.id !== ctx.from.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-not-for-you') });
    return;
  }
  const activity = await findActivityById(ctx.deps.db, action.activityId);
  if (!activity) {
    await ctx.answerCallbackQuery({ text: ctx.t('activity-error-NotResponsible') });
    return;
  }
  const decision = decideActivityReport(
    activity,
    person.id,
    action.kind === 'milestone-reached' ? action.milestoneId : undefined,
  );
  if (!decision.ok) {
    await ctx.answerCallbackQuery({ text: reportErrorText(ctx, decision.error), show_alert: true });
    return;
  }
  if (action.kind === 'activity-progress-ask') {
    await ctx.answerCallbackQuery();
    await ctx.reply(
      ctx.t('activity-progress-ask', {
        title: escapeHtml(activity.title),
        progress: String(activity.progress),
      }),
      {
        parse_mode: 'HTML',
        reply_markup: {
          inline_keyboard: [
            PROGRESS_STEPS.map((progress) => ({
              text: `${progress} %`,
              callback_data: encodeActivityCallback({
                kind: 'activity-progress',
                activityId: activity.id,
                progress,
              }),
            })),
          ],
        },
      },
    );
    return;
  }
  const report =
    action.kind === 'activity-progress' ? { progress: action.progress } : { milestoneId: action.milestoneId };
  if (!(await reportOnActivity(ctx.deps.db, activity, report, person, ctx.now()))) {
    await ctx.answerCallbackQuery({ text: reportErrorText(ctx, 'MilestoneReached') });
    return;
  }
  await ctx.answerCallbackQuery({
    text:
      action.kind === 'activity-progress'
        ? ctx.t('activity-progress-recorded', { progress: String(action.progress) })
        : ctx.t('activity-milestone-recorded'),
  });
  if (action.kind === 'activity-progress') {
    await ctx.editMessageText(
      ctx.t('activity-progress-done', {
        title: escapeHtml(activity.title),
        progress: String(action.progress),
      }),
      { parse_mode: 'HTML' },
    );
    return;
  }
  // The milestone's button was on the /deadlines list: show the list as it is now.
  const { text, keyboard } = await renderDeadlines(ctx, person);
  await ctx.editMessageText(text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: keyboard } });
});
