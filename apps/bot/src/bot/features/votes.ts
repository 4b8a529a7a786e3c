import {
  applyVote,
  askInChat,
  type Ballot,
  findBallot,
  findLiveVote,
  hasChatPrompt,
  listBallots,
  recordAudit,
  setLiveVoteRemark,
  takeChatPrompt,
  votingStateOf,
} from '@accord/db';
import {
  addMilliseconds,
  type BallotButton,
  decideVote,
  decodeBallotButton,
  encodeBallotButton,
  escapeHtml,
  type MemberStateCode,
  REMARK_MAX_LENGTH,
  REMARK_PROMPT_MS,
  type RemarkKind,
} from '@accord/domain';
import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import { formatInstant } from '../../format';
import {
  type BallotReader,
  choiceLabel,
  loadBallotView,
  renderBallotMessage,
} from '../../render/ballot-message';
import { isMessageNotModified } from '../../telegram-errors';
import type { BotContext } from '../context';
import { linkedPersonOrReply } from '../linked-person';

/**
 * Voting in chat: the ballot's buttons (a vote, a remark, a refresh), the remark the bot then
 * waits for, `/votes`, and the group's "vote in private" link. Votes are cast only in the
 * voter's private chat, for the state they are accredited to, while the ballot is open.
 */
export const votesFeature = new Composer<BotContext>();

const PROMPT_PURPOSE: Record<RemarkKind, string> = {
  comment: 'vote-comment',
  reservation: 'vote-reservation',
};

/** How this person reads the ballot: as a voter while their state may vote, else as a follower. */
async function readerFor(ctx: BotContext, ballot: Ballot): Promise<BallotReader | null> {
  const person = ctx.person;
  if (!person) return null;
  const state = await votingStateOf(ctx.deps.db, person, ctx.now());
  const votes = state !== null && ballot.eligibleStates.includes(state);
  return {
    language: person.language,
    timeZone: person.timeZone,
    audience: votes ? 'voter' : 'follower',
    stateCode: votes ? state : null,
  };
}

/** The ballot as this person sees it now, or null when it does not exist. */
async function ballotFor(ctx: BotContext, ballotId: number) {
  const view = await loadBallotView(ctx.deps.db, ballotId);
  const reader = view && (await readerFor(ctx, view.ballot));
  if (!view || !reader) return null;
  return { view, reader, ...renderBallotMessage(ctx.deps.t, view, reader, ctx.deps.botUsername) };
}

async function showInPlace(ctx: BotContext, ballotId: number): Promise<void> {
  const shown = await ballotFor(ctx, ballotId);
  if (!shown) return;
  try {
    await ctx.editMessageText(shown.text, {
      parse_mode: 'HTML',
      reply_markup: { inline_keyboard: shown.keyboard },
    });
  } catch (error) {
    // Pressed twice, or nothing new since: the message already shows it.
    if (!isMessageNotModified(error)) throw error;
  }
}

async function showAsNew(ctx: BotContext, ballotId: number): Promise<boolean> {
  const shown = await ballotFor(ctx, ballotId);
  if (!shown) return false;
  await ctx.reply(shown.text, { parse_mode: 'HTML', reply_markup: { inline_keyboard: shown.keyboard } });
  return true;
}

votesFeature.callbackQuery(/^v:/, async (ctx) => {
  const action = decodeBallotButton(ctx.callbackQuery.data);
  if (!action) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-invalid') });
    return;
  }
  const chat = ctx.callbackQuery.message?.chat;
  if (chat?.type !== 'private') {
    await ctx.answerCallbackQuery({ text: ctx.t('ballot-press-in-private'), show_alert: true });
    return;
  }
  // A button acts only in the private chat of the person pressing it (not on someone else's message).
  if (!ctx.person || chat.id !== ctx.from.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-not-for-you'), show_alert: true });
    return;
  }
  const ballot = await findBallot(ctx.deps.db, action.ballotId);
  if (!ballot) {
    await ctx.answerCallbackQuery({ text: ctx.t('ballot-unknown') });
    return;
  }
  switch (action.kind) {
    case 'refresh':
      await ctx.answerCallbackQuery({ text: ctx.t('ballot-refreshed') });
      await showInPlace(ctx, ballot.id);
      return;
    case 'open':
      await ctx.answerCallbackQuery();
      await showAsNew(ctx, ballot.id);
      return;
    case 'vote':
      await vote(ctx, action);
      return;
    case 'remark':
      await askForRemark(ctx, action.ballotId, action.remark);
      return;
  }
});

