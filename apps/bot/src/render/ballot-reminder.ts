import { type Database, findPersonById, type Kysely, type ReminderRow, votingStateOf } from '@accord/db';
import { escapeHtml } from '@accord/domain';
import { formatInstant, formatZone } from '../format';
import type { Translate } from '../i18n';
import { loadBallotView } from './ballot-message';
import type { DigestReader } from './reminder-digest';

/**
 * A ballot reminder's line, from the ballot as it is when sent: a representative whose state
 * has voted since, or a closed ballot, gets nothing; the secretary's line names the silent states.
 */
export async function ballotReminderLine(
  db: Kysely<Database>,
  t: Translate,
  reader: DigestReader,
  reminder: ReminderRow,
): Promise<string | null> {
  const lang = reader.language;
  const view = await loadBallotView(db, reminder.subject_id);
  if (view?.ballot.status !== 'open') return null;
  const when = `${formatInstant(view.ballot.closesAt, reader.timeZone, lang)} (${formatZone(reader.timeZone, view.ballot.closesAt)})`;
  const title = escapeHtml(view.title);
  if (reminder.rule === 'ballot-summary') {
    const silent = view.states.filter((s) => !view.live.has(s.code));
    if (silent.length === 0) return null;
    const names = silent.map((s) => escapeHtml(lang === 'ru' ? s.nameRu : s.nameEn)).join(', ');
    return t(lang, 'reminder-ballot-summary', { title, when, names, count: silent.length });
  }
  const person = await findPersonById(db, reminder.recipient_person_id);
  const state = person ? await votingStateOf(db, person, reminder.due_at) : null;
  if (state === null || view.live.has(state)) return null;
  return t(lang, 'reminder-ballot-not-voted', { title, when });
}
