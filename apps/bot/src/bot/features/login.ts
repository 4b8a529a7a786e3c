import { createLoginToken, recordAudit } from '@accord/db';
import { addMilliseconds, escapeHtml, LOGIN_LINK_TTL_MS } from '@accord/domain';
import { Composer } from 'grammy';
import type { BotContext } from '../context';
import { linkedPersonOrReply } from '../linked-person';

/** `/login`: a one-time link (ten minutes, this person only) that opens the dashboard signed in. */
export const loginFeature = new Composer<BotContext>();

loginFeature.chatType('private').command('login', async (ctx) => {
  const person = await linkedPersonOrReply(ctx);
  if (!person) return;
  const { db, dashboardUrl } = ctx.deps;
  const now = ctx.now();
  const token = await db.transaction().execute(async (trx) => {
    const created = await createLoginToken(trx, {
      personId: person.id,
      now,
      expiresAt: addMilliseconds(now, LOGIN_LINK_TTL_MS),
    });
    // The link is a credential: the audit says one was issued, never what it was.
    await recordAudit(trx, {
      at: now,
      actorPersonId: person.id,
      actorKind: 'telegram',
      action: 'session.login-link',
      recordType: 'person',
      recordId: person.id,
    });
    return created;
  });
  const url = new URL(`/login?token=${token}`, dashboardUrl()).href;
  // Telegram accepts URL buttons only for public https addresses; the link in the text always works.
  const button = url.startsWith('https://')
    ? { reply_markup: { inline_keyboard: [[{ text: ctx.t('login-button'), url }]] } }
    : {};
  await ctx.reply(ctx.t('login-link', { url: escapeHtml(url) }), {
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...button,
  });
});
