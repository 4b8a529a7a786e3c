import { findTask, listExtensionRequests, listTasks } from '@accord/db';
import {
  decideExtensionRequest,
  decideTaskDone,
  decodeTaskCallback,
  encodeTaskCallback,
  escapeHtml,
  fitMessage,
  type Person,
  parseExtendCommand,
  type TaskError,
} from '@accord/domain';
import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatDate } from '../../format';
import { markTaskDone, requestExtension } from '../../tasks';
import type { BotContext } from '../context';

/** `/deadlines`: the person's open tasks, each with Done and More time; `/extend` asks for more time. */
export const deadlinesFeature = new Composer<BotContext>();

async function renderDeadlines(
  ctx: BotContext,
  person: Person,
): Promise<{ text: string; keyboard: InlineKeyboardButton[][] }> {
  const tasks = await listTasks(ctx.deps.db, { responsibleId: person.id, status: 'open' });
  if (tasks.length === 0) return { text: ctx.t('deadlines-none'), keyboard: [] };
  const today = ctx.now().slice(0, 10);
  const lines = tasks.map((t) =>
    ctx.t(t.dueDate < today ? 'deadlines-item-overdue' : 'deadlines-item', {
      id: t.id,
      title: escapeHtml(t.title),
      date: formatDate(t.dueDate, person.language),
    }),
  );
  const shown = tasks.slice(0, 10);
  return {
    text: fitMessage(ctx.t('deadlines-header'), lines, `\n${ctx.t('deadlines-hint')}`, (count) =>
      ctx.t('notice-agenda-more', { count }),
    ),
    keyboard: shown.map((t) => [
      {
        text: ctx.t('deadlines-done', { id: t.id }),
        callback_data: encodeTaskCallback({ kind: 'task-done', taskId: t.id }),
      },
      {
        text: ctx.t('deadlines-more-time', { id: t.id }),
        callback_data: encodeTaskCallback({ kind: 'task-extend', taskId: t.id }),
      },
    ]),
  };
}

const taskErrorText = (ctx: BotContext, error: TaskError) => ctx.t(`task-error-${error}`);

deadlinesFeature.chatType('private').command('deadlines', async (ctx) => {
  if (!ctx.person) {
    await ctx.reply(ctx.t('not-linked'));
    return;
  }
  const { text, keyboard } = await renderDeadlines(ctx, ctx.person);
  await ctx.reply(text, {
    parse_mode: 'HTML',
    ...(keyboard.length > 0 ? { reply_markup: { inline_keyboard: keyboard } } : {}),
  });
});

deadlinesFeature.chatType('private').command('extend', async (ctx) => {
  const person = ctx.person;
  if (!person) {
    await ctx.reply(ctx.t('not-linked'));
    return;
  }
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
