import {
  type Database,
  findDraft,
  findMeetingById,
  findMeetingRecord,
  type Kysely,
  listPeople,
} from '@accord/db';
import { escapeHtml, fitMessage, type Language } from '@accord/domain';
import { formatSpan } from '../format';
import type { Translate } from '../i18n';

/** A meeting's minutes as the members get them: who attended, then the outcome of each agenda item. */
export async function renderMinutesMessage(
  db: Kysely<Database>,
  t: Translate,
  reader: { language: Language; timeZone: string },
  meetingId: number,
): Promise<string | null> {
  const meeting = await findMeetingById(db, meetingId);
  const record = await findMeetingRecord(db, meetingId);
  if (!meeting || record.minutesPublishedAt === null) return null;
  const lang = reader.language;
  const names = new Map((await listPeople(db)).map((p) => [p.id, p.name]));
  const present = record.attendance
    .filter((a) => a.present)
    .map((a) => escapeHtml(names.get(a.personId) ?? ''));
  const items: string[] = [];
  for (const agendaItem of meeting.agenda) {
    const item = record.items.find((i) => i.agendaPosition === agendaItem.position);
    const drafts: string[] = [];
    for (const id of item?.draftIds ?? []) {
      const draft = await findDraft(db, id);
      if (draft) drafts.push(`«${escapeHtml(draft.title)}» — ${t(lang, `minutes-draft-${draft.status}`)}`);
    }
    items.push(
      [
        `${agendaItem.position}. <b>${escapeHtml(agendaItem.title)}</b>`,
        `   ${item ? escapeHtml(item.outcome) : t(lang, 'minutes-no-outcome')}`,
        ...drafts.map((d) => `   ${d}`),
      ].join('\n'),
    );
  }
  const head = [
    t(lang, 'minutes-header', { title: escapeHtml(meeting.title) }),
    formatSpan(meeting.startsAt, meeting.endsAt, reader.timeZone, lang),
    t(lang, 'minutes-attended', { count: present.length, names: present.join(', ') }),
    ...(record.summary ? ['', escapeHtml(record.summary)] : []),
    '',
  ].join('\n');
  return fitMessage(head, items, '', (count) => t(lang, 'notice-agenda-more', { count }));
}
