import {
  type Database,
  findExtensionRequest,
  findPersonById,
  findTask,
  findWorkingGroup,
  type Kysely,
} from '@accord/db';
import { escapeHtml, type Language, type MessageIntent } from '@accord/domain';
import { formatDate } from '../format';
import type { Translate } from '../i18n';

type TaskIntent = Extract<
  MessageIntent,
  { kind: 'task-assigned' | 'task-done' | 'extension-requested' | 'extension-decided' }
>;

/** A message about a working-group task, from the records as they are now; null when the task is gone. */
export async function renderTaskMessage(
  db: Kysely<Database>,
  t: Translate,
  language: Language,
  intent: TaskIntent,
): Promise<string | null> {
  if (intent.kind === 'task-assigned' || intent.kind === 'task-done') {
    const task = await findTask(db, intent.taskId);
    if (!task) return null;
    const group = await findWorkingGroup(db, task.groupId);
    if (intent.kind === 'task-assigned') {
      if (task.status !== 'open') return null;
      const person = await findPersonById(db, task.responsiblePersonId);
      return t(language, 'task-assigned', {
        group: escapeHtml(group?.name ?? ''),
        title: escapeHtml(task.title),
        person: escapeHtml(person?.name ?? ''),
        date: formatDate(task.dueDate, language),
      });
    }
    const person = await findPersonById(db, task.responsiblePersonId);
    return t(language, 'task-done', {
      person: escapeHtml(person?.name ?? ''),
      title: escapeHtml(task.title),
      group: escapeHtml(group?.name ?? ''),
    });
  }
  const request = await findExtensionRequest(db, intent.requestId);
  const task = request && (await findTask(db, request.taskId));
  if (!request || !task) return null;
  if (intent.kind === 'extension-requested') {
    const person = await findPersonById(db, request.requestedBy);
    return t(language, 'extension-requested', {
      person: escapeHtml(person?.name ?? ''),
      title: escapeHtml(task.title),
      from: formatDate(request.currentDueDate, language),
      to: formatDate(request.requestedDueDate, language),
      reason: escapeHtml(request.reason),
    });
  }
  return request.status === 'granted'
    ? t(language, 'extension-granted', {
        title: escapeHtml(task.title),
        date: formatDate(request.requestedDueDate, language),
      })
    : t(language, 'extension-refused', {
        title: escapeHtml(task.title),
        note: escapeHtml(request.decisionNote ?? ''),
      });
}
