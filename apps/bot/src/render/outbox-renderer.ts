import {
  type ClaimedMessage,
  type Database,
  findMeetingById,
  findPersonById,
  findRsvp,
  type Kysely,
} from '@accord/db';
import { escapeHtml, type Language, type MessageIntent } from '@accord/domain';
import type { InlineKeyboardButton } from 'grammy/types';
import type { Translate } from '../i18n';
import { renderActivityReport } from './activity-messages';
import { renderBallotIntent } from './ballot-outbox';
import { type MeetingMessageKind, renderMeetingMessage } from './meeting-message';
import { renderMinutesMessage } from './minutes-message';
import { renderReminderDigest } from './reminder-digest';
import { renderSignOffIntent } from './sign-off-messages';
import { renderTaskMessage } from './task-messages';

export interface OutboundMessage {
  chatId: number;
  text: string;
  keyboard: InlineKeyboardButton[][];
  /** The person whose private chat this is, if any: a 403 makes them unreachable. */
  personId: number | null;
  /** Edit this message (sent earlier) instead of sending a new one. */
  editMessageId?: number;
  /** Send a document with the text as its caption (and the keyboard, if any, under it). */
  document?: { fileName: string; content: string | Uint8Array };
}

/** A rendered message, or why there is none: `skip` when nothing needs sending, otherwise a failure. */
export type RenderOutcome =
  | { ok: true; message: OutboundMessage }
  | { ok: false; reason: string; skip?: boolean };

export interface RendererDeps {
  db: Kysely<Database>;
  t: Translate;
  botUsername: string;
  /** Group chats read in the commission's working language. */
  groupLanguage: Language;
  clock: () => Date;
}

const meetingKinds: Record<string, MeetingMessageKind> = {
  'meeting-notice': 'new',
  'meeting-updated': 'updated',
  'meeting-cancelled': 'cancelled',
};

/**
 * Renders an outbox row at send time, from the records as they are now, in the recipient's
 * language and zone. A row that can no longer be delivered says why instead.
 */
export function createOutboxRenderer(deps: RendererDeps) {
  const { db, t } = deps;

  async function reader(message: ClaimedMessage, zoneIfGroup: string) {
    if (message.recipientPersonId !== null) {
      const person = await findPersonById(db, message.recipientPersonId);
      if (!person?.active) return { error: 'the person has been deactivated' } as const;
      if (person.telegramUserId === null) return { error: 'the person has not linked Telegram' } as const;
      return {
        chatId: person.telegramUserId,
        person,
        language: person.language,
        timeZone: person.timeZone,
      } as const;
    }
    return {
      chatId: message.recipientChatId ?? 0,
      person: null,
      language: deps.groupLanguage,
      timeZone: zoneIfGroup,
    } as const;
  }

  async function render(message: ClaimedMessage, intent: MessageIntent): Promise<RenderOutcome> {
    switch (intent.kind) {
      case 'meeting-notice':
      case 'meeting-updated':
      case 'meeting-cancelled': {
        const meeting = await findMeetingById(db, intent.meetingId);
        if (!meeting) return { ok: false, reason: `meeting ${intent.meetingId} no longer exists` };
        const to = await reader(message, meeting.timeZone);
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        const answer = to.person ? ((await findRsvp(db, meeting.id, to.person.id)) ?? null) : null;
        const rendered = renderMeetingMessage(
          t,
          meeting,
          meetingKinds[intent.kind] ?? 'new',
          { language: to.language, timeZone: to.timeZone, audience: to.person ? 'person' : 'group', answer },
          deps.botUsername,
        );
        return { ok: true, message: { chatId: to.chatId, ...rendered, personId: to.person?.id ?? null } };
      }
      case 'person-unreachable': {
        const subject = await findPersonById(db, intent.personId);
        const to = await reader(message, 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        const text = t(to.language, 'person-unreachable', {
          name: escapeHtml(subject?.name ?? `#${intent.personId}`),
        });
        return {
          ok: true,
          message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null },
        };
      }
      case 'task-assigned':
      case 'task-done':
      case 'extension-requested':
      case 'extension-decided': {
        const to = await reader(message, 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        const text = await renderTaskMessage(db, t, to.language, intent);
        if (text === null) return { ok: false, reason: 'the task is gone or no longer open' };
        return {
          ok: true,
          message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null },
        };
      }
      case 'ballot-opened':
      case 'ballot-text':
      case 'ballot-tally':
      case 'ballot-extended':
      case 'ballot-nudge':
      case 'ballot-closed': {
        const to = await reader(message, 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        return renderBallotIntent({ db, t, botUsername: deps.botUsername, clock: deps.clock }, intent, to);
      }
      case 'meeting-minutes': {
        const meeting = await findMeetingById(db, intent.meetingId);
        const to = await reader(message, meeting?.timeZone ?? 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        const text = await renderMinutesMessage(db, t, to, intent.meetingId);
        if (text === null) return { ok: false, reason: 'the minutes are gone or not sent' };
        return {
          ok: true,
          message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null },
        };
      }
      case 'activity-reported': {
        const to = await reader(message, 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        const text = await renderActivityReport(db, t, to.language, intent);
        if (text === null) return { ok: false, reason: 'the activity no longer exists' };
        return {
          ok: true,
          message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null },
        };
      }
      case 'sign-off-requested':
      case 'sign-off-decided': {
        const to = await reader(message, 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        return renderSignOffIntent({ db, t, clock: deps.clock }, intent, to);
      }
      case 'reminder-digest': {
        const to = await reader(message, 'UTC');
        if ('error' in to) return { ok: false, reason: to.error ?? 'unknown recipient' };
        const text = await renderReminderDigest(db, t, to, intent.reminderIds, intent.foldedIds);
        if (text === null) return { ok: false, reason: 'everything it reminded of is finished or cancelled' };
        return {
          ok: true,
          message: { chatId: to.chatId, text, keyboard: [], personId: to.person?.id ?? null },
        };
      }
    }
  }

  return (message: ClaimedMessage): Promise<RenderOutcome> => render(message, message.intent);
}

export type OutboxRenderer = ReturnType<typeof createOutboxRenderer>;