type Refusal = { refused: string; closed?: boolean };

async function vote(ctx: BotContext, action: Extract<BallotButton, { kind: 'vote' }>): Promise<void> {
  const { db } = ctx.deps;
  const person = ctx.person;
  if (!person) return;
  const now = ctx.now();
  const state = await votingStateOf(db, person, now);
  // Decided and written in one transaction, so a close racing this press is seen: nothing after it.
  const outcome = await db.transaction().execute(async (trx): Promise<Refusal | { recorded: Ballot }> => {
    const ballot = await findBallot(trx, action.ballotId);
    if (!ballot) return { refused: 'ballot-unknown' };
    if (state === null) return { refused: 'ballot-not-eligible-no-state' };
    const decision = decideVote(ballot, state, action.choice, now);
    if (!decision.ok) {
      const refusals: Record<typeof decision.error, string> = {
        BallotClosed: 'ballot-closed-already',
        NotOpenYet: 'ballot-not-open-yet',
        NotEligible: 'ballot-not-eligible-state',
        ChoiceNotOffered: 'button-invalid',
        DraftNotOpenForVote: 'button-invalid',
      };
      return { refused: refusals[decision.error], closed: decision.error === 'BallotClosed' };
    }
    const live = await findLiveVote(trx, ballot.id, state);
    if (live?.choice === action.choice) return { refused: 'ballot-vote-unchanged' };
    await applyVote(
      trx,
      ballot,
      {
        stateCode: state,
        personId: person.id,
        choice: action.choice,
        channel: 'telegram',
        reference: null,
        comment: null,
      },
      { personId: person.id, kind: 'telegram' },
      now,
    );
    return { recorded: ballot };
  });
  if ('refused' in outcome) {
    await ctx.answerCallbackQuery({
      text: ctx.t(outcome.refused),
      show_alert: outcome.refused !== 'ballot-vote-unchanged',
    });
    // A late press on an old message: the message now shows the result, without buttons.
    if (outcome.closed) await showInPlace(ctx, action.ballotId);
    return;
  }
  // Answered from what the transaction read, before rendering the ballot anew for the edit.
  await ctx.answerCallbackQuery({
    text: ctx.t('ballot-vote-recorded', {
      choice: choiceLabel(ctx.deps.t, person.language, { ballot: outcome.recorded }, action.choice),
    }),
  });
  await showInPlace(ctx, action.ballotId);
}

async function askForRemark(ctx: BotContext, ballotId: number, remark: RemarkKind): Promise<void> {
  const { db } = ctx.deps;
  const person = ctx.person;
  if (!person) return;
  const now = ctx.now();
  const ballot = await findBallot(db, ballotId);
  const state = await votingStateOf(db, person, now);
  if (!ballot || state === null || !ballot.eligibleStates.includes(state)) {
    await ctx.answerCallbackQuery({ text: ctx.t('ballot-not-eligible-state'), show_alert: true });
    return;
  }
  if (ballot.status === 'closed' || Date.parse(now) >= Date.parse(ballot.closesAt)) {
    await ctx.answerCallbackQuery({ text: ctx.t('ballot-closed-already'), show_alert: true });
    await showInPlace(ctx, ballotId);
    return;
  }
  const live = await findLiveVote(db, ballotId, state);
  if (!live) {
    await ctx.answerCallbackQuery({ text: ctx.t('ballot-remark-vote-first'), show_alert: true });
    return;
  }
  await askInChat(db, person.id, {
    purpose: PROMPT_PURPOSE[remark],
    subjectId: ballotId,
    askedAt: now,
    expiresAt: addMilliseconds(now, REMARK_PROMPT_MS),
  });
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t(`ballot-remark-ask-${remark}`, { max: String(REMARK_MAX_LENGTH) }));
}

const remarkOf = (purpose: string): RemarkKind | null =>
  purpose === PROMPT_PURPOSE.comment
    ? 'comment'
    : purpose === PROMPT_PURPOSE.reservation
      ? 'reservation'
      : null;

