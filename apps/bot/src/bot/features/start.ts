import { findInviteByToken, findPersonById, linkTelegram, markInviteUsed, recordAudit } from '@accord/db';
import { decideInviteUse, type InviteError, isWellFormedInviteToken } from '@accord/domain';
import { Composer } from 'grammy';
import type { BotContext } from '../context';

const inviteErrorText: Record<InviteError, string> = {
  InviteUnknown: 'start-token-unknown',
  InviteUsed: 'start-token-used',
  InviteExpired: 'start-token-expired',
  InviteRevoked: 'start-token-revoked',
  AlreadyLinked: 'start-token-already-linked',
};

/** `/start <invite token>` links a Telegram account to the person the secretary invited, once. */
export const startFeature = new Composer<BotContext>();

startFeature.chatType('private').command('start', async (ctx) => {
  const token = ctx.match.trim();
  if (token === '') {
    await ctx.reply(ctx.person ? ctx.t('start-known', { name: ctx.person.name }) : ctx.t('start-no-token'));
    return;
  }
  if (!isWellFormedInviteToken(token)) {
    await ctx.reply(ctx.t('start-token-garbled'));
    return;
  }
  const { db } = ctx.deps;
  const now = ctx.now();
  const invite = await findInviteByToken(db, token);
  const target = invite && (await findPersonById(db, invite.personId));
  if (!invite || !target?.active) {
    await ctx.reply(ctx.t('start-token-unknown'));
    return;
  }
  const decision = decideInviteUse(invite, now, target.telegramUserId, ctx.from.id);
  if (!decision.ok) {
    await ctx.reply(ctx.t(inviteErrorText[decision.error]));
    return;
  }
  const linked = await db.transaction().execute(async (trx) => {
    if (!(await markInviteUsed(trx, invite.id, now))) return false;
    await linkTelegram(trx, target.id, ctx.from.id, ctx.from.username ?? null, now);
    await recordAudit(trx, {
      at: now,
      actorPersonId: target.id,
      actorKind: 'telegram',
      action: 'person.link-telegram',
      recordType: 'person',
      recordId: target.id,
      before: { telegramUserId: target.telegramUserId },
      after: { telegramUserId: ctx.from.id },
    });
    return true;
  });
  if (!linked) {
    await ctx.reply(ctx.t('start-token-used'));
    return;
  }
  ctx.person = { ...target, telegramUserId: ctx.from.id, reachable: true };
  ctx.i18n.useLocale(target.language);
  await ctx.reply(ctx.t('start-welcome', { name: target.name }));
});
