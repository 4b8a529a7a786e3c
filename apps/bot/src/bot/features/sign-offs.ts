import {
  answerSignOff,
  askInChat,
  auditRefusedSignOff,
  currentSignOffSubject,
  findReportById,
  findSignOff,
  hasChatPrompt,
  rolesInForce,
  type SignOffAnswerError,
  type SignOffRecord,
  takeChatPrompt,
} from '@accord/db';
import {
  addMilliseconds,
  decodeSignOffButton,
  SIGN_OFF_COMMENT_MAX,
  SIGN_OFF_COMMENT_PROMPT_MS,
  SIGN_OFF_COMMENT_PURPOSE,
  type SignOffButton,
  signerCapacity,
} from '@accord/domain';
import { Composer } from 'grammy';
import type { InlineKeyboardButton } from 'grammy/types';
import {
  signOffConfirmKeyboard,
  signOffItemLabel,
  signOffPromptKeyboard,
} from '../../render/sign-off-messages';
import { isMessageNotModified } from '../../telegram-errors';
import type { BotContext } from '../context';

/**
 * The chairman's sign-off in chat: the prompt's buttons (approve, then confirm; request changes,
 * then the comment the bot waits for). Only the chairman, or the deputy the chairman named, can
 * answer, only in their own private chat, only the request still waiting, and only for the
 * version it asks about: any other press changes nothing and says why.
 */
export const signOffsFeature = new Composer<BotContext>();

const PURPOSES = [SIGN_OFF_COMMENT_PURPOSE];

const lang = (ctx: BotContext) => ctx.person?.language ?? 'ru';

async function setKeyboard(ctx: BotContext, keyboard: InlineKeyboardButton[][]): Promise<void> {
  try {
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: keyboard } });
  } catch (error) {
    // Pressed twice: the message already shows these buttons.
    if (!isMessageNotModified(error)) throw error;
  }
}

/** Why an answer was refused, in the reader's words, from the request as it is now. */
async function refusal(ctx: BotContext, error: SignOffAnswerError, signOffId: number): Promise<string> {
  const signOff = await findSignOff(ctx.deps.db, signOffId);
  if (!signOff || error === 'NotFound') return ctx.t('sign-off-refused-unknown');
  switch (error) {
    case 'NotChairman':
      return ctx.t('sign-off-refused-not-chairman');
    case 'VersionMismatch':
      return ctx.t('button-invalid');
    case 'CommentRequired':
      return ctx.t('sign-off-refused-comment');
    case 'Stale':
      return ctx.t('sign-off-refused-stale', { version: signOff.version });
    case 'NotAwaiting':
      return signOff.state === 'superseded'
        ? ctx.t('sign-off-refused-stale', { version: signOff.version })
        : ctx.t('sign-off-refused-answered', { state: ctx.t(`sign-off-state-${signOff.state}`) });
  }
}

/**
 * Whether the pressing person may answer this request now (before asking them to confirm or to
 * write a comment): the same checks the answer itself makes, so nobody is asked in vain.
 */
async function checkPress(
  ctx: BotContext,
  button: SignOffButton,
): Promise<{ signOff: SignOffRecord } | { refused: SignOffAnswerError }> {
  const { db } = ctx.deps;
  const person = ctx.person;
  const signOff = await findSignOff(db, button.signOffId);
  if (!person || !signOff) return { refused: 'NotFound' };
  if (signerCapacity(await rolesInForce(db, person)) === null) return { refused: 'NotChairman' };
  if (signOff.version !== button.version) return { refused: 'VersionMismatch' };
  if (signOff.state !== 'requested') return { refused: 'NotAwaiting' };
  const subject = await currentSignOffSubject(db, signOff.kind, signOff.itemId);
  if (!subject) return { refused: 'NotFound' };
  if (subject.contentHash !== signOff.contentHash) return { refused: 'Stale' };
  return { signOff };
}

async function refuse(ctx: BotContext, error: SignOffAnswerError, signOffId: number): Promise<void> {
  await ctx.answerCallbackQuery({ text: await refusal(ctx, error, signOffId), show_alert: true });
  // Integrity: a press by someone who may not sign is logged, though it changes nothing.
  if (error === 'NotChairman' && ctx.person)
    await auditRefusedSignOff(
      ctx.deps.db,
      signOffId,
      { personId: ctx.person.id, kind: 'telegram' },
      error,
      ctx.now(),
    );
}