// The answer to "send your comment": the person's next text in the private chat, unless a command.
votesFeature.chatType('private').on('message:text', async (ctx, next) => {
  const person = ctx.person;
  const text = ctx.message.text.trim();
  const { db } = ctx.deps;
  const now = ctx.now();
  const purposes = Object.values(PROMPT_PURPOSE);
  if (!person || !(await hasChatPrompt(db, person.id, now, purposes))) return next();
  if (text.startsWith('/') && text !== '/cancel') return next();
  // Only a remark's question is taken: another feature's question stays for it.
  const prompt = await takeChatPrompt(db, person.id, now, purposes);
  const remark = prompt && remarkOf(prompt.purpose);
  if (!prompt || !remark) return next();
  if (text === '/cancel') {
    await ctx.reply(ctx.t('ballot-remark-cancelled'));
    return;
  }
  if (text.length > REMARK_MAX_LENGTH) {
    // Asked again, so the person can shorten it without pressing the button anew.
    await askInChat(db, person.id, {
      purpose: prompt.purpose,
      subjectId: prompt.subjectId,
      askedAt: now,
      expiresAt: addMilliseconds(now, REMARK_PROMPT_MS),
    });
    await ctx.reply(
      ctx.t('ballot-remark-too-long', { max: String(REMARK_MAX_LENGTH), length: String(text.length) }),
    );
    return;
  }
  const state = await votingStateOf(db, person, now);
  const saved = await db.transaction().execute(async (trx) => {
    const ballot = await findBallot(trx, prompt.subjectId);
    if (
      !ballot ||
      state === null ||
      ballot.status === 'closed' ||
      Date.parse(now) >= Date.parse(ballot.closesAt)
    )
      return false;
    const before = await findLiveVote(trx, ballot.id, state);
    if (!(await setLiveVoteRemark(trx, ballot.id, state as MemberStateCode, { comment: text, kind: remark })))
      return false;
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'vote.remark',
      recordType: 'ballot',
      recordId: ballot.id,
      before: { comment: before?.comment ?? null, remarkKind: before?.remarkKind ?? null },
      after: { stateCode: state, comment: text, remarkKind: remark },
    });
    return true;
  });
  await ctx.reply(ctx.t(saved ? `ballot-remark-saved-${remark}` : 'ballot-remark-not-saved'));
  if (saved) await showAsNew(ctx, prompt.subjectId);
});

// `/start ballot-<id>`: the group's "vote in private" button lands here.
votesFeature.chatType('private').command('start', async (ctx, next) => {
  const match = /^ballot-([1-9]\d{0,15})$/.exec(ctx.match.trim());
  if (!match || !ctx.person) return next();
  if (!(await showAsNew(ctx, Number(match[1])))) await ctx.reply(ctx.t('ballot-unknown'));
});

/** `/votes`: the person's open ballots, their state's current choice, and a button to open each. */
votesFeature.chatType('private').command('votes', async (ctx) => {
  const person = await linkedPersonOrReply(ctx);
  if (!person) return;
  const { db, t } = ctx.deps;
  const now = ctx.now();
  const state = await votingStateOf(db, person, now);
  const open = (await listBallots(db, { status: 'open' })).filter(
    (b) =>
      Date.parse(b.opensAt) <= Date.parse(now) &&
      (person.roles.includes('secretary') || (state !== null && b.eligibleStates.includes(state))),
  );
  if (open.length === 0) {
    await ctx.reply(ctx.t('votes-none'));
    return;
  }
  const lines: string[] = [ctx.t('votes-header')];
  const keyboard: InlineKeyboardButton[][] = [];
  for (const ballot of open) {
    const view = await loadBallotView(db, ballot.id);
    if (!view) continue;
    const vote = state !== null ? view.live.get(state) : undefined;
    const choice =
      state === null || !ballot.eligibleStates.includes(state)
        ? ctx.t('votes-not-voter')
        : vote
          ? choiceLabel(t, person.language, view, vote.choice)
          : ctx.t('votes-not-voted');
    lines.push(
      ctx.t('votes-line', {
        title: escapeHtml(view.title),
        choice,
        voted: view.tally.participating,
        eligible: view.tally.eligible,
        when: formatInstant(ballot.closesAt, person.timeZone, person.language),
      }),
    );
    keyboard.push([
      {
        text: view.title.length > 40 ? `${view.title.slice(0, 39)}…` : view.title,
        callback_data: encodeBallotButton({ kind: 'open', ballotId: ballot.id }),
      },
    ]);
  }
  await ctx.reply(lines.join('\n\n'), { parse_mode: 'HTML', reply_markup: { inline_keyboard: keyboard } });
});
