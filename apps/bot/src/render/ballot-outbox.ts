import { type Database, findSentMessageId, type Kysely, votingStateOf } from '@accord/db';
import {
  encodeBallotButton,
  escapeHtml,
  type Language,
  type MessageIntent,
  type Person,
} from '@accord/domain';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatInstant, formatZone } from '../format';
import type { Translate } from '../i18n';
import { type BallotReader, loadBallotView, renderBallotMessage, renderBallotResult } from './ballot-message';
import type { RenderOutcome } from './outbox-renderer';

type BallotIntent = Extract<MessageIntent, { ballotId: number }>;

interface Recipient {
  chatId: number;
  person: Person | null;
  language: Language;
  timeZone: string;
}

/**
 * Renders a ballot's outbox rows: the ballot itself (and its text as a document when long), the
 * edits that keep the group's tally live and take the buttons off at the close, an extension, a
 * nudge and the result. The reader is a voter while their state may vote, otherwise a follower.
 */
export async function renderBallotIntent(
  deps: { db: Kysely<Database>; t: Translate; botUsername: string; clock: () => Date },
  intent: BallotIntent,
  to: Recipient,
): Promise<RenderOutcome> {
  const { db, t } = deps;
  const view = await loadBallotView(db, intent.ballotId);
  if (!view) return { ok: false, reason: `ballot ${intent.ballotId} no longer exists` };
  const now = deps.clock().toISOString();
  const stateCode = to.person ? await votingStateOf(db, to.person, now) : null;
  const reader: BallotReader = {
    language: to.language,
    timeZone: to.person ? to.timeZone : view.ballot.timeZone,
    audience: !to.person
      ? 'group'
      : stateCode !== null && view.ballot.eligibleStates.includes(stateCode)
        ? 'voter'
        : 'follower',
    stateCode: stateCode !== null && view.ballot.eligibleStates.includes(stateCode) ? stateCode : null,
  };
  const lang = reader.language;
  const message = (text: string, extra: { keyboard?: InlineKeyboardButton[][] } = {}): RenderOutcome => ({
    ok: true,
    message: { chatId: to.chatId, text, keyboard: extra.keyboard ?? [], personId: to.person?.id ?? null },
  });
  const closes = () => ({
    when: formatInstant(view.ballot.closesAt, reader.timeZone, lang),
    zone: formatZone(reader.timeZone, view.ballot.closesAt),
    title: escapeHtml(view.title),
  });
  switch (intent.kind) {
    case 'ballot-opened': {
      if (view.ballot.status === 'closed' && reader.audience !== 'group')
        return { ok: false, skip: true, reason: 'the ballot closed before its message went out' };
      return ballotMessage();
    }
    case 'ballot-text':
      return {
        ok: true,
        message: {
          chatId: to.chatId,
          text: t(lang, 'ballot-text-caption', {
            title: escapeHtml(view.title),
            version: view.ballot.draftVersion,
          }),
          keyboard: [],
          personId: to.person?.id ?? null,
          document: {
            fileName: `draft-${view.ballot.draftId}-v${view.ballot.draftVersion}.md`,
            content: view.text,
          },
        },
      };
    case 'ballot-tally': {
      const editMessageId = await findSentMessageId(db, {
        kind: 'ballot-opened',
        subject: { type: 'ballot', id: view.ballot.id },
        personId: to.person?.id ?? null,
        chatId: to.person ? null : to.chatId,
      });
      if (editMessageId === null)
        return {
          ok: false,
          skip: true,
          reason: 'the ballot message was never delivered, so there is nothing to edit',
        };
      const rendered = ballotMessage();
      return rendered.ok ? { ok: true, message: { ...rendered.message, editMessageId } } : rendered;
    }
    case 'ballot-extended':
      if (view.ballot.status === 'closed')
        return { ok: false, skip: true, reason: 'the ballot has closed since' };
      return message(t(lang, 'ballot-extended', closes()), { keyboard: openButton(t, lang, view.ballot.id) });
    case 'ballot-nudge':
      if (view.ballot.status === 'closed' || (reader.stateCode !== null && view.live.has(reader.stateCode)))
        return { ok: false, skip: true, reason: 'the state has voted or the ballot closed' };
      return message(t(lang, 'ballot-nudge', closes()), { keyboard: openButton(t, lang, view.ballot.id) });
    case 'ballot-closed':
      return message(renderBallotResult(t, view, reader));
  }

  function ballotMessage(): RenderOutcome {
    const rendered = renderBallotMessage(t, view as NonNullable<typeof view>, reader, deps.botUsername);
    return message(rendered.text, { keyboard: rendered.keyboard });
  }
}

/** A button that brings up the ballot as a new message, for notices about it. */
export const openButton = (t: Translate, language: Language, ballotId: number): InlineKeyboardButton[][] => [
  [
    {
      text: t(language, 'button-open-ballot'),
      callback_data: encodeBallotButton({ kind: 'open', ballotId }),
    },
  ],
];
