import {
  type Ballot,
  type Database,
  findBallot,
  findDraft,
  type Kysely,
  listDraftVersions,
  listLiveVotes,
  listMemberStates,
  personNames,
} from '@accord/db';
import {
  type BallotButton,
  ballotTextInline,
  choicesFor,
  encodeBallotButton,
  escapeHtml,
  type Language,
  MESSAGE_MAX_LENGTH,
  type MemberState,
  type MemberStateCode,
  type Tally,
  tally,
  tallyVisible,
  type VoteChoice,
} from '@accord/domain';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatInstant, formatZone } from '../format';
import type { Translate } from '../i18n';
import { mark, type RenderedMessage } from './meeting-message';

/** A state's effective vote, as a ballot message shows it. */
export interface StateVote {
  choice: VoteChoice;
  castBy: string | null;
  castAt: string;
  channel: string;
  comment: string | null;
  remarkKind: string | null;
}

/** Everything a ballot message shows, read once from the records as they are now. */
export interface BallotView {
  ballot: Ballot;
  kind: 'recommendation' | 'decision';
  title: string;
  text: string;
  states: MemberState[];
  live: Map<MemberStateCode, StateVote>;
  tally: Tally;
}

export async function loadBallotView(db: Kysely<Database>, ballotId: number): Promise<BallotView | null> {
  const ballot = await findBallot(db, ballotId);
  const draft = ballot && (await findDraft(db, ballot.draftId));
  if (!ballot || !draft) return null;
  const version = (await listDraftVersions(db, draft.id)).find((v) => v.version === ballot.draftVersion);
  // Only the live votes and their casters' names: a press renders this twice, whatever the
  // number of members or of changed votes.
  const [states, votes] = await Promise.all([listMemberStates(db), listLiveVotes(db, ballotId)]);
  const names = await personNames(
    db,
    votes.flatMap((v) => (v.personId === null ? [] : [v.personId])),
  );
  const live = new Map(
    votes.map((v) => [
      v.stateCode,
      {
        choice: v.choice,
        castBy: v.personId === null ? null : (names.get(v.personId) ?? null),
        castAt: v.castAt,
        channel: v.channel,
        comment: v.comment,
        remarkKind: v.remarkKind,
      },
    ]),
  );
  return {
    ballot,
    kind: draft.kind,
    title: version?.title ?? draft.title,
    text: version?.text ?? draft.text,
    states: states.filter((s) => ballot.eligibleStates.includes(s.code)),
    live,
    tally: tally(
      ballot.eligibleStates,
      new Map([...live].map(([state, vote]) => [state, vote.choice])),
      ballot.quorum,
    ),
  };
}

export interface BallotReader {
  language: Language;
  timeZone: string;
  /** A voter has the buttons; a follower (a secretary who does not vote) and the group do not. */
  audience: 'voter' | 'follower' | 'group';
  /** The state the reader votes for, if any. */
  stateCode: MemberStateCode | null;
}

const at = formatInstant;

/** The words a choice reads as: under the silence procedure "no objection" and "objection". */
export const choiceLabel = (
  t: Translate,
  language: Language,
  view: Pick<BallotView, 'ballot'>,
  choice: VoteChoice,
) => t(language, view.ballot.rule.kind === 'silence' ? `silence-choice-${choice}` : `vote-choice-${choice}`);

const stateName = (state: MemberState | undefined, language: Language, code: string) =>
  state ? (language === 'ru' ? state.nameRu : state.nameEn) : code;

/** The first paragraph, shortened: the ballot's summary line. */
const summaryOf = (text: string) => {
  const first =
    text
      .trim()
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, ' ') ?? '';
  return first.length > 280 ? `${first.slice(0, 279)}…` : first;
};

function tallyLines(t: Translate, language: Language, view: BallotView): string[] {
  const { tally: counts } = view;
  const lines = [
    t(language, 'ballot-participation', {
      voted: counts.participating,
      eligible: counts.eligible,
      quorum: t(language, counts.quorumMet ? 'ballot-quorum-met' : 'ballot-quorum-not-met'),
    }),
  ];
  // Chat never shows a hidden tally early, not even to the secretary: a forwarded message would leak it.
  if (!tallyVisible(view.ballot, false)) return [...lines, t(language, 'ballot-results-hidden')];
  const offered = choicesFor(view.ballot.rule);
  return [
    ...lines,
    offered.map((choice) => `${choiceLabel(t, language, view, choice)}: ${counts[choice]}`).join(' · '),
  ];
}

function stateVoteLine(t: Translate, language: Language, view: BallotView, reader: BallotReader): string[] {
  if (reader.stateCode === null) return [];
  const state = view.states.find((s) => s.code === reader.stateCode);
  const name = escapeHtml(stateName(state, language, reader.stateCode));
  const vote = view.live.get(reader.stateCode);
  if (!vote) return [t(language, 'ballot-state-not-voted', { state: name })];
  const by = vote.castBy
    ? escapeHtml(vote.castBy)
    : t(language, vote.channel === 'letter' ? 'ballot-cast-by-letter' : 'ballot-cast-in-room');
  return [
    t(language, 'ballot-state-voted', {
      state: name,
      choice: choiceLabel(t, language, view, vote.choice),
      by,
      at: at(vote.castAt, reader.timeZone, language),
    }),
    ...(vote.comment
      ? [t(language, `ballot-remark-${vote.remarkKind ?? 'comment'}`, { text: escapeHtml(vote.comment) })]
      : []),
  ];
}

