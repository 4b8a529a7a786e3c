import {
  type Database,
  findMeetingById,
  findPersonById,
  findRemindersByIds,
  type Kysely,
  type ReminderRow,
} from '@accord/db';
import { escapeHtml, fitMessage, type Language } from '@accord/domain';
import { formatDate, formatSpan, formatZone } from '../format';
import type { Translate } from '../i18n';

export interface DigestReader {
  language: Language;
  timeZone: string;
}

/** One line for one reminder, from its subject as it is now; null when the subject is gone. */
async function line(
  db: Kysely<Database>,
  t: Translate,
  reader: DigestReader,
  reminder: ReminderRow,
): Promise<string | null> {
  const lang = reader.language;
  if (reminder.subject_type === 'meeting') {
    const meeting = await findMeetingById(db, reminder.subject_id);
    if (!meeting || meeting.status === 'cancelled') return null;
    const when = `${formatSpan(meeting.startsAt, meeting.endsAt, reader.timeZone, lang)} (${formatZone(reader.timeZone, meeting.startsAt)})`;
    return t(lang, `reminder-${reminder.rule}`, { title: escapeHtml(meeting.title), when });
  }
  const task = await db
    .selectFrom('tasks')
    .selectAll()
    .where('id', '=', reminder.subject_id)
    .executeTakeFirst();
  if (task?.status !== 'open') return null;
  const date = formatDate(task.due_date, lang);
  if (reminder.rule.startsWith('escalation')) {
    const responsible = await findPersonById(db, task.responsible_person_id);
    return t(lang, 'reminder-escalation', {
      title: escapeHtml(task.title),
      person: escapeHtml(responsible?.name ?? ''),
      date,
    });
  }
  return t(lang, `reminder-${reminder.rule}`, { title: escapeHtml(task.title), date });
}

/** A person's reminders due together, as one message; ones missed while Accord was down are counted, not repeated. */
export async function renderReminderDigest(
  db: Kysely<Database>,
  t: Translate,
  reader: DigestReader,
  reminderIds: readonly number[],
  foldedIds: readonly number[],
): Promise<string | null> {
  const reminders = await findRemindersByIds(db, reminderIds);
  const lines = (await Promise.all(reminders.map((r) => line(db, t, reader, r)))).filter(
    (l): l is string => l !== null,
  );
  if (lines.length === 0) return null;
  const tail =
    foldedIds.length > 0 ? `\n${t(reader.language, 'reminder-folded', { count: foldedIds.length })}` : '';
  return fitMessage(
    t(reader.language, 'reminder-digest-title'),
    lines.map((l) => `• ${l}`),
    tail,
    (count) => t(reader.language, 'notice-agenda-more', { count }),
  );
}
