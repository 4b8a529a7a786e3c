import {
  encodeCallback,
  escapeHtml,
  fitMessage,
  type Language,
  type Meeting,
  type RsvpAnswer,
} from '@accord/domain';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatSpan, formatZone } from '../format';
import type { Translate } from '../i18n';

export type MeetingMessageKind = 'new' | 'updated' | 'cancelled';

export interface RenderedMessage {
  text: string;
  keyboard: InlineKeyboardButton[][];
}

export interface MeetingReader {
  language: Language;
  timeZone: string;
  /** A person answers in private; a group chat gets the notice without answer buttons. */
  audience: 'person' | 'group';
  answer: RsvpAnswer | null;
}

/**
 * A meeting notice, update or cancellation as one HTML message in the reader's language and
 * zone. Everything a person wrote is escaped; an agenda too long for one message is shortened.
 */
export function renderMeetingMessage(
  t: Translate,
  meeting: Meeting,
  kind: MeetingMessageKind,
  reader: MeetingReader,
  botUsername: string,
): RenderedMessage {
  const lang = reader.language;
  const when = formatSpan(meeting.startsAt, meeting.endsAt, reader.timeZone, lang);
  const zone = formatZone(reader.timeZone, meeting.startsAt);
  const header = [
    t(lang, `notice-header-${kind}`),
    t(lang, 'notice-title', { title: escapeHtml(meeting.title) }),
    t(lang, `meeting-kind-${meeting.kind}`),
  ];
  if (kind === 'cancelled') {
    return { text: [...header, t(lang, 'notice-cancelled-was', { when, zone })].join('\n'), keyboard: [] };
  }
  const head = [
    ...header,
    t(lang, 'notice-when', { when, zone }),
    ...(meeting.place ? [t(lang, 'notice-place', { place: escapeHtml(meeting.place) })] : []),
    ...(meeting.link ? [t(lang, 'notice-link', { link: escapeHtml(meeting.link) })] : []),
    ...(meeting.agenda.length > 0 ? ['', t(lang, 'notice-agenda')] : []),
  ].join('\n');
  const items = meeting.agenda.map((a) => `${a.position}. ${escapeHtml(a.title)}`);
  const tail =
    reader.audience === 'group'
      ? `\n${t(lang, 'notice-group-hint')}`
      : `\n${reader.answer ? t(lang, `notice-answer-${reader.answer}`) : t(lang, 'notice-question')}`;
  const text = fitMessage(head, items, tail, (count) => t(lang, 'notice-agenda-more', { count }));
  const keyboard: InlineKeyboardButton[][] =
    reader.audience === 'group'
      ? [[{ text: t(lang, 'button-open-bot'), url: `https://t.me/${botUsername}` }]]
      : [
          [
            {
              text: mark(t(lang, 'button-attend'), reader.answer === 'yes'),
              callback_data: encodeCallback({ kind: 'rsvp', meetingId: meeting.id, answer: 'yes' }),
            },
            {
              text: mark(t(lang, 'button-decline'), reader.answer === 'no'),
              callback_data: encodeCallback({ kind: 'rsvp', meetingId: meeting.id, answer: 'no' }),
            },
          ],
          [
            {
              text: t(lang, 'button-calendar'),
              callback_data: encodeCallback({ kind: 'ics', meetingId: meeting.id }),
            },
          ],
        ];
  return { text, keyboard };
}

/** The chosen answer's button carries a dot, so the choice shows on the buttons too. */
export const mark = (label: string, chosen: boolean) => (chosen ? `• ${label} •` : label);