const button = (text: string, action: BallotButton): InlineKeyboardButton => ({
  text,
  callback_data: encodeBallotButton(action),
});

/**
 * A ballot as one HTML message in the reader's language and zone: what is put to the vote, the
 * rule and the close, the text (when it fits; otherwise it came as a document), the reader's
 * state's vote and who cast it, and the tally unless hidden. Voters get the buttons while it is open.
 */
export function renderBallotMessage(
  t: Translate,
  view: BallotView,
  reader: BallotReader,
  botUsername: string,
): RenderedMessage {
  const lang = reader.language;
  const { ballot } = view;
  const open = ballot.status === 'open';
  const zone = formatZone(reader.timeZone, ballot.closesAt);
  const rule =
    ballot.rule.kind === 'majority'
      ? t(lang, 'ballot-rule-majority', {
          fraction: `${ballot.rule.threshold.numerator}/${ballot.rule.threshold.denominator}`,
        })
      : t(lang, `ballot-rule-${ballot.rule.kind}`);
  const inline = ballotTextInline(view.text) && reader.audience !== 'group';
  const parts = [
    t(lang, `ballot-header-${view.kind}`, { version: ballot.draftVersion }),
    `<b>${escapeHtml(view.title)}</b>`,
    // The text itself shows in full when it fits; a summary stands in for it when it went as a document.
    ...(inline ? [] : [`<i>${escapeHtml(summaryOf(view.text))}</i>`]),
    '',
    rule,
    open
      ? t(lang, 'ballot-closes', { when: at(ballot.closesAt, reader.timeZone, lang), zone })
      : t(lang, `ballot-closed-${ballot.outcome ?? 'not-adopted'}`, {
          when: at(ballot.closedAt ?? ballot.closesAt, reader.timeZone, lang),
        }),
    ...(reader.audience === 'group'
      ? []
      : ['', inline ? escapeHtml(view.text) : t(lang, 'ballot-text-as-document')]),
    '',
    ...stateVoteLine(t, lang, view, reader),
    ...(open && reader.audience === 'voter' ? [t(lang, 'ballot-can-change')] : []),
    ...tallyLines(t, lang, view),
  ];
  const text = parts.join('\n');
  const keyboard: InlineKeyboardButton[][] = [];
  if (reader.audience === 'group') {
    if (open)
      keyboard.push([
        {
          text: t(lang, 'button-vote-in-private'),
          url: `https://t.me/${botUsername}?start=ballot-${ballot.id}`,
        },
      ]);
  } else if (open) {
    const chosen = reader.stateCode ? view.live.get(reader.stateCode)?.choice : undefined;
    if (reader.audience === 'voter') {
      keyboard.push(
        choicesFor(ballot.rule).map((choice) =>
          button(mark(choiceLabel(t, lang, view, choice), chosen === choice), {
            kind: 'vote',
            ballotId: ballot.id,
            choice,
          }),
        ),
        [
          button(t(lang, 'button-vote-comment'), { kind: 'remark', ballotId: ballot.id, remark: 'comment' }),
          button(t(lang, 'button-vote-reservation'), {
            kind: 'remark',
            ballotId: ballot.id,
            remark: 'reservation',
          }),
        ],
      );
    }
    keyboard.push([button(t(lang, 'button-refresh'), { kind: 'refresh', ballotId: ballot.id })]);
  }
  // The text is bounded (BALLOT_TEXT_INLINE_MAX) and titles are short, so this holds; if it ever
  // does not, the text goes rather than the ballot.
  if (text.length > MESSAGE_MAX_LENGTH) {
    return renderBallotMessage(t, { ...view, text: summaryOf(view.text) }, reader, botUsername);
  }
  return { text, keyboard };
}

/** The result, as everyone it concerns gets it at the close: the outcome, each state's vote, the reservations. */
export function renderBallotResult(
  t: Translate,
  view: BallotView,
  reader: Pick<BallotReader, 'language' | 'timeZone'>,
) {
  const lang = reader.language;
  const { ballot } = view;
  const byState = view.states.map((state) => {
    const vote = view.live.get(state.code);
    const name = escapeHtml(stateName(state, lang, state.code));
    return vote
      ? `• ${name}: ${choiceLabel(t, lang, view, vote.choice)}${vote.channel === 'telegram' ? '' : ` (${t(lang, `ballot-channel-${vote.channel}`)})`}`
      : `• ${name}: ${t(lang, 'ballot-no-vote')}`;
  });
  const remarks = view.states.flatMap((state) => {
    const vote = view.live.get(state.code);
    return vote?.comment
      ? [
          `• ${escapeHtml(stateName(state, lang, state.code))} — ${t(lang, `ballot-remark-kind-${vote.remarkKind ?? 'comment'}`)}: ${escapeHtml(vote.comment)}`,
        ]
      : [];
  });
  const lines = [
    t(lang, `ballot-result-${ballot.outcome ?? 'not-adopted'}`),
    `<b>${escapeHtml(view.title)}</b>`,
    t(lang, 'ballot-result-closed-at', {
      when: at(ballot.closedAt ?? ballot.closesAt, reader.timeZone, lang),
    }),
    '',
    ...tallyLines(t, lang, view),
    '',
    ...byState,
    ...(remarks.length > 0 ? ['', t(lang, 'ballot-result-remarks'), ...remarks] : []),
  ];
  return lines.join('\n').slice(0, MESSAGE_MAX_LENGTH);
}
