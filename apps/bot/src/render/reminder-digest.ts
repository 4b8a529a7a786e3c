import {
  currentResponses,
  type Database,
  findDecision,
  findMeetingAudience,
  findMeetingById,
  findPersonById,
  findRemindersByIds,
  getCommissionOrThrow,
  type Kysely,
  listMemberStates,
  listPeople,
  listRepresentations,
  listResponseHistory,
  listTasks,
  listWorkingGroups,
  meetingRhythm,
  type ReminderRow,
} from '@accord/db';
import {
  escapeHtml,
  fitMessage,
  formatRegisterNumber,
  isRepresentationActive,
  isResponseSettled,
  type Language,
  localDate,
} from '@accord/domain';
import { formatDate, formatSpan, formatZone } from '../format';
import type { Translate } from '../i18n';
import { unansweredInvitees } from '../reminders/planner';
import { ballotReminderLine } from './ballot-reminder';
import { signOffReminderLine } from './sign-off-messages';

export interface DigestReader {
  language: Language;
  timeZone: string;
}

/** The secretary's weekly view of what is overdue, by state and by direction (or working group). */
async function overdueSummary(
  db: Kysely<Database>,
  t: Translate,
  reader: DigestReader,
  at: string,
): Promise<string> {
  const lang = reader.language;
  const today = at.slice(0, 10);
  const overdue = (await listTasks(db, { status: 'open' })).filter((task) => task.dueDate < today);
  if (overdue.length === 0) return t(lang, 'weekly-nothing-overdue');
  const [representations, states, directions, groups, people] = await Promise.all([
    listRepresentations(db),
    db.selectFrom('member_states').selectAll().execute(),
    db.selectFrom('program_directions').selectAll().execute(),
    listWorkingGroups(db),
    listPeople(db),
  ]);
  const count = (keys: string[]) => [
    ...keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>()),
  ];
  const byState = count(
    overdue.map((task) => {
      const code = representations.find(
        (r) => r.personId === task.responsiblePersonId && isRepresentationActive(r, at),
      )?.stateCode;
      const state = states.find((s) => s.code === code);
      return state ? (lang === 'ru' ? state.name_ru : state.name_en) : t(lang, 'weekly-no-state');
    }),
  );
  const byDirection = count(
    overdue.map((task) => {
      const direction = directions.find((d) => d.id === task.directionId);
      if (direction) return lang === 'ru' ? direction.title_ru : direction.title_en;
      return groups.find((g) => g.id === task.groupId)?.name ?? '';
    }),
  );
  const oldest = overdue
    .slice(0, 5)
    .map(
      (task) =>
        `${escapeHtml(task.title)} — ${escapeHtml(people.find((p) => p.id === task.responsiblePersonId)?.name ?? '')}, ${formatDate(task.dueDate, lang)}`,
    );
  return [
    t(lang, 'weekly-overdue', { count: overdue.length }),
    t(lang, 'weekly-by-state'),
    ...byState.map(([name, n]) => `   ${escapeHtml(name)}: ${n}`),
    t(lang, 'weekly-by-direction'),
    ...byDirection.map(([name, n]) => `   ${escapeHtml(name)}: ${n}`),
    t(lang, 'weekly-oldest'),
    ...oldest.map((l) => `   ${l}`),
  ].join('\n');
}

/** A state's outstanding response to a decision, as it stands now; null once its government has accepted it. */
async function responseLine(
  db: Kysely<Database>,
  t: Translate,
  reader: DigestReader,
  reminder: ReminderRow,
): Promise<string | null> {
  const lang = reader.language;
  const stateCode = reminder.rule.split(':')[1];
  const [decision, states] = await Promise.all([findDecision(db, reminder.subject_id), listMemberStates(db)]);
  const state = states.find((s) => s.code === stateCode);
  if (!decision || !state) return null;
  const response = currentResponses(await listResponseHistory(db, [decision.id]), decision.id).get(
    state.code,
  );
  if (isResponseSettled(response?.status ?? null)) return null;
  return t(lang, 'reminder-response-outstanding', {
    kind: decision.kind,
    number: formatRegisterNumber(decision),
    title: escapeHtml(decision.title),
    date: formatDate(localDate(decision.adoptedAt, reader.timeZone), lang),
    state: escapeHtml(lang === 'ru' ? state.nameRu : state.nameEn),
    status: response?.status ?? 'none',
  });
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
    if (reminder.rule.startsWith('unanswered')) {
      const { invitees } = await findMeetingAudience(db, meeting);
      const silent = await unansweredInvitees(
        db,
        meeting.id,
        invitees.filter((p) => p.telegramUserId !== null).map((p) => p.id),
        reminder.due_at,
      );
      // A head of delegation hears of their own delegation; the secretary and the chairman of everyone.
      const mine =
        reminder.step === 1 ? silent.filter((u) => u.headId === reminder.recipient_person_id) : silent;
      if (mine.length === 0) return null;
      const names = mine
        .map((u) => invitees.find((p) => p.id === u.personId)?.name ?? '')
        .map(escapeHtml)
        .join(', ');
      return t(lang, 'reminder-unanswered', {
        title: escapeHtml(meeting.title),
        when,
        names,
        count: mine.length,
      });
    }
    return t(lang, `reminder-${reminder.rule}`, { title: escapeHtml(meeting.title), when });
  }
  if (reminder.subject_type === 'commission-year') {
    const { count, minimum, year } = await meetingRhythm(db, reminder.subject_id);
    if (count >= minimum) return null;
    return t(lang, 'reminder-meetings-minimum', { year, count, minimum });
  }
  if (reminder.subject_type === 'annual-report') {
    const { report_due_month_day } = await getCommissionOrThrow(db);
    return t(lang, 'reminder-report-due', {
      year: reminder.subject_id,
      date: formatDate(`${reminder.subject_id}-${report_due_month_day}`, lang),
    });
  }
  if (reminder.subject_type === 'weekly-digest') return overdueSummary(db, t, reader, reminder.due_at);
  if (reminder.subject_type === 'ballot') return ballotReminderLine(db, t, reader, reminder);
  if (reminder.subject_type === 'decision-response') return responseLine(db, t, reader, reminder);
  if (reminder.subject_type === 'sign-off') return signOffReminderLine(db, t, lang, reminder);
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