signOffsFeature.callbackQuery(/^so:/, async (ctx) => {
  const button = decodeSignOffButton(ctx.callbackQuery.data);
  if (!button) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-invalid') });
    return;
  }
  const chat = ctx.callbackQuery.message?.chat;
  // The prompt is answered only in the private chat of the person pressing it.
  if (!ctx.person || chat?.type !== 'private' || chat.id !== ctx.from.id) {
    await ctx.answerCallbackQuery({ text: ctx.t('button-not-for-you'), show_alert: true });
    return;
  }
  const checked = await checkPress(ctx, button);
  if ('refused' in checked) {
    await refuse(ctx, checked.refused, button.signOffId);
    return;
  }
  const { signOff } = checked;
  const lang = ctx.person?.language ?? 'ru';
  switch (button.kind) {
    case 'approve':
      await ctx.answerCallbackQuery({ text: ctx.t('sign-off-confirm-ask', { version: signOff.version }) });
      await setKeyboard(ctx, signOffConfirmKeyboard(ctx.deps.t, lang, signOff));
      return;
    case 'cancel':
      await ctx.answerCallbackQuery({ text: ctx.t('sign-off-confirm-cancelled') });
      await setKeyboard(ctx, signOffPromptKeyboard(ctx.deps.t, lang, signOff));
      return;
    case 'confirm':
      await approve(ctx, button);
      return;
    case 'changes':
      await askForComment(ctx, signOff);
      return;
  }
});

async function approve(ctx: BotContext, button: SignOffButton): Promise<void> {
  const person = ctx.person;
  if (!person) return;
  const now = ctx.now();
  // Decided against the report as it is inside the transaction, so an edit racing the press wins.
  const result = await ctx.deps.db
    .transaction()
    .execute((trx) =>
      answerSignOff(
        trx,
        button.signOffId,
        { kind: 'approve', version: button.version },
        { person, kind: 'telegram' },
        now,
      ),
    );
  if (!result.ok) {
    await refuse(ctx, result.error, button.signOffId);
    return;
  }
  const { signOff } = result.value;
  await ctx.answerCallbackQuery({ text: ctx.t('sign-off-approved-answer', { version: signOff.version }) });
  await setKeyboard(ctx, []);
  if (signOff.kind === 'report') {
    const report = await findReportById(ctx.deps.db, signOff.itemId);
    await ctx.reply(
      ctx.t('sign-off-approved', { version: signOff.version, year: String(report?.year ?? '') }),
    );
    return;
  }
  const item = await signOffItemLabel(ctx.deps.db, ctx.deps.t, lang(ctx), signOff);
  await ctx.reply(ctx.t('sign-off-approved-item', { version: signOff.version, item: item ?? '' }));
}

async function askForComment(ctx: BotContext, signOff: SignOffRecord): Promise<void> {
  const person = ctx.person;
  if (!person) return;
  const now = ctx.now();
  await askInChat(ctx.deps.db, person.id, {
    purpose: SIGN_OFF_COMMENT_PURPOSE,
    subjectId: signOff.id,
    askedAt: now,
    expiresAt: addMilliseconds(now, SIGN_OFF_COMMENT_PROMPT_MS),
  });
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ctx.t('sign-off-comment-ask', { version: signOff.version, max: String(SIGN_OFF_COMMENT_MAX) }),
  );
}

// The answer to "what should be changed": the chairman's next text in the private chat, unless a command.
signOffsFeature.chatType('private').on('message:text', async (ctx, next) => {
  const person = ctx.person;
  const text = ctx.message.text.trim();
  const { db } = ctx.deps;
  const now = ctx.now();
  if (!person || !(await hasChatPrompt(db, person.id, now, PURPOSES))) return next();
  if (text.startsWith('/') && text !== '/cancel') return next();
  const prompt = await takeChatPrompt(db, person.id, now, PURPOSES);
  if (!prompt) return next();
  if (text === '/cancel') {
    await ctx.reply(ctx.t('sign-off-comment-cancelled'));
    return;
  }
  if (text.length > SIGN_OFF_COMMENT_MAX) {
    // Asked again, so the chairman can shorten it without pressing the button anew.
    await askInChat(db, person.id, {
      purpose: prompt.purpose,
      subjectId: prompt.subjectId,
      askedAt: now,
      expiresAt: addMilliseconds(now, SIGN_OFF_COMMENT_PROMPT_MS),
    });
    await ctx.reply(
      ctx.t('sign-off-comment-too-long', { max: String(SIGN_OFF_COMMENT_MAX), length: String(text.length) }),
    );
    return;
  }
  const signOff = await findSignOff(db, prompt.subjectId);
  if (!signOff) {
    await ctx.reply(ctx.t('sign-off-refused-unknown'));
    return;
  }
  const result = await db
    .transaction()
    .execute((trx) =>
      answerSignOff(
        trx,
        signOff.id,
        { kind: 'request-changes', comment: text, version: signOff.version },
        { person, kind: 'telegram' },
        now,
      ),
    );
  if (!result.ok) {
    await ctx.reply(await refusal(ctx, result.error, signOff.id));
    return;
  }
  if (signOff.kind === 'report') {
    const report = await findReportById(db, signOff.itemId);
    await ctx.reply(
      ctx.t('sign-off-returned', { version: signOff.version, year: String(report?.year ?? '') }),
    );
    return;
  }
  const item = await signOffItemLabel(db, ctx.deps.t, lang(ctx), signOff);
  await ctx.reply(ctx.t('sign-off-returned-item', { version: signOff.version, item: item ?? '' }));
});
